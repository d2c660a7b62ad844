import 'reflect-metadata';
import os from 'node:os';
import { comparePeers } from './bench-peers';
import { CONCURRENCY, cpuOf, fixed, median, REQUESTS, run, SAMPLES, WARMUP, withSeededHub, type Measured, type Scenario } from './bench-hub';
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
 *   registration, with a new Idempotency-Key each time, and retried with one key; in
 *   `BENCH_ROUNDS` rounds (default 3), medians reported, and issue 24's ratios read within
 *   each round. Then the floor and the pages again with every service in its own process
 *   (`npm start -- --processes`) on the same database, against the same rounds' baselines.
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
    // BENCH_ONLY=<part of a name>[|<part of another>…]: the baseline and the scenarios naming one (to profile one).
    const only = process.env.BENCH_ONLY?.split('|').filter(Boolean);
    const chosen = scenarios.filter((s, i) => !only || i === 0 || only.some((part) => s.name.includes(part)));
    const rounds: Round[] = [];
    for (let round = 1; round <= ROUNDS; round++) rounds.push(await measureRound(chosen, { dbPid }));
    // BENCH_TOPOLOGY=one: the single hub only (the separate processes' rows are skipped).
    if (process.env.BENCH_TOPOLOGY === 'one') return report(rounds);
    // The other topology, on the same database: every service in its own process, as `npm
    // start -- --processes` and docker-compose run them (the single hub stays up, idle).
    const separate = await startSeparateHub({ mongoUri, issuers: [issuer.trusted], env, freePorts: true, dbName, ratePerMinute: 1_000_000, logLevel: process.env.LOG_LEVEL ?? 'warn' });
    try {
      const reads = chosen.filter((s) => s.url === hub.gateway.url && !s.name.includes('denied') && !s.name.includes('regist'));
      const separated = reads.map((s) => ({ ...s, name: `separate processes: ${s.name}`, url: separate.gateway.url }));
      for (let round = 0; round < ROUNDS; round++) {
        // Against the baseline the single hub measured in the same round.
        const more = await measureRound(separated, { dbPid, pids: separate.pids(), baseline: rounds[round].baseline });
        rounds[round].rows.push(...more.rows);
      }
    } finally {
      await separate.stop();
    }
    return report(rounds);
  });
}

/** Rounds of every chosen scenario (BENCH_ROUNDS, default 3): a shared machine's drift shows between rounds, and ratios are read within one. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Row {
  scenario: string;
  perSecond: number;
  /** Against the round's baseline. */
  ratio: number;
  p50: number;
  p95: number;
  cpuMs: number;
  dbMs: number | null;
  rssMb: number;
  failures: number;
}

interface Round {
  /** The baseline's req/s in this round. */
  baseline: number;
  rows: Row[];
}

/**
 * One round: each scenario after its warm-up, in order; the first is the baseline unless
 * one is given. `pids`: other processes whose CPU is the scenario's too (separate services).
 */
async function measureRound(scenarios: Scenario[], options: { dbPid: number | null; pids?: number[]; baseline?: number }): Promise<Round> {
  const { dbPid, pids = [] } = options;
  let baseline = options.baseline ?? 0;
  const rows: Row[] = [];
  for (const scenario of scenarios) {
    await run(scenario, WARMUP, CONCURRENCY);
    const rssBefore = process.memoryUsage().rss;
    const cpuBefore = cpuOf(pids);
    const dbBefore = dbPid ? cpuOf([dbPid]) : 0;
    const result = await run(scenario, REQUESTS, CONCURRENCY);
    if (!baseline) baseline = result.perSecond;
    rows.push({
      scenario: scenario.name,
      perSecond: result.perSecond,
      ratio: result.perSecond / baseline,
      p50: result.p50,
      p95: result.p95,
      cpuMs: result.cpuMs + (cpuOf(pids) - cpuBefore) / REQUESTS,
      dbMs: dbPid ? (cpuOf([dbPid]) - dbBefore) / REQUESTS : null,
      rssMb: (process.memoryUsage().rss - rssBefore) / 1e6,
      failures: result.failures,
    });
  }
  return { baseline, rows };
}

/** The table of medians over the rounds, and issue 24's ratios as each round measured them; true when a request failed. */
function report(rounds: Round[]): boolean {
  const names = rounds[0].rows.map((r) => r.scenario);
  const of = (name: string) => rounds.map((round) => round.rows.find((r) => r.scenario === name)!);
  const table = names.map((name) => {
    const rows = of(name);
    const mid = (pick: (r: Row) => number) => median(rows.map(pick));
    return {
      scenario: name,
      'req/s': mid((r) => r.perSecond).toFixed(0),
      'vs baseline': mid((r) => r.ratio).toFixed(2),
      'p50 ms': mid((r) => r.p50).toFixed(1),
      'p95 ms': mid((r) => r.p95).toFixed(1),
      'cpu ms': mid((r) => r.cpuMs).toFixed(1),
      'db ms': rows[0].dbMs === null ? 'n/a' : mid((r) => r.dbMs!).toFixed(1),
      'rss +MB': Math.max(...rows.map((r) => r.rssMb)).toFixed(1),
      failures: rows.reduce((sum, r) => sum + r.failures, 0),
    };
  });
  console.log(`300 demo victims; ${rounds.length} round(s) of ${REQUESTS} requests per scenario after ${WARMUP} to warm up, ${CONCURRENCY} concurrent, one process for the client and the single hub, ${os.cpus().length} cores; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`);
  console.log('medians of the rounds (rss +MB: the largest); vs baseline: against the baseline of the same round');
  console.log('cpu ms: CPU per request of this process (hub and client), and of the services for "separate processes"; db ms: of the embedded database (n/a on MONGODB_URI)');
  console.table(table);
  for (const target of TARGETS) {
    const [over, under] = [of(target.over), of(target.under)];
    if (!over[0] || !under[0]) continue;
    const ratios = over.map((r, i) => r.perSecond / under[i].perSecond);
    const m = median(ratios);
    console.log(`issue 24: ${target.says} ≥ ${target.least}: ${ratios.map((r) => r.toFixed(2)).join(', ')} by round; median ${m.toFixed(2)}, ${m >= target.least ? 'met' : 'not met'}`);
  }
  return table.some((r) => r.failures > 0);
}

/** Issue 24's ratios (req/s of one scenario over another's, in the same round). */
const TARGETS = [
  { says: 'protected fields allowed ÷ CASE fields', over: 'gateway, protected fields allowed (+20 audit events)', under: 'gateway, CASE fields', least: 0.85 },
  { says: 'CASE fields ÷ the floor (static list)', over: 'gateway, CASE fields', under: 'gateway, static list (no database)', least: 0.6 },
];

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
