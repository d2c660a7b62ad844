import { rootFields } from '../scripts/development/fuzz-cases';
import { shown } from '../scripts/development/fuzz-report';
import { callersFor, runFuzz, VERDICTS, type FuzzResult } from '../scripts/development/fuzz-run';
import { startFaultHub, type FaultHub } from './support/separate-hub';

/**
 * Issue 25, "inputs nobody expected": `npm run fuzz` bounded small (a fixed seed, a few
 * cases per root field) against the hub in separate processes, so it stays true in
 * `npm test`: every root query field and mutation with malformed, boundary, oversized,
 * wrongly typed, operator-injected and Unicode-hostile values, without a token and with
 * tokens of every role. No HTTP 5xx, no INTERNAL_SERVER_ERROR, every refusal names what
 * was wrong, no service exited or logged an internal error. The full run is
 * `npm run fuzz` (its results in docs/reliability.md).
 */

const SEED = 2026;
const CASES_PER_FIELD = 6;

let faults: FaultHub;
let result: FuzzResult;

beforeAll(async () => {
  faults = await startFaultHub('fuzz');
  const callers = await callersFor(({ role, jurisdiction }) => faults.client.token(role, jurisdiction));
  const exits = () => (faults.output().includes('UNEXPECTED EXIT') ? [faults.output().slice(-2000)] : []);
  result = await runFuzz({ url: faults.hub.gateway.url, callers, problems: exits }, { seed: SEED, count: CASES_PER_FIELD, seconds: 600 });
}, 300_000);
afterAll(() => faults?.stop());

it('sends every root field and mutation the gateway serves its cases, without and with tokens', () => {
  expect(result.cutShort).toBe(false);
  expect(Object.keys(result.perField).sort()).toEqual(rootFields().map((r) => r.name).sort());
  for (const [field, counts] of Object.entries(result.perField)) {
    expect([field, VERDICTS.reduce((sum, v) => sum + counts[v], 0)]).toEqual([field, CASES_PER_FIELD * 3]);
  }
});

it('answers none with HTTP 5xx or INTERNAL_SERVER_ERROR, and names what was wrong in every refusal', () => {
  const failures = result.failures.map((f) => `${f.fuzzCase.field} ${f.fuzzCase.target} (${f.fuzzCase.kind}, ${f.caller}): ${f.why}: ${shown(f.fuzzCase.variables)} → ${shown(f.answer.body ?? f.answer.error, 600)}`);
  expect(failures).toEqual([]);
});

it('keeps every service running, and none logs an internal error', () => {
  expect(result.processProblems).toEqual([]);
  expect(faults.output()).not.toContain('UNEXPECTED EXIT');
  expect(faults.output()).not.toContain('"internal error"');
});
