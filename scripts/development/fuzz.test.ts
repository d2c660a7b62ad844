import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { casesFor, rootFields, withValueAt, type FuzzCase } from './fuzz-cases';
import { renderFuzzReport, writeFuzzReport } from './fuzz-report';
import { idFor } from './fuzz-records';
import { classify, type Answer, type FuzzResult } from './fuzz-run';
import { KINDS, RAW_BYTES, RAW_BYTES_MARKER, requestBody } from './fuzz-values';

// The fuzzer's own parts (npm run fuzz; its hub test is test/fuzz.test.ts): the cases it
// draws from the supergraph, how it judges an answer, and the part of the report it owns.

const registerVictim = rootFields().find((r) => r.name === 'mutation registerVictim')!;

describe('cases', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(casesFor(registerVictim, 20, 1)).toEqual(casesFor(registerVictim, 20, 1));
    expect(casesFor(registerVictim, 20, 2)).not.toEqual(casesFor(registerVictim, 20, 1));
  });

  it('replace one value each, taking every argument and input field in turn', () => {
    const cases = casesFor(registerVictim, 40, 7);
    const targets = new Set(cases.map((c) => c.target));
    for (const field of ['input', 'input.legalName', 'input.dateOfBirth', 'input.languages', 'input.languages[0]', 'input.nonPunishmentProtection']) expect(targets).toContain(field);
    const [plain] = casesFor(registerVictim, 1, 7);
    expect(plain.document).toBe('mutation($input: RegisterVictimInput!) { registerVictim(input: $input) { __typename } }');
  });

  it('draw values of every kind across the schema', () => {
    const kinds = new Set(rootFields().flatMap((root) => casesFor(root, 12, 2026).map((c) => c.kind)));
    expect([...kinds].sort()).toEqual([...KINDS].sort());
  });

  it('call a field without arguments with one it does not have', () => {
    const me = rootFields().find((r) => r.name === 'query me')!;
    expect(casesFor(me, 1, 1)[0]).toMatchObject({ target: 'fuzz', document: 'query($fuzz: String) { me(fuzz: $fuzz) { __typename } }' });
  });

  it('set a value at a path, or leave it out', () => {
    expect(withValueAt({ input: { languages: ['uk', 'en'], name: 'x' } }, 'input.languages[1]', 5)).toEqual({ input: { languages: ['uk', 5], name: 'x' } });
    expect(withValueAt({ input: { name: 'x', age: 1 } }, 'input.name', undefined)).toEqual({ input: { age: 1 } });
  });

  it('name real records by the argument that takes them, with the demo data (fuzz-records.ts)', () => {
    const ids = { victims: ['V1'], legalAssistanceRequests: ['L1'], accreditationBodies: ['WB'], shelters: ['S1'] };
    expect(idFor(ids, 'victimIds', 'x')).toBe('V1');
    expect(idFor(ids, 'toShelterId', 'x')).toBe('S1');
    expect(idFor(ids, 'id', 'refuseRequest')).toBe('L1');
    expect(idFor(ids, 'id', 'accreditationBody')).toBe('WB');
    expect(idFor(ids, 'id', 'me')).toBeUndefined();
    const [grant] = casesFor(rootFields().find((r) => r.name === 'mutation grantConsent')!, 2, 1, ids).filter((c) => c.target !== 'victimId');
    expect(grant.variables.victimId).toBe('V1');
  });

  it('are mostly of the JSON type the target takes, so they reach the domain checks', () => {
    const legalName = casesFor(registerVictim, 400, 3).filter((c) => c.target === 'input.legalName' && c.kind !== 'wrongly typed');
    const strings = legalName.filter((c) => typeof (c.variables.input as Record<string, unknown>).legalName === 'string');
    expect(strings.length).toBeGreaterThan(legalName.length / 2);
  });

  it('send overlong UTF-8 as raw bytes in the body', () => {
    const body = requestBody({ variables: { name: `a${RAW_BYTES_MARKER}b` } });
    expect(body.includes(RAW_BYTES)).toBe(true);
    expect(body.toString('latin1')).not.toContain('overlong');
  });
});

describe('verdicts', () => {
  const fuzzCase: FuzzCase = { field: 'mutation registerVictim', target: 'input.legalName', kind: 'boundary', document: '', variables: {}, names: ['legalName', '$input', 'input.legalName'] };
  const verdict = (answer: Answer) => classify(fuzzCase, answer).verdict;
  const errors = (...list: Array<{ message: string; extensions?: Record<string, unknown> }>): Answer => ({ status: 200, body: { data: null, errors: list } });

  it('accepted: data without errors', () => {
    expect(verdict({ status: 200, body: { data: { registerVictim: { __typename: 'Registration' } } } })).toBe('accepted');
  });

  it('refused: each error names an argument, input field or variable of the call (or the body is over its limit)', () => {
    expect(verdict(errors({ message: 'input.legalName: must not be empty', extensions: { code: 'BAD_USER_INPUT' } }))).toBe('refused');
    expect(verdict(errors({ message: 'Variable "$input" got invalid value 5', extensions: { code: 'BAD_USER_INPUT' } }))).toBe('refused');
    expect(verdict(errors({ message: 'Victim X was not found', extensions: { code: 'NOT_FOUND', field: 'legalName' } }))).toBe('refused');
    expect(verdict({ status: 413, body: { errors: [{ message: 'Request body is larger than 100kb', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] } })).toBe('refused');
  });

  it('denied: UNAUTHENTICATED and FORBIDDEN only', () => {
    expect(verdict(errors({ message: 'A valid bearer token is required', extensions: { code: 'UNAUTHENTICATED' } }, { message: 'No', extensions: { code: 'FORBIDDEN' } }))).toBe('denied');
  });

  it('failure: HTTP 5xx, no answer, INTERNAL_SERVER_ERROR, or a refusal naming nothing of the call', () => {
    expect(verdict({ status: 502, body: { errors: [{ message: 'Bad gateway' }] } })).toBe('failure');
    expect(verdict({ status: 0, error: 'no answer: ECONNRESET' })).toBe('failure');
    expect(verdict(errors({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }))).toBe('failure');
    expect(verdict(errors({ message: 'Victim X was not found', extensions: { code: 'NOT_FOUND' } }))).toBe('failure');
    // A word inside another, or an object's own name alone, is not a name of the call.
    expect(verdict(errors({ message: 'legalNames are wrong; bad input', extensions: { code: 'BAD_USER_INPUT' } }))).toBe('failure');
    expect(verdict(errors({ message: 'input.legalName: too long', extensions: { code: 'BAD_USER_INPUT' } }, { message: 'Something went wrong', extensions: { code: 'CONFLICT' } }))).toBe('failure');
  });
});

describe('report', () => {
  it('replaces only the text between the fuzz markers', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fuzz-report-'));
    try {
      const file = path.join(dir, 'reliability.md');
      writeFileSync(file, '# Reliability\n<!-- chaos:start -->\nchaos\n<!-- chaos:end -->\n<!-- fuzz:start -->\nold\n<!-- fuzz:end -->\ntail\n');
      const result: FuzzResult = { options: { seed: 1, count: 2, seconds: 10 }, fields: 1, sent: 6, perField: { 'query me': { accepted: 1, refused: 3, denied: 2, failure: 0 } }, failures: [], processProblems: [], seconds: 1, cutShort: false };
      writeFuzzReport(renderFuzzReport(result, new Date('2026-12-02T12:00:00Z')), file);
      const text = readFileSync(file, 'utf8');
      expect(text).toMatch(/^# Reliability\n<!-- chaos:start -->\nchaos\n<!-- chaos:end -->\n<!-- fuzz:start -->\nRun of 2026-12-02 12:00 UTC/);
      expect(text).toContain('| `query me` | 1 | 3 | 2 | 0 |');
      expect(text).not.toContain('old');
      expect(text.endsWith('<!-- fuzz:end -->\ntail\n')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
