import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../platform/paths';
import { CONCURRENCY, cpuOf, median, REQUESTS, run, type BenchHub, type Scenario } from './bench-hub';
import type { Issuer } from './dev-issuer';
import { freePort } from './embedded-db';
import { startSeparateHub, type ChildService } from './processes';

/**
 * `npm run bench -- --peers`: the hub's gateway (`@apollo/gateway`, dist/gateway/main.js)
 * against a peer router, Hive Gateway (peer-router.ts), both serving the committed
 * supergraph on the same subgraphs, each subgraph and each router a process of its own
 * (the `--processes` topology), so each router's CPU per request is read from /proc for
 * its pid alone. With `taskset`, the routers share core 0 (one runs at a time) and the
 * subgraphs, the database and this client take core 1. Rounds alternate (apollo, hive,
 * apollo, hive) so drift on a shared machine shows. Before measuring: both routers
 * answer each query alike; while measuring, every protected page sent through either
 * router must arrive at the victims subgraph and be audited there (its /metrics).
 */

/** The seeded hub of bench-hub.ts whose database and services the routers share. */
export type PeerBench = Pick<BenchHub, 'mongoUri' | 'issuer' | 'env' | 'dbName' | 'dbPid'>;

interface Router {
  name: string;
  url: string;
  pid: number;
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// Before each row: with bench.ts's 50, a router's first round still cost up to 1.5× the CPU
// of its next (V8 still optimizing).
const WARMUP = 200;
const DIST = path.join(ROOT, 'dist', 'scripts', 'development');

/** Runs the comparison; true when any request failed. */
export async function comparePeers(bench: PeerBench): Promise<boolean> {
  const { issuer } = bench;
  const separate = await startSeparateHub({ mongoUri: bench.mongoUri, issuers: [issuer.trusted], env: bench.env, freePorts: true, dbName: bench.dbName, ratePerMinute: 1_000_000, logLevel: process.env.LOG_LEVEL ?? 'warn' });
  let hive: Awaited<ReturnType<typeof startPeerRouter>> | undefined;
  try {
    hive = await startPeerRouter(separate.subgraphs);
    const routers: Router[] = [{ name: 'apollo', url: separate.gateway.url, pid: separate.gateway.pid }, { name: 'hive', url: hive.url, pid: hive.pid }];
    const below = Object.values(separate.subgraphs).map((s) => s.pid);
    const pinned = pin(routers.map((r) => r.pid), '0') && pin([...below, process.pid, ...(bench.dbPid ? [bench.dbPid] : [])], '1');

    const load = loadAverage(); // the machine may be shared: say how busy it was
    const token = await issuer.sign({ role: 'social_worker', jurisdiction: 'DE' });
    const query = (q: string) => () => ({ query: q });
    const scenarios = [
      { name: 'floor: static list, no database', next: query(`query PeerFloor { iloIndicators { code } }`) },
      { name: 'CASE fields, page of 20', next: query(`query PeerCase { victims(first: 20) { edges { node { id caseReference status ageGroup } } } }`) },
      { name: 'protected fields allowed, page of 20 (+audit)', audited: true, next: query(`query PeerProtected { victims(first: 20) { edges { node { id caseReference legalName contactPhone vulnerabilities } } } }`) },
    ];
    for (const s of scenarios) await sameAnswers(routers, token, s.next().query);

    const victims = separate.subgraphs.victims.url;
    const rows: Array<Record<string, string | number>> = [];
    const audits: Array<Record<string, string | number>> = [];
    for (const s of scenarios) {
      for (let round = 1; round <= ROUNDS; round++) {
        for (const router of routers) {
          const scenario: Scenario = { name: s.name, url: router.url, token, next: s.next };
          await run(scenario, WARMUP, CONCURRENCY);
          const before = { router: cpuOf([router.pid]), below: cpuOf(below), db: cpuOf(bench.dbPid ? [bench.dbPid] : []), victims: await victimsCounts(victims, 'PeerProtected') };
          const r = await run(scenario, REQUESTS, CONCURRENCY);
          const per = (ms: number) => (ms / REQUESTS).toFixed(2);
          rows.push({
            scenario: s.name,
            router: router.name,
            round,
            'req/s': r.perSecond.toFixed(0),
            'p50 ms': r.p50.toFixed(1),
            'p99 ms': r.p99.toFixed(1),
            'router cpu ms': per(cpuOf([router.pid]) - before.router),
            'subgraphs cpu ms': per(cpuOf(below) - before.below),
            ...(bench.dbPid ? { 'db cpu ms': per(cpuOf([bench.dbPid]) - before.db) } : {}),
            failures: r.failures,
          });
          if (s.audited) {
            const after = await victimsCounts(victims, 'PeerProtected');
            const arrived = after.requests - before.victims.requests;
            const audited = after.audits - before.victims.audits;
            audits.push({ router: router.name, round, sent: REQUESTS, 'arrived at victims': arrived, 'audit appends': audited });
            if (arrived !== REQUESTS || audited < REQUESTS) throw new Error(`${router.name}: ${REQUESTS} protected pages sent, ${arrived} arrived at the victims subgraph, ${audited} audited: the router merged or dropped requests`);
          }
        }
      }
    }
    console.log(`300 demo victims; ${REQUESTS} requests per row after ${WARMUP} to warm up, ${CONCURRENCY} concurrent; ${os.cpus().length} cores; load average ${load} before, ${loadAverage()} after`);
    console.log(pinned ? 'taskset: both routers on core 0 (one at a time); subgraphs, database and this client on core 1' : 'not pinned (no taskset, or it failed)');
    console.log('cpu ms: CPU per request of the router process alone, of the five subgraph processes together, and of the embedded database (from /proc)');
    console.table(rows);
    console.log('protected pages: every one sent arrived at the victims subgraph and was audited there (its /metrics):');
    console.table(audits);
    const mid = (scenario: string, router: string, column: string) => median(rows.filter((r) => r.scenario === scenario && r.router === router).map((r) => Number(r[column])));
    const summary = scenarios.map(({ name }) => ({
      scenario: name,
      'apollo req/s': mid(name, 'apollo', 'req/s'),
      'hive req/s': mid(name, 'hive', 'req/s'),
      'apollo cpu ms': mid(name, 'apollo', 'router cpu ms'),
      'hive cpu ms': mid(name, 'hive', 'router cpu ms'),
    }));
    console.log(`medians of ${ROUNDS} rounds (router cpu ms: the router process alone):`);
    console.table(summary);
    const [apollo, peer] = [summary[0]['apollo cpu ms'], summary[0]['hive cpu ms']];
    console.log(`issue 24 target, the gateway's own CPU per request for the floor <= the peer router's: ${apollo} ms against ${peer} ms, ${apollo <= peer ? 'met' : 'not met'}`);
    return rows.some((r) => Number(r.failures) > 0);
  } finally {
    await hive?.stop();
    await separate.stop();
  }
}

const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

/** Pins every thread of each process to `cores` with `taskset` (util-linux); false when it is not there or fails. */
function pin(pids: number[], cores: string): boolean {
  for (const pid of pids) {
    const result = spawnSync('taskset', ['-a', '-p', '-c', cores, String(pid)], { stdio: 'ignore' });
    if (result.error || result.status !== 0) return false;
  }
  return true;
}

/** One request through each router: the same answer (data and errors) from both, or an error showing them. */
async function sameAnswers(routers: Router[], token: string, query: string): Promise<void> {
  const answers = await Promise.all(routers.map(async (r) => JSON.stringify(await (await post(r.url, token, query)).json())));
  if (answers.some((a) => a !== answers[0])) throw new Error(`the routers answer ${query} differently:\n${routers.map((r, i) => `${r.name}: ${answers[i].slice(0, 400)}`).join('\n')}`);
  if (!answers[0].startsWith('{"data":{')) throw new Error(`no data for ${query}: ${answers[0].slice(0, 400)}`);
}

function post(url: string, token: string | null, query: string) {
  const caller: Record<string, string> = token ? { authorization: `Bearer ${token}`, 'x-purpose': 'CASE_MANAGEMENT' } : {};
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...caller }, body: JSON.stringify({ query }) });
}

/**
 * The victims subgraph's own counts (platform/metrics.ts): requests answered for operations
 * named `operation` (Hive sends the caller's name, Apollo `<name>__victims__0`) and audit
 * appends that succeeded (one per request that read protected fields).
 */
async function victimsCounts(url: string, operation: string): Promise<{ requests: number; audits: number }> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  let requests = 0;
  let audits = 0;
  for (const line of text.split('\n')) {
    const [name, value] = line.split(' ');
    if (name.startsWith('hub_graphql_requests_total{') && new RegExp(`operation="${operation}(__|")`).test(name)) requests += Number(value);
    if (name.startsWith('hub_audit_write_duration_seconds_count{') && name.includes('outcome="success"')) audits += Number(value);
  }
  return { requests, audits };
}

/** Hive Gateway on a free port, in its own process, on the running subgraphs; stops when this process goes away. */
async function startPeerRouter(subgraphs: Record<string, ChildService>) {
  const port = await freePort();
  const urls = Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url]));
  const child = spawn(process.execPath, ['--require', path.join(DIST, 'exit-with-parent.js'), path.join(DIST, 'peer-router.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: String(port), SUBGRAPH_URLS: JSON.stringify(urls) },
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  child.stdin!.on('error', () => {}); // EPIPE once it has exited
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}/graphql`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    child.stdin!.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  for (const deadline = Date.now() + 60_000; ; ) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('Hive Gateway exited at start (its output is above)');
    const ok = await post(url, null, '{ __typename }').then((r) => r.status === 200, () => false);
    if (ok) return { url, pid: child.pid!, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error('Hive Gateway was not ready within 60 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
