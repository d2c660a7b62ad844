import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDatabase } from '../../subgraphs/common/storage';
import type { SeedSecrets } from '../../subgraphs/common/demo';
import { victimModels } from '../../subgraphs/victims/models';
import { seedDemoData } from '../../subgraphs/victims/seed';
import { keyDirectoriesUnder, randomSecrets } from './dev-env';
import { loadOrCreateIssuer, type Issuer } from './dev-issuer';
import { startEmbeddedDatabase } from './embedded-db';
import { startLocalHub, type LocalHub } from './local-hub';

/**
 * What every `npm run bench` mode shares (bench.ts): bounded loads of one scenario over
 * loopback, measured from this process, and a fresh seeded hub on a fresh database.
 */
export const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
export const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
export const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
export const WARMUP = 50;

export interface Scenario {
  name: string;
  url: string;
  /** Empty: asked without a token (public fields). */
  token: string;
  /** The next request's query, variables and headers of its own (a scenario may walk, e.g. page after page). */
  next(): { query: string; variables?: Record<string, unknown>; headers?: Record<string, string> };
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

export async function run(scenario: Scenario, count: number, concurrency: number): Promise<Measured> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      next++;
      const { query, variables, headers } = scenario.next();
      const t0 = performance.now();
      const res = await fetch(scenario.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(scenario.token ? { authorization: `Bearer ${scenario.token}`, 'x-purpose': 'CASE_MANAGEMENT' } : {}), ...headers },
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
export interface BenchHub {
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

export async function withSeededHub<R>(victims: number, work: (bench: BenchHub) => Promise<R>): Promise<R> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-bench-'));
  const db = process.env.MONGODB_URI ? null : await startEmbeddedDatabase({ dataDir: path.join(workDir, 'db') });
  const mongoUri = process.env.MONGODB_URI ?? db!.localUri;
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

export const fixed = (query: string) => () => ({ query });

/** The middle value (of an even count, the lower of the two middle ones). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** CPU time (user and system, ms) the processes `pids` have used so far, from /proc (0 elsewhere). */
export function cpuOf(pids: number[]): number {
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
