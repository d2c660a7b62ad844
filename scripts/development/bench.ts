import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { byIds, connectDatabase } from '../../subgraphs/common/storage';
import { victimModels } from '../../subgraphs/victims/models';
import { keyDirectoriesUnder, randomSecrets } from './dev-env';
import { loadOrCreateIssuer, type Issuer } from './dev-issuer';
import { startEmbeddedDatabase } from './embedded-db';
import { startLocalHub, type LocalHub } from './local-hub';
import { startSeparateHub } from './processes';
import { comparePeers } from './bench-peers';
import type { SeedSecrets } from '../../subgraphs/common/demo';
import { seedDemoData } from '../../subgraphs/victims/seed';
import { demoPrecedentRecords, loadPrecedents } from '../../subgraphs/proceedings/precedents/seed';
import { SEARCH_PROBES } from '../../subgraphs/proceedings/precedents/demo-decisions';
import type { PrecedentRecord } from '../../subgraphs/proceedings/precedents/models';

/**
 * `npm run bench`: throughput and latency of the hub on this machine, as ratios against a
 * baseline measured in the same run, so the numbers compare across machines. Loopback
 * only; bounded request counts.
 *
 * - default: 300 demo victims; a page of 20 through the gateway against the victims
 *   subgraph asked directly (the baseline), with CASE, allowed and denied fields, and the
 *   floor of the path: a static list through the gateway, no database read. Then the
 *   floor and the pages again with every service in its own process (`npm start --
 *   --processes`) on the same database, against the same baseline.
 * - `--scale 1000,10000,50000`: for each size a fresh database seeded with that many
 *   victims (consents and audit history in proportion); victim by id, a page of 20 with
 *   protected fields (walking the list page after page), a consent grant, and pages per
 *   second; each size against the smallest.
 * - `--precedents 40,1000,10000`: for each size a fresh database with that many
 *   precedents (the demo ones, repeated with other ECLIs and dates); asked without a
 *   token: a search, a filtered list, one by ECLI and a page of the change feed; each
 *   size against the smallest.
 * - `--peers`: the hub's gateway against a peer router, Hive Gateway, on the same
 *   subgraphs, every service and both routers in processes of their own (each router
 *   pinned to one core with `taskset` where it exists): the floor, a page of CASE fields
 *   and a page of protected fields, in alternating rounds; req/s, p50/p99 and each
 *   router's own CPU per request (bench-peers.ts, peer-router.ts).
 */

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const WARMUP = 50;

export interface Scenario {
  name: string;
  url: string;
  /** Empty: asked without a token (public fields). */
  token: string;
  /** The next request's query and variables (a scenario may walk, e.g. page after page). */
  next(): { query: string; variables?: Record<string, unknown> };
  /** Sees each answer (to follow cursors). */
  seen?(data: any): void;
}

export interface Measured {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** CPU of this process (hub and client) per request, in ms: user and system time. */
  cpuMs: number;
  failures: number;
}

async function run(scenario: Scenario, count: number, concurrency: number): Promise<Measured> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      next++;
      const { query, variables } = scenario.next();
      const t0 = performance.now();
      const res = await fetch(scenario.url, {
        method: 'POST',
        headers: scenario.token ? { 'content-type': 'application/json', authorization: `Bearer ${scenario.token}`, 'x-purpose': 'CASE_MANAGEMENT' } : { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
      latencies.push(performance.now() - t0);
      if (res.status !== 200 || !body.data || (body.errors && scenario.name.includes('allowed'))) {
        if (failures++ === 0) console.error(`${scenario.name}: ${JSON.stringify(body).slice(0, 500)}`);
      } else scenario.seen?.(body.data);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))];
  return { perSecond: count / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), cpuMs: (used.user + used.system) / 1000 / count, failures };
}

/** A fresh hub on a fresh database (the embedded one in a temp folder, or new names on MONGODB_URI), seeded with `victims`. */
interface BenchHub {
  hub: LocalHub;
  issuer: Issuer;
  mongoUri: string;
  /** The embedded database's process (null on MONGODB_URI): its CPU is the rest of a request's cost. */
  dbPid: number | null;
  /** The subgraphs' secrets and key directories. */
  env: Record<string, string>;
  dbName(name: string): string;
  /** The seeded victims database, opened with the subgraph's own models. */
  victimModels(): Promise<{ models: ReturnType<typeof victimModels>; close(): Promise<void> }>;
}

async function withSeededHub<R>(victims: number, work: (bench: BenchHub) => Promise<R>): Promise<R> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-bench-'));
  const db = process.env.MONGODB_URI ? null : await startEmbeddedDatabase({ dataDir: path.join(workDir, 'db') });
  const mongoUri = process.env.MONGODB_URI ?? db!.uri;
  const issuer = await loadOrCreateIssuer(path.join(workDir, 'issuer'));
  const env = { ...randomSecrets(), ...keyDirectoriesUnder(workDir) };
  const suffix = randomBytes(3).toString('hex');
  const dbName = (name: string) => `${name}_bench_${suffix}`;
  try {
    const seeding = performance.now();
    const seedConnection = await connectDatabase(mongoUri, dbName('victims'));
    await seedDemoData(seedConnection, env as SeedSecrets, victims, () => {});
    await seedConnection.close();
    console.log(`seeded ${victims} victims in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    // A line per request would drown the results (and cost time): warnings only, unless LOG_LEVEL says otherwise.
    const hub = await startLocalHub({ mongoUri, issuers: [issuer.trusted], env, ratePerMinute: 1_000_000, freePorts: true, dbName, logLevel: process.env.LOG_LEVEL ?? 'warn' });
    try {
      return await work({
        hub,
        issuer,
        mongoUri,
        dbPid: db?.pid ?? null,
        env,
        dbName,
        async victimModels() {
          const connection = await connectDatabase(mongoUri, dbName('victims'));
          return { models: victimModels(connection, env.IDENTITY_HASH_KEY), close: () => connection.close() };
        },
      });
    } finally {
      await hub.stop();
    }
  } finally {
    await db?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

const fixed = (query: string) => () => ({ query });

/** CPU time (user and system, ms) the processes `pids` have used so far, from /proc (0 elsewhere). */
function cpuOf(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd: state, ppid, …
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (14th and 15th)
    } catch {
      // not Linux, or gone
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

async function demoScenarios() {
  return withSeededHub(300, async ({ hub, issuer, mongoUri, dbPid, env, dbName }) => {
    const socialWorker = await issuer.sign({ role: 'social_worker', jurisdiction: 'DE' });
    const partner = await issuer.sign({ role: 'partner_system', jurisdiction: 'DE' });
    const caseFields = `{ victims(first: 20) { edges { node { id caseReference status ageGroup } } } }`;
    const protectedFields = `{ victims(first: 20) { edges { node { id caseReference legalName contactPhone vulnerabilities } } } }`;
    const scenarios: Scenario[] = [
      { name: 'baseline: subgraph direct, CASE fields', url: hub.subgraphs.victims.url, token: socialWorker, next: fixed(caseFields) },
      // The floor: the same path (client, gateway, one subgraph) with no database read at all.
      { name: 'gateway, static list (no database)', url: hub.gateway.url, token: socialWorker, next: fixed(`{ iloIndicators { code } }`) },
      { name: 'gateway, CASE fields', url: hub.gateway.url, token: socialWorker, next: fixed(caseFields) },
      { name: 'gateway, protected fields allowed (+20 audit events)', url: hub.gateway.url, token: socialWorker, next: fixed(protectedFields) },
      { name: 'gateway, protected fields denied (60 FORBIDDEN)', url: hub.gateway.url, token: partner, next: fixed(protectedFields) },
    ];
    const rows: Array<Record<string, string | number>> = [];
    let baseline = 0;
    // BENCH_ONLY=<part of a name>: the baseline and the scenarios naming it (to profile one).
    const only = process.env.BENCH_ONLY;
    const measure = async (scenario: Scenario, pids: number[] = []) => {
      await run(scenario, WARMUP, CONCURRENCY);
      const rssBefore = process.memoryUsage().rss;
      const cpuBefore = cpuOf(pids);
      const dbBefore = dbPid ? cpuOf([dbPid]) : 0;
      const result = await run(scenario, REQUESTS, CONCURRENCY);
      if (!baseline) baseline = result.perSecond;
      rows.push({
        scenario: scenario.name,
        'req/s': result.perSecond.toFixed(0),
        'vs baseline': (result.perSecond / baseline).toFixed(2),
        'p50 ms': result.p50.toFixed(1),
        'p95 ms': result.p95.toFixed(1),
        'cpu ms': (result.cpuMs + (cpuOf(pids) - cpuBefore) / REQUESTS).toFixed(1),
        'db ms': dbPid ? ((cpuOf([dbPid]) - dbBefore) / REQUESTS).toFixed(1) : 'n/a',
        'rss +MB': ((process.memoryUsage().rss - rssBefore) / 1e6).toFixed(1),
        failures: result.failures,
      });
    };
    const chosen = scenarios.filter((s, i) => !only || i === 0 || s.name.includes(only));
    for (const scenario of chosen) await measure(scenario);
    // The other topology, on the same database: every service in its own process, as `npm
    // start -- --processes` and docker-compose run them (the single hub stays up, idle).
    const separate = await startSeparateHub({ mongoUri, issuers: [issuer.trusted], env, freePorts: true, dbName, ratePerMinute: 1_000_000, logLevel: process.env.LOG_LEVEL ?? 'warn' });
    try {
      for (const scenario of chosen.filter((s) => s.url === hub.gateway.url && !s.name.includes('denied'))) {
        await measure({ ...scenario, name: `separate processes: ${scenario.name}`, url: separate.gateway.url }, separate.pids());
      }
    } finally {
      await separate.stop();
    }
    console.log(`300 demo victims; ${REQUESTS} requests per scenario, ${CONCURRENCY} concurrent, one process for the client and the single hub, ${os.cpus().length} cores`);
    console.log('cpu ms: CPU per request of this process (hub and client), and of the services for "separate processes"; db ms: of the embedded database (n/a on MONGODB_URI)');
    console.table(rows);
    return rows.some((r) => Number(r.failures) > 0);
  });
}

const VICTIM = `query($id: ID!) { victim(id: $id) { id caseReference status legalName } }`;
const PAGE = `query($after: String) { victims(first: 20, after: $after) {
  edges { node { id caseReference legalName contactPhone vulnerabilities } } pageInfo { hasNextPage endCursor } } }`;
const GRANT = `mutation($victimId: ID!, $input: GrantConsentInput!) { grantConsent(victimId: $victimId, input: $input) { id } }`;

async function atScale(victims: number) {
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

/** `count` precedents: the demo ones again and again, each copy with its own ECLI and decision date, citing nothing. */
function repeatedPrecedents(count: number): PrecedentRecord[] {
  const demo = demoPrecedentRecords();
  return Array.from({ length: count }, (_, i) => {
    const base = demo[i % demo.length];
    const year = 2000 + (i % 26);
    const decidedOn = `${year}${base.decidedOn.slice(4)}`;
    return { ...base, _id: `bench${String(i).padStart(17, '0')}`, ecli: `ECLI:${base.ecli.split(':')[1]}:BENCH:${year}:${i}`, decidedOn, cites: [] };
  });
}

const PRECEDENT_SEARCH = `query($search: String) { precedents(search: $search, first: 20) { totalCount edges { score node { ecli court decidedOn } highlights { snippet } } } }`;
const PRECEDENT_LIST = `{ precedents(jurisdiction: "DE", legalIssues: [COMPENSATION], first: 20) { totalCount edges { node { ecli decidedOn summary } } } }`;
const PRECEDENT_ONE = `query($ecli: String!) { precedent(ecli: $ecli) { ecli summary cites { ecli } citedBy { ecli } } }`;
const PRECEDENT_CHANGES = `query($since: String) { precedentChanges(since: $since, first: 100) { cursor hasMore changes { ecli kind } } }`;

async function precedentsAtScale(count: number) {
  return withSeededHub(60, async ({ hub, mongoUri, dbName }) => {
    const loading = performance.now();
    const connection = await connectDatabase(mongoUri, dbName('proceedings'));
    const records = repeatedPrecedents(count);
    await loadPrecedents(connection, records);
    await connection.close();
    console.log(`loaded ${count} precedents in ${((performance.now() - loading) / 1000).toFixed(1)} s`);
    let probe = 0;
    let since: string | null = null;
    const url = hub.gateway.url;
    const scenarios: Array<{ key: string; scenario: Scenario }> = [
      { key: 'precedent by ECLI', scenario: { name: 'by ECLI', url, token: '', next: () => ({ query: PRECEDENT_ONE, variables: { ecli: records[(probe = (probe * 48271 + 11) % 2147483647) % count].ecli } }) } },
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

/** Sizes from the command line, e.g. `--scale 1000,10000`. */
function sizesOf(flag: string, min: number, max: number): number[] {
  const sizes = (process.argv[process.argv.indexOf(flag) + 1] ?? '').split(',').map(Number);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < min || n > max)) {
    throw new Error(`${flag} takes sizes between ${min} and ${max}, e.g. ${flag} ${min},${min * 10}`);
  }
  return sizes;
}

async function main() {
  if (process.argv.includes('--peers')) {
    const failed = await withSeededHub(300, (bench) => comparePeers({ ...bench, run, cpuOf, requests: REQUESTS, concurrency: CONCURRENCY }));
    if (failed) process.exitCode = 1;
    return;
  }
  const precedents = process.argv.includes('--precedents');
  if (!process.argv.includes('--scale') && !precedents) {
    if (await demoScenarios()) process.exitCode = 1;
    return;
  }
  const sizes = precedents ? sizesOf('--precedents', 40, 100_000) : sizesOf('--scale', 100, 200_000);
  const bySize = new Map<number, Record<string, Measured>>();
  for (const size of sizes) bySize.set(size, await (precedents ? precedentsAtScale(size) : atScale(size)));
  const smallest = bySize.get(sizes[0])!;
  const rows = [];
  for (const [size, results] of bySize) {
    for (const [key, r] of Object.entries(results)) {
      const perSecond = key === 'pages per second';
      rows.push({
        [precedents ? 'precedents' : 'victims']: size,
        measure: key,
        'p50 ms': perSecond ? '' : r.p50.toFixed(1),
        'p99 ms': perSecond ? '' : r.p99.toFixed(1),
        'req/s': r.perSecond.toFixed(0),
        [`vs ${sizes[0]}`]: perSecond ? (r.perSecond / smallest[key].perSecond).toFixed(2) : (r.p50 / smallest[key].p50).toFixed(2),
        failures: r.failures,
      });
    }
  }
  console.log(`through the gateway; latency: ${precedents ? Math.ceil(SAMPLES / 2) : SAMPLES} requests one at a time; pages per second: ${REQUESTS} requests, ${CONCURRENCY} concurrent; ${os.cpus().length} cores`);
  console.log(`"vs ${sizes[0]}": p50 against the same measure at ${sizes[0]} ${precedents ? 'precedents' : 'victims'} (for pages per second, the rate)`);
  console.table(rows);
  if (rows.some((r) => r.failures > 0)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
