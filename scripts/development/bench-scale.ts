import { byIds, connectDatabase } from '../../subgraphs/common/storage';
import { SEARCH_PROBES } from '../../subgraphs/proceedings/precedents/demo-decisions';
import type { PrecedentRecord } from '../../subgraphs/proceedings/precedents/models';
import { demoPrecedentRecords, loadPrecedents } from '../../subgraphs/proceedings/precedents/seed';
import { CONCURRENCY, fixed, REQUESTS, run, SAMPLES, WARMUP, withSeededHub, type Measured, type Scenario } from './bench-hub';

/** `npm run bench -- --scale` and `--precedents` (bench.ts): the same requests on ever larger databases. */

const VICTIM = `query($id: ID!) { victim(id: $id) { id caseReference status legalName } }`;
const PAGE = `query($after: String) { victims(first: 20, after: $after) {
  edges { node { id caseReference legalName contactPhone vulnerabilities } } pageInfo { hasNextPage endCursor } } }`;
const GRANT = `mutation($victimId: ID!, $input: GrantConsentInput!) { grantConsent(victimId: $victimId, input: $input) { id } }`;

export async function atScale(victims: number) {
  return withSeededHub(victims, async ({ hub, issuer, victimModels }) => {
    // DE victims' ids, from the list the subgraph pages over.
    const store = await victimModels();
    const entries = await store.models.victims.lists.read(store.models.victims.list('jurisdiction', 'DE'), 0, 5000);
    // A closed record takes no new consent (CONFLICT): grants go to the open ones.
    const open = (await byIds<{ _id: string; status: string }>(store.models.Victim, entries.map((e) => e.ref))).filter((v) => v.status !== 'CLOSED').map((v) => v._id);
    await store.close();
    let seed = 7;
    const pick = (ids: string[]) => ids[(seed = (seed * 48271) % 2147483647) % ids.length];
    const all = entries.map((e) => e.ref);
    const anyId = () => pick(all);

    const token = await issuer.sign({ role: 'social_worker', jurisdiction: 'DE' });
    let after: string | null = null;
    const scenarios: Array<{ key: string; scenario: Scenario; samples: number }> = [
      { key: 'victim by id', samples: SAMPLES, scenario: { name: 'victim by id', url: hub.gateway.url, token, next: () => ({ query: VICTIM, variables: { id: anyId() } }) } },
      {
        key: 'page of 20, protected fields',
        samples: SAMPLES,
        scenario: {
          name: 'page walk',
          url: hub.gateway.url,
          token,
          next: () => ({ query: PAGE, variables: { after } }),
          seen: (data) => (after = data.victims.pageInfo.hasNextPage ? data.victims.pageInfo.endCursor : null),
        },
      },
      {
        key: 'consent grant',
        samples: Math.ceil(SAMPLES / 2),
        scenario: {
          name: 'grant',
          url: hub.gateway.url,
          token,
          next: () => ({ query: GRANT, variables: { victimId: pick(open), input: { categories: ['HEALTH'], granteeJurisdictions: ['AT'], purposes: ['VICTIM_SUPPORT'], note: 'benchmark' } } }),
        },
      },
    ];
    const results: Record<string, Measured> = {};
    for (const { key, scenario, samples } of scenarios) {
      await run(scenario, 20, 1);
      results[key] = await run(scenario, samples, 1);
    }
    after = null;
    const pages = scenarios[1].scenario;
    await run(pages, WARMUP, CONCURRENCY);
    results['pages per second'] = await run(pages, REQUESTS, CONCURRENCY);
    return results;
  });
}

const FIRST_DAY = Date.UTC(2000, 0, 1);
const SPAN_DAYS = 26 * 365;

/**
 * The `i`th of `count` precedents: the demo ones again and again, each copy with its own
 * ECLI and decision date, citing nothing; in decision order (an archive's), oldest first,
 * over 26 years.
 */
function repeatedPrecedent(demo: PrecedentRecord[], i: number, count: number): PrecedentRecord {
  const base = demo[i % demo.length];
  const decidedOn = new Date(FIRST_DAY + Math.floor((i * SPAN_DAYS) / count) * 86_400_000).toISOString().slice(0, 10);
  return { ...base, _id: `bench${String(i).padStart(17, '0')}`, ecli: `ECLI:${base.ecli.split(':')[1]}:BENCH:${decidedOn.slice(0, 4)}:${i}`, decidedOn, cites: [] };
}

function* repeatedPrecedents(count: number): Generator<PrecedentRecord> {
  const demo = demoPrecedentRecords();
  for (let i = 0; i < count; i++) yield repeatedPrecedent(demo, i, count);
}

// Without totalCount: a count reads every block a match may be in (decision 119); the page does not.
const PRECEDENT_SEARCH = `query($search: String) { precedents(search: $search, first: 20) { edges { score node { ecli court decidedOn } highlights { snippet } } } }`;
const PRECEDENT_LIST = `{ precedents(jurisdiction: "DE", legalIssues: [COMPENSATION], first: 20) { edges { node { ecli decidedOn summary } } } }`;
const PRECEDENT_ONE = `query($ecli: String!) { precedent(ecli: $ecli) { ecli summary cites { ecli } citedBy { ecli } } }`;
const PRECEDENT_CHANGES = `query($since: String) { precedentChanges(since: $since, first: 100) { cursor hasMore changes { ecli kind } } }`;

export async function precedentsAtScale(count: number) {
  return withSeededHub(60, async ({ hub, mongoUri, dbName }) => {
    const loading = performance.now();
    const connection = await connectDatabase(mongoUri, dbName('proceedings'));
    const seconds = () => ((performance.now() - loading) / 1000).toFixed(1);
    await loadPrecedents(connection, repeatedPrecedents(count), (loaded) => {
      if (loaded % 10_000 === 0 || loaded === count) console.log(`loaded ${loaded} of ${count} precedents in ${seconds()} s, ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB resident`);
    });
    await connection.close();
    const demo = demoPrecedentRecords();
    let probe = 0;
    let since: string | null = null;
    const url = hub.gateway.url;
    const scenarios: Array<{ key: string; scenario: Scenario }> = [
      { key: 'precedent by ECLI', scenario: { name: 'by ECLI', url, token: '', next: () => ({ query: PRECEDENT_ONE, variables: { ecli: repeatedPrecedent(demo, (probe = (probe * 48271 + 11) % 2147483647) % count, count).ecli } }) } },
      { key: 'search, page of 20', scenario: { name: 'search', url, token: '', next: () => ({ query: PRECEDENT_SEARCH, variables: { search: SEARCH_PROBES[probe++ % SEARCH_PROBES.length].search } }) } },
      { key: 'filtered list, page of 20', scenario: { name: 'list', url, token: '', next: fixed(PRECEDENT_LIST) } },
      {
        key: 'change feed, page of 100',
        scenario: {
          name: 'feed',
          url,
          token: '',
          next: () => ({ query: PRECEDENT_CHANGES, variables: { since } }),
          seen: (data) => (since = data.precedentChanges.hasMore ? data.precedentChanges.cursor : null),
        },
      },
    ];
    const results: Record<string, Measured> = {};
    for (const { key, scenario } of scenarios) {
      await run(scenario, 10, 1);
      results[key] = await run(scenario, Math.ceil(SAMPLES / 2), 1);
    }
    return results;
  });
}
