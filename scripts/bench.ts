import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDatabase } from '../subgraphs/common/db';
import { loadOrCreateIssuer } from './dev-issuer';
import { startEmbeddedDatabase } from './embedded-db';
import { startLocalHub } from './local-hub';
import { seedDemoData } from './seed';

/**
 * `npm run bench`: throughput and latency of the hub on this machine, as ratios against a
 * baseline measured in the same run (the victims subgraph asked directly for CASE data),
 * so the numbers compare across machines. Loopback only; bounded request counts.
 */

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const WARMUP = 50;

interface Scenario {
  name: string;
  url: string;
  token: string;
  query: string;
}

async function run(scenario: Scenario, count: number) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      next++;
      const t0 = performance.now();
      const res = await fetch(scenario.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${scenario.token}`, 'x-purpose': 'benchmark' },
        body: JSON.stringify({ query: scenario.query }),
      });
      const body = (await res.json()) as { data?: unknown };
      if (res.status !== 200 || !body.data) failures++;
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: count / seconds,
    p50: latencies[Math.floor(latencies.length * 0.5)],
    p95: latencies[Math.floor(latencies.length * 0.95)],
    failures,
  };
}

async function main() {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-bench-'));
  const db = process.env.MONGODB_URI ? null : await startEmbeddedDatabase({ dataDir: path.join(workDir, 'db') });
  const mongoUri = process.env.MONGODB_URI ?? db!.uri;
  const issuer = await loadOrCreateIssuer(path.join(workDir, 'issuer'));
  const identityKey = randomBytes(32).toString('hex');
  const dbName = (name: string) => `${name}_bench_${randomBytes(3).toString('hex')}`;
  const names = new Map<string, string>();
  const hub = await startLocalHub({
    mongoUri,
    issuers: [issuer.trusted],
    identityKey,
    freePorts: true,
    dbName: (name) => names.get(name) ?? names.set(name, dbName(name)).get(name)!,
  });
  try {
    const seedConnection = await connectDatabase(mongoUri, names.get('victims')!);
    await seedDemoData(seedConnection, identityKey, 300, () => {});
    await seedConnection.close();

    const socialWorker = await issuer.sign({ role: 'social_worker', jurisdiction: 'DE' });
    const partner = await issuer.sign({ role: 'partner_system', jurisdiction: 'DE' });
    const caseFields = `{ victims(first: 20) { edges { node { id caseReference status ageGroup } } } }`;
    const protectedFields = `{ victims(first: 20) { edges { node { id caseReference legalName contactPhone vulnerabilities } } } }`;
    const scenarios: Scenario[] = [
      { name: 'baseline: subgraph direct, CASE fields', url: hub.subgraphs.victims.url, token: socialWorker, query: caseFields },
      { name: 'gateway, CASE fields', url: hub.gateway.url, token: socialWorker, query: caseFields },
      { name: 'gateway, protected fields allowed (+20 audit events)', url: hub.gateway.url, token: socialWorker, query: protectedFields },
      { name: 'gateway, protected fields denied (60 FORBIDDEN)', url: hub.gateway.url, token: partner, query: protectedFields },
    ];
    const rows = [];
    let baseline = 0;
    for (const scenario of scenarios) {
      await run(scenario, WARMUP);
      const rssBefore = process.memoryUsage().rss;
      const result = await run(scenario, REQUESTS);
      if (!baseline) baseline = result.perSecond;
      rows.push({
        scenario: scenario.name,
        'req/s': result.perSecond.toFixed(0),
        'vs baseline': (result.perSecond / baseline).toFixed(2),
        'p50 ms': result.p50.toFixed(1),
        'p95 ms': result.p95.toFixed(1),
        'rss +MB': ((process.memoryUsage().rss - rssBefore) / 1e6).toFixed(1),
        failures: result.failures,
      });
    }
    console.log(`${REQUESTS} requests per scenario, ${CONCURRENCY} concurrent, one process for hub and client, ${os.cpus().length} cores`);
    console.table(rows);
    if (rows.some((r) => r.failures > 0)) process.exitCode = 1;
  } finally {
    await hub.stop();
    await db?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
