import type { Role } from '../../platform/auth';
import { PURPOSES_BY_ROLE } from '../../platform/purposes';
import { importCsv } from '../../scripts/operations/import/run';
import { KINDS } from '../../scripts/operations/import/kinds';
import type { TestHub } from './hub';

/**
 * The guides in docs/guides/ run as written: each ```graphql block is one request, in
 * order, against a hub that starts empty, and each ```csv block followed by a ```sh block
 * running `npm run import` is one import. What a block needs besides its text is said in
 * comment lines at its top, which a reader sees too:
 *
 *   # as registrar of DE                         (required: the token's role and jurisdiction; `, sub x, org y` optional)
 *   # without a token                            (instead: a public read, no Authorization header)
 *   # X-Purpose: LEGAL_REPRESENTATION            (default: the role's first purpose)
 *   # Idempotency-Key: hotline-HT-2026-0815      (a mutation's retry key: the same key and request are answered once)
 *   # variables: {"providerId": "$PROVIDER"}     ($NAME: a value kept by an earlier block)
 *   # keep PROVIDER = registerLegalAidProvider.id
 *   # expect FORBIDDEN                           (an error code the answer must have; default: no error)
 *   # expect victim.legalName = null             (a value the answer must hold at that path, as JSON)
 *   # expect errors[0].extensions.fields[1].path = "input.nationality"   (a path from `errors`: in the errors, not the data)
 *   # expect 1 refused                           (an import: how many rows the hub refuses; default none)
 *
 * `"$TODAY"` in the variables is today's date (YYYY-MM-DD) by the hub's clock, for what
 * must not lie in the past. In the text, `$NAME` outside the variables line is not
 * replaced: the GraphQL stays what a reader pastes into the explorer.
 */

export interface Caller {
  role: string;
  jurisdiction: string;
  sub?: string;
  org?: string;
}

export interface Step {
  /** Where the block starts in the guide (1-based), for the failure message. */
  line: number;
  /** Null: sent without a token (what the public reads). */
  as: Caller | null;
  purpose?: string;
  idempotencyKey?: string;
  variables?: string;
  keeps: Array<{ name: string; path: string }>;
  expect?: string;
  /** What the guide says the answer holds: the JSON value at a path of its data. */
  holds: Array<{ path: string; value: string }>;
  /** The GraphQL text, or (an import) the CSV. */
  text: string;
  /** An import: the kind `npm run import` is given, and how many rows the guide says are refused. */
  importKind?: string;
  refused?: number;
}

const BLOCK = /^```(\w+)[^\n]*\n([\s\S]*?)^```$/gm;

function header(body: string, line: number): Omit<Step, 'text' | 'line' | 'importKind'> {
  const step: Omit<Step, 'text' | 'line' | 'importKind'> = { as: { role: '', jurisdiction: '' }, keeps: [], holds: [] };
  for (const comment of body.split('\n').filter((l) => l.startsWith('#'))) {
    const c = comment.replace(/^#\s*/, '');
    let m;
    if ((m = /^as (\w+) of ([A-Z]{2})(.*)$/.exec(c))) {
      const as: Caller = { role: m[1], jurisdiction: m[2] };
      for (const [, key, value] of m[3].matchAll(/,\s*(sub|org) ([^\s,]+)/g)) as[key as 'sub' | 'org'] = value;
      step.as = as;
    } else if (c === 'without a token') step.as = null;
    else if ((m = /^X-Purpose: (\w+)$/.exec(c))) step.purpose = m[1];
    else if ((m = /^Idempotency-Key: (\S+)$/.exec(c))) step.idempotencyKey = m[1];
    else if ((m = /^variables: (.+)$/.exec(c))) step.variables = m[1];
    else if ((m = /^keep (\w+) = ([\w.[\]]+)$/.exec(c))) step.keeps.push({ name: m[1], path: m[2] });
    else if ((m = /^expect (\d+) refused$/.exec(c))) step.refused = Number(m[1]);
    else if ((m = /^expect (\w+)$/.exec(c))) step.expect = m[1];
    else if ((m = /^expect ([\w.[\]]+) = (.+)$/.exec(c))) step.holds.push({ path: m[1], value: m[2] });
  }
  if (step.as && !step.as.role) throw new Error(`block at line ${line}: no "# as <role> of <CC>" (or "# without a token") line`);
  return step;
}

/** The steps of a guide, in order. */
export function stepsOf(markdown: string): Step[] {
  const steps: Step[] = [];
  let csv: { text: string; line: number } | null = null;
  for (const m of markdown.matchAll(BLOCK)) {
    const [, language, body] = m;
    const line = markdown.slice(0, m.index).split('\n').length;
    if (language === 'csv') csv = { text: body, line };
    else if (language === 'graphql') steps.push({ ...header(body, line), line, text: body });
    else if (language === 'sh' && /npm run --silent import -- (\w+)/.test(body)) {
      if (!csv) throw new Error(`import at line ${line}: no csv block before it`);
      steps.push({ ...header(body, line), line, text: csv.text, importKind: /import -- (\w+)/.exec(body)![1] });
      csv = null;
    }
  }
  return steps;
}

function at(data: unknown, path: string): unknown {
  return path.split(/[.[\]]/).filter(Boolean).reduce<any>((value, key) => value?.[key], data);
}

/** Runs the steps in order; throws naming the block and what it answered when one does not do what the guide says. */
export async function runSteps(hub: TestHub, steps: Step[], guide: string): Promise<void> {
  const kept: Record<string, unknown> = {};
  for (const step of steps) {
    kept.TODAY = hub.clock.now().toISOString().slice(0, 10);
    const where = `${guide}, block at line ${step.line}`;
    const as = step.as;
    const token = as && (await hub.token(as.role, as.jurisdiction, { ...(as.sub && { sub: as.sub }), ...(as.org && { org: as.org }) }));
    const headers: Record<string, string> = { ...(step.purpose && { 'x-purpose': step.purpose }), ...(step.idempotencyKey && { 'idempotency-key': step.idempotencyKey }) };
    if (step.importKind) {
      if (!as || !token) throw new Error(`${where}: an import is sent with a token ("# as <role> of <CC>")`);
      const kind = KINDS[step.importKind];
      if (!kind) throw new Error(`${where}: npm run import has no kind ${step.importKind}`);
      const purpose = step.purpose ?? PURPOSES_BY_ROLE[as.role as Role]?.[0] ?? '';
      const report = await importCsv(kind, step.text, { url: hub.gateway.url, token, purpose });
      if (report.refused !== (step.refused ?? 0) || report.stopped) throw new Error(`${where}: expected ${step.refused ?? 0} refused rows: ${JSON.stringify(report)}`);
      continue;
    }
    const variables = step.variables ? JSON.parse(step.variables.replace(/"\$(\w+)"/g, (_, name) => JSON.stringify(kept[name] ?? `$${name} was never kept`))) : undefined;
    const res = await hub.query(token, step.text, variables, { headers });
    const codes = (res.body.errors ?? []).map((e) => e.extensions?.code);
    if (step.expect ? !codes.includes(step.expect) : codes.length > 0) {
      throw new Error(`${where}: expected ${step.expect ?? 'no error'}, got ${JSON.stringify(res.body)}`);
    }
    for (const { path, value } of step.holds) {
      // A guide shows what a refusal says: a path from `errors` is read in the errors.
      const found = JSON.stringify(at(/^errors\b/.test(path) ? res.body : res.body.data, path) ?? null);
      if (found !== JSON.stringify(JSON.parse(value))) throw new Error(`${where}: expected ${path} = ${value}, got ${found} in ${JSON.stringify(res.body)}`);
    }
    for (const { name, path } of step.keeps) {
      kept[name] = at(res.body.data, path);
      if (kept[name] === undefined || kept[name] === null) throw new Error(`${where}: keep ${name}: nothing at ${path} in ${JSON.stringify(res.body.data)}`);
    }
  }
}
