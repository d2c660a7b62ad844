import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { COUNTRY_CODES } from '../../platform/countries';
import { keyDirectoriesUnder, randomSecrets } from './dev-env';
import { loadOrCreateIssuer } from './dev-issuer';
import { startEmbeddedDatabase } from './embedded-db';
import { startSeparateHub } from './processes';
import { renderFuzzReport, shown, writeFuzzReport } from './fuzz-report';
import { seededRecordIds } from './fuzz-records';
import { callersFor, runFuzz, type FuzzOptions } from './fuzz-run';

/**
 * `npm run fuzz`: every root query field and mutation of the composed schema with
 * malformed, boundary, oversized, wrongly typed, operator-injected and Unicode-hostile
 * values (fuzz-cases.ts, fuzz-values.ts), without a token and with tokens of every role,
 * through the gateway of a hub whose services each run in their own process (so a crash
 * is an exit), on a fresh embedded database with the demo data, whose ids the plausible
 * values use so that calls get past "not found" (fuzz-records.ts; with MONGODB_URI set,
 * databases of the run's own names and no demo data). Loopback only, bounded:
 *
 *   --seed N      the values drawn (default 2026; the same seed sends the same requests)
 *   --count N     cases per root field (default 40)
 *   --seconds N   no new case after N seconds (default 240)
 *   --tokens N    callers' tokens each case is sent with besides none (default 2, in turn; 20: every role in DE and FR)
 *   --only TEXT   only root fields whose name (`mutation registerVictim`) includes TEXT
 *   --empty       no demo data: ids name no record (the hub test's shape, test/fuzz.test.ts)
 *   --no-write    do not write docs/reliability.md
 *   --log FILE    every request and answer as a JSON line, with its verdict
 *
 * Writes its results between the fuzz markers of docs/reliability.md; exits 1 when any
 * answer failed (HTTP 5xx, INTERNAL_SERVER_ERROR, a refusal naming nothing of the call)
 * or a service exited.
 */

function logTo(file: string): FuzzOptions['onAnswer'] {
  writeFileSync(file, '');
  return (fuzzCase, caller, answer, verdict) => appendFileSync(file, `${JSON.stringify({ field: fuzzCase.field, target: fuzzCase.target, kind: fuzzCase.kind, caller, variables: shown(fuzzCase.variables, 2000), verdict, status: answer.status, answer: answer.body ?? answer.error })}\n`);
}

async function main() {
  const { values } = parseArgs({
    options: { seed: { type: 'string' }, count: { type: 'string' }, seconds: { type: 'string' }, only: { type: 'string' }, 'no-write': { type: 'boolean' }, empty: { type: 'boolean' }, log: { type: 'string' }, tokens: { type: 'string' } },
  });
  const number = (name: string, text: string | undefined, fallback: number) => {
    const n = Number(text ?? fallback);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number (got "${text}")`);
    return n;
  };
  const options: FuzzOptions = {
    seed: number('seed', values.seed, 2026),
    count: number('count', values.count, 40),
    seconds: number('seconds', values.seconds, 240),
    only: values.only,
    tokensPerCase: number('tokens', values.tokens, 2),
    ...(values.log ? { onAnswer: logTo(values.log) } : {}),
  };
  const startedAt = new Date();
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-fuzz-'));
  const db = process.env.MONGODB_URI ? null : await startEmbeddedDatabase({ dataDir: path.join(workDir, 'db') });
  const problems: string[] = [];
  let internalErrors = 0;
  const env = { ...randomSecrets(), ...keyDirectoriesUnder(workDir) };
  try {
    // The demo data in the default database names of a database of the run's own (never in one MONGODB_URI names).
    const seeded = db !== null && !values.empty;
    if (seeded) options.ids = await seededRecordIds(db.uri, env, 'DE');
    const issuer = await loadOrCreateIssuer(path.join(workDir, 'issuer'), 'https://idp.fuzz.example', 'justice-hub', { jurisdictions: [...COUNTRY_CODES] });
    const suffix = randomBytes(3).toString('hex');
    console.log('starting the hub, each service in its own process …');
    const hub = await startSeparateHub({
      mongoUri: process.env.MONGODB_URI ?? db!.uri,
      issuers: [issuer.trusted],
      env,
      freePorts: true,
      ...(seeded ? {} : { dbName: (name: string) => `${name}_fuzz_${suffix}` }),
      ratePerMinute: 1_000_000,
      logLevel: 'error',
      // The services log an unexpected error as "internal error" (platform/http.ts): counted, shown.
      output: (name, chunk) => {
        for (const line of chunk.toString().split('\n')) {
          if (line.includes('"internal error"')) {
            internalErrors++;
            process.stderr.write(`${name}: ${line.slice(0, 600)}\n`);
          }
        }
      },
      onUnexpectedExit: (name, how) => void problems.push(`${name} exited (${how})`),
    });
    const pids = hub.pids();
    try {
      const callers = await callersFor((claims) => issuer.sign(claims));
      console.log(`fuzzing with seed ${options.seed}, ${options.count} cases per root field, at most ${options.seconds} s …`);
      const result = await runFuzz({ url: hub.gateway.url, callers, problems: () => problems }, options);
      const restarted = hub.pids().filter((pid, i) => pid !== pids[i]);
      if (restarted.length > 0) result.processProblems.push(`restarted: ${restarted.join(', ')}`);
      if (internalErrors > 0) result.processProblems.push(`${internalErrors} internal errors logged by the services`);
      const report = renderFuzzReport(result, startedAt);
      if (!values['no-write']) writeFuzzReport(report);
      console.log(report);
      const failed = result.failures.length > 0 || result.processProblems.length > 0;
      console.log(failed ? `\n${result.failures.length} failures` : '\nno failures');
      process.exitCode = failed ? 1 : 0;
    } finally {
      await hub.stop();
    }
  } finally {
    await db?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
