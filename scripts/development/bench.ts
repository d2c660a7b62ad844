import 'reflect-metadata';
import os from 'node:os';
import { comparePeers } from './bench-peers';
import { CONCURRENCY, cpuOf, fixed, REQUESTS, run, SAMPLES, WARMUP, withSeededHub, type Measured, type Scenario } from './bench-hub';
import { atScale, precedentsAtScale } from './bench-scale';
import { startSeparateHub } from './processes';

/**
 * `npm run bench`: throughput and latency of the hub on this machine, as ratios against a
 * baseline measured in the same run, so the numbers compare across machines. Loopback
 * only; bounded request counts.
 *
 * - default: 300 demo victims; a page of 20 through the gateway against the victims
 *   subgraph asked directly (the baseline), with CASE, allowed and denied fields, and the
 *   floor of the path: a static list through the gateway, no database read; a
 *   registration, with a new Idempotency-Key each time, and retried with one key. Then the
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

async function demoScenarios() {
  return withSeededHub(300, async ({ hub, issuer, mongoUri, dbPid, env, dbName }) => {
    const socialWorker = await issuer.sign({ role: 'social_worker', jurisdiction: 'DE' });
    const partner = await issuer.sign({ role: 'partner_system', jurisdiction: 'DE' });
    const caseFields = `{ victims(first: 20) { edges { node { id caseReference status ageGroup } } } }`;
    const protectedFields = `{ victims(first: 20) { edges { node { id caseReference legalName contactPhone vulnerabilities } } } }`;
    let registered = 0;
    const registration = (legalName: string, key?: string) => ({
      query: `mutation($input: RegisterVictimInput!) { registerVictim(input: $input) { victim { id caseReference legalName } } }`,
      variables: { input: { legalName, dateOfBirth: '1990-05-17', nationality: 'UA', gender: 'FEMALE', languages: ['uk'], contactPhone: '+380501234567' } },
      headers: key ? { 'idempotency-key': key } : undefined,
    });
    const scenarios: Scenario[] = [
      { name: 'baseline: subgraph direct, CASE fields', url: hub.subgraphs.victims.url, token: socialWorker, next: fixed(caseFields) },
      // The floor: the same path (client, gateway, one subgraph) with no database read at all.
      { name: 'gateway, static list (no database)', url: hub.gateway.url, token: socialWorker, next: fixed(`{ iloIndicators { code } }`) },
      { name: 'gateway, CASE fields', url: hub.gateway.url, token: socialWorker, next: fixed(caseFields) },
      { name: 'gateway, protected fields allowed (+20 audit events)', url: hub.gateway.url, token: socialWorker, next: fixed(protectedFields) },
      { name: 'gateway, protected fields denied (60 FORBIDDEN)', url: hub.gateway.url, token: partner, next: fixed(protectedFields) },
      // Writes, and what an Idempotency-Key adds to one (subgraphs/common/idempotency.ts): a new key each time, then one key retried.
      { name: 'gateway, register a victim', url: hub.gateway.url, token: socialWorker, next: () => registration(`Bench Person ${(registered += 1)}`) },
      { name: 'gateway, register a victim with an Idempotency-Key', url: hub.gateway.url, token: socialWorker, next: () => registration(`Bench Keyed ${(registered += 1)}`, `bench-key-${registered}`) },
      { name: 'gateway, a registration retried with its key (the kept answer)', url: hub.gateway.url, token: socialWorker, next: () => registration('Bench Retried', 'bench-retried') },
    ];
    const rows: Array<Record<string, string | number>> = [];
    let baseline = 0;
    // BENCH_ONLY=<part of a name>[|<part of another>…]: the baseline and the scenarios naming one (to profile one).
    const only = process.env.BENCH_ONLY?.split('|').filter(Boolean);
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
    const chosen = scenarios.filter((s, i) => !only || i === 0 || only.some((part) => s.name.includes(part)));
    for (const scenario of chosen) await measure(scenario);
    // BENCH_TOPOLOGY=one: the single hub only (the separate processes' rows are skipped).
    if (process.env.BENCH_TOPOLOGY === 'one') return report(rows);
    // The other topology, on the same database: every service in its own process, as `npm
    // start -- --processes` and docker-compose run them (the single hub stays up, idle).
    const separate = await startSeparateHub({ mongoUri, issuers: [issuer.trusted], env, freePorts: true, dbName, ratePerMinute: 1_000_000, logLevel: process.env.LOG_LEVEL ?? 'warn' });
    try {
      for (const scenario of chosen.filter((s) => s.url === hub.gateway.url && !s.name.includes('denied') && !s.name.includes('regist'))) {
        await measure({ ...scenario, name: `separate processes: ${scenario.name}`, url: separate.gateway.url }, separate.pids());
      }
    } finally {
      await separate.stop();
    }
    return report(rows);
  });
}

function report(rows: Array<Record<string, string | number>>): boolean {
  console.log(`300 demo victims; ${REQUESTS} requests per scenario, ${CONCURRENCY} concurrent, one process for the client and the single hub, ${os.cpus().length} cores`);
  console.log('cpu ms: CPU per request of this process (hub and client), and of the services for "separate processes"; db ms: of the embedded database (n/a on MONGODB_URI)');
  console.table(rows);
  return rows.some((r) => Number(r.failures) > 0);
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
    const failed = await withSeededHub(300, (bench) => comparePeers(bench));
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
