import { ROLES, type Role } from '../../platform/auth';
import { PURPOSES_BY_ROLE } from '../../platform/purposes';
import { casesFor, rootFields, type FuzzCase } from './fuzz-cases';
import type { RecordIds } from './fuzz-records';
import { requestBody } from './fuzz-values';

/**
 * Sends the fuzz cases (fuzz-cases.ts) through the gateway and classifies every answer:
 * - accepted: an answer without errors;
 * - refused: errors that each name what was wrong (an argument, input field or variable
 *   of the call, in the message or the extensions), or a body over the size limit (413
 *   PAYLOAD_TOO_LARGE: refused whole, before any field is read);
 * - denied: UNAUTHENTICATED or FORBIDDEN only (no token, or not this caller's);
 * - failure: HTTP 5xx, no answer, INTERNAL_SERVER_ERROR (everything sent is a caller's
 *   mistake), a refusal naming nothing of the call, or a service that exited meanwhile.
 */

export interface Caller {
  /** `social_worker DE`, or `no token`. */
  label: string;
  token: string | null;
  purpose?: string;
}

export interface FuzzOptions {
  seed: number;
  /** Cases per root field; each is sent without a token and with `tokensPerCase` callers' tokens. */
  count: number;
  /** No new case starts after this many seconds. */
  seconds: number;
  tokensPerCase?: number;
  concurrency?: number;
  /** Only the root fields whose name (`query victim`) includes this. */
  only?: string;
  /** Sees every request and its verdict (`npm run fuzz -- --log FILE`). */
  onAnswer?: (fuzzCase: FuzzCase, caller: string, answer: Answer, verdict: Verdict) => void;
  /** Ids of real records (the seeded demo data, fuzz-records.ts) for the plausible values; without them ids name no record. */
  ids?: RecordIds;
}

export interface FuzzTarget {
  url: string;
  /** Callers with tokens, taken in turn. */
  callers: Caller[];
  /** Services that exited or restarted so far (the run stops at the first). */
  problems(): string[];
}

export type Verdict = 'accepted' | 'refused' | 'denied' | 'failure';
export const VERDICTS: Verdict[] = ['accepted', 'refused', 'denied', 'failure'];

export interface Answer {
  status: number;
  body?: { data?: unknown; errors?: Array<{ message?: string; extensions?: Record<string, unknown> }> };
  /** No answer, or not JSON. */
  error?: string;
}

export interface Failure {
  fuzzCase: FuzzCase;
  caller: string;
  why: string;
  answer: Answer;
}

export interface FuzzResult {
  options: FuzzOptions;
  fields: number;
  sent: number;
  /** Answers by verdict, for each root field. */
  perField: Record<string, Record<Verdict, number>>;
  failures: Failure[];
  /** Services that exited or restarted during the run. */
  processProblems: string[];
  seconds: number;
  /** Stopped by the time bound before every case was sent. */
  cutShort: boolean;
}

const DENIALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The verdict on one answer, and why when it is a failure. */
export function classify(fuzzCase: FuzzCase, answer: Answer): { verdict: Verdict; why?: string } {
  if (answer.error) return { verdict: 'failure', why: answer.error };
  // The whole body over the limit (platform/http.ts): a refusal of the request, naming its limit, before any field is read.
  if (answer.status === 413 && answer.body?.errors?.[0]?.extensions?.code === 'PAYLOAD_TOO_LARGE') return { verdict: 'refused' };
  if (answer.status >= 500) return { verdict: 'failure', why: `HTTP ${answer.status}` };
  const errors = answer.body?.errors ?? [];
  if (errors.length === 0) return answer.body?.data ? { verdict: 'accepted' } : { verdict: 'failure', why: 'neither data nor errors' };
  if (errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) return { verdict: 'failure', why: 'INTERNAL_SERVER_ERROR' };
  const refusals = errors.filter((e) => !DENIALS.has(String(e.extensions?.code)));
  if (refusals.length === 0) return { verdict: 'denied' };
  const names = fuzzCase.names.map((name) => new RegExp(`(^|[^\\w$])${escape(name)}(?![\\w])`));
  const unnamed = refusals.find((e) => {
    const text = `${e.message ?? ''} ${JSON.stringify(e.extensions ?? {})}`;
    return !names.some((name) => name.test(text));
  });
  if (unnamed) return { verdict: 'failure', why: `refusal naming no argument, input field or variable (${String(unnamed.extensions?.code)})` };
  return { verdict: 'refused' };
}

async function send(url: string, caller: Caller, fuzzCase: FuzzCase): Promise<Answer> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
        ...(caller.purpose ? { 'x-purpose': caller.purpose } : {}),
      },
      body: new Uint8Array(requestBody({ query: fuzzCase.document, variables: fuzzCase.variables })),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) };
    } catch {
      return { status: res.status, error: `HTTP ${res.status}, not JSON: ${text.slice(0, 200)}` };
    }
  } catch (error) {
    return { status: 0, error: `no answer: ${(error as Error).message}` };
  }
}

export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzResult> {
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const roots = rootFields().filter((r) => !options.only || r.name.includes(options.only));
  const tokensPerCase = options.tokensPerCase ?? 2;
  const work: Array<{ fuzzCase: FuzzCase; caller: Caller }> = [];
  let turn = 0;
  for (const root of roots) {
    for (const fuzzCase of casesFor(root, options.count, options.seed, options.ids)) {
      work.push({ fuzzCase, caller: { label: 'no token', token: null } });
      for (let i = 0; i < Math.min(tokensPerCase, target.callers.length); i++) work.push({ fuzzCase, caller: target.callers[turn++ % target.callers.length] });
    }
  }
  const result: FuzzResult = { options, fields: roots.length, sent: 0, perField: {}, failures: [], processProblems: [], seconds: 0, cutShort: false };
  for (const root of roots) result.perField[root.name] = { accepted: 0, refused: 0, denied: 0, failure: 0 };
  let next = 0;
  const worker = async () => {
    while (next < work.length) {
      if (performance.now() > deadline || target.problems().length > 0) {
        result.cutShort = true;
        return;
      }
      const { fuzzCase, caller } = work[next++];
      const answer = await send(target.url, caller, fuzzCase);
      result.sent++;
      const { verdict, why } = classify(fuzzCase, answer);
      result.perField[fuzzCase.field][verdict]++;
      options.onAnswer?.(fuzzCase, caller.label, answer, verdict);
      if (verdict === 'failure') result.failures.push({ fuzzCase, caller: caller.label, why: why!, answer });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  result.processProblems = target.problems();
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/** A caller of each role in each jurisdiction, stating its role's first purpose. */
export async function callersFor(sign: (claims: { role: Role; jurisdiction: string }) => Promise<string>, jurisdictions = ['DE', 'FR']): Promise<Caller[]> {
  const callers: Caller[] = [];
  for (const jurisdiction of jurisdictions) {
    for (const role of ROLES) callers.push({ label: `${role} ${jurisdiction}`, token: await sign({ role, jurisdiction }), purpose: PURPOSES_BY_ROLE[role][0] });
  }
  return callers;
}
