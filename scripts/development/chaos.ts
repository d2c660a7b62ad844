import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseKilled, subgraphKilled, terminated, type ChaosContext, type ScenarioResult } from './chaos-scenarios';
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-db';
import { startFaultHub, type FaultHub } from './fault-hub';
import { BACK_OFF_MS } from './fault-load';
import { REGISTER_SHELTER, shelterInput } from './load-records';
import { markdownTable, runContext, writeReliabilitySection } from './reliability-report';

/**
 * `npm run chaos`: the fault scenarios of issue 25 on the hub in separate processes (as
 * deployed), on an embedded database of its own in a temporary folder, over loopback only;
 * their counts go to docs/reliability.md between the chaos markers. Exits 1 if an
 * acknowledged write is not found with its audit event or an audit chain does not verify.
 */
async function main() {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-chaos-'));
  const dataDir = path.join(workDir, 'db');
  const port = await freePort();
  let db: EmbeddedDatabase | undefined;
  let faults: FaultHub | undefined;
  const started = Date.now();
  try {
    db = await startEmbeddedDatabase({ dataDir, port });
    console.log('starting the hub in separate processes…');
    faults = await startFaultHub('chaos', { mongoUri: db.uri });
    const registrar = await faults.client.token('registrar', 'DE');
    const shelter = await faults.client.query(registrar, REGISTER_SHELTER, { input: shelterInput('Chaos Shelter') });
    if (!shelter.body.data?.registerShelter) throw new Error(`registering the shelter read under load failed: ${JSON.stringify(shelter.body)}`);
    const context: ChaosContext = {
      faults,
      shelterId: shelter.body.data.registerShelter.id,
      database: {
        kill: () => process.kill(db!.pid, 'SIGKILL'),
        restart: async () => void (db = await startEmbeddedDatabase({ dataDir, port })),
      },
    };
    const results: ScenarioResult[] = [];
    for (const [name, run] of [
      ['a subgraph killed', () => subgraphKilled(context)],
      ['the database killed', () => databaseKilled(context)],
      ['SIGTERM to a subgraph', () => terminated(context, 'victims')],
      ['SIGTERM to the gateway', () => terminated(context, 'gateway')],
    ] as const) {
      console.log(`${name}…`);
      const result = await run();
      console.log(`  ${JSON.stringify({ ...result, chains: result.chains.map((c) => `${c.subgraph}:${c.valid ? 'valid' : 'BROKEN'}`) })}`);
      results.push(result);
    }
    writeReliabilitySection('chaos', report(results, (Date.now() - started) / 1000));
    console.log('written to docs/reliability.md (chaos section)');
    const broken = results.filter((r) => r.missing.length > 0 || r.chains.some((c) => !c.valid));
    for (const r of broken) console.error(`${r.name}: ${r.missing.length} acknowledged writes missing ${r.missing.join('; ')}; chains: ${r.chains.filter((c) => !c.valid).map((c) => c.subgraph).join(', ') || 'all verify'}`);
    process.exitCode = broken.length ? 1 : 0;
  } finally {
    await faults?.stop();
    await db?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

function report(results: ScenarioResult[], seconds: number): string {
  const table = markdownTable(
    ['Scenario', 'Requests sent', 'Answered whole', 'Answered partial', 'Failed (unavailable / other / unanswered)', 'Writes acknowledged', 'Writes found with audit event', 'Audit chains'],
    results.map((r) => [
      r.name, r.sent, r.whole, r.partial,
      `${r.failed} (${r.failedHow.unavailable} / ${r.failedHow.other} / ${r.failedHow.unanswered})`,
      r.writesAcknowledged, r.writesFound,
      r.chains.every((c) => c.valid) ? `${r.chains.length} of ${r.chains.length} verify` : `BROKEN: ${r.chains.filter((c) => !c.valid).map((c) => c.subgraph).join(', ')}`,
    ]),
  );
  const notes = results.map((r) => `- ${r.name}: ${[...r.notes, ...r.otherErrors.map((e) => `other error: ${e}`)].join('; ')}.`);
  return [
    `Last run: ${runContext()}; ${Math.round(seconds)} s in all.`,
    '',
    'Load: 6 loops over loopback, each sending its next request once the previous one is answered',
    `(${BACK_OFF_MS} ms later after a failure, as a client that backs off). Two requests in three are a read`,
    'across four subgraphs (with a page of victims with a protected field), one in three a victim',
    'registration. Each request waits at most 25 s for its answer. Partial: data with',
    'SERVICE_UNAVAILABLE errors only. Failed: no data, said unavailable (a service or the database),',
    'other errors, or no answer (the gateway stopped). A write found: read back with its values and its',
    'REGISTER audit event. Audit chains: each subgraph\'s chain recomputed as `npm run verify-audit` does.',
    '',
    table,
    '',
    ...notes,
  ].join('\n');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(2);
});
