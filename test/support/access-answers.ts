import type { Role } from '../../platform/auth';
import type { TypeAccess } from '../../subgraphs/common/access';
import { categoryOf, isAudited, isReleased, type PathVerdict, type Situation } from './access-expectations';
import type { Path } from './access-matrix';
import type { GraphQLResponse, TestHub } from './hub';

/**
 * Reading the answers of the access matrix back: where along its path a record came back
 * (or did not), each category's verdict beside the declaration's, and the READ events the
 * owners' audit chains must hold for it.
 */

export type Surface = 'gateway' | 'subgraph';

export interface Cell {
  surface: Surface;
  type: string;
  record: string;
  /** A category of the type, or `<category> audit` for its audit trail. */
  category: string;
  role: Role;
  scenario: string;
  expected: string;
  actual: string;
}

/** A cell's name, as KNOWN_GAPS lists it. */
export const cellKey = (c: Pick<Cell, 'surface' | 'type' | 'record' | 'category' | 'role' | 'scenario'>) => `${c.surface} ${c.type}[${c.record}] ${c.category} ${c.role} @${c.scenario}`;

/** A READ event an owner's chain must hold: of this subject, by this caller, with this field, denied or not. */
export interface AuditCheck {
  cell: Omit<Cell, 'expected' | 'actual'>;
  trail: string;
  field: string;
  denied: boolean;
}

/** How a record came back: found (with the response path to it), absent at a step, or refused (FORBIDDEN) or failed at a step. */
export type Observation =
  | { kind: 'reached'; path: Array<string | number>; value: Record<string, unknown> }
  | { kind: 'absent'; step: number }
  | { kind: 'refused'; step: number; code: string };

const key = (path: ReadonlyArray<string | number>) => path.join('.');

export function errorsByPath(body: GraphQLResponse['body']): Map<string, { code: string; message: string }> {
  return new Map((body.errors ?? []).map((e) => [key(e.path ?? []), { code: String(e.extensions?.code), message: e.message }]));
}

/** Walks the answer under `alias` along the path's types to the record whose `locator` field is `id`. */
export function observe(body: GraphQLResponse['body'], errors: Map<string, { code: string }>, alias: string, path: Path, steps: number, locator: string, id: string): Observation {
  let frontier: Array<{ value: unknown; at: Array<string | number> }> = [{ value: body.data?.[alias], at: [alias] }];
  for (let step = 0; step < steps; step++) {
    const objects: Array<{ value: Record<string, unknown>; at: Array<string | number> }> = [];
    for (const { value, at } of frontier) {
      const error = errors.get(key(at));
      if (error) return { kind: 'refused', step, code: error.code };
      if (Array.isArray(value)) {
        value.forEach((element, i) => {
          const elementError = errors.get(key([...at, i]));
          if (elementError) objects.push({ value: { __error: elementError.code }, at: [...at, i] });
          else if (element) objects.push({ value: element as Record<string, unknown>, at: [...at, i] });
        });
      } else if (value) objects.push({ value: value as Record<string, unknown>, at });
    }
    const failed = objects.find((o) => o.value.__error);
    if (failed) return { kind: 'refused', step, code: String(failed.value.__error) };
    if (objects.length === 0) return { kind: 'absent', step };
    if (step === steps - 1) {
      const found = objects.find((o) => o.value[locator] === id);
      return found ? { kind: 'reached', path: found.at, value: found.value } : { kind: 'absent', step };
    }
    const field = path.through![step];
    frontier = objects.map((o) => ({ value: o.value[field], at: [...o.at, field] }));
  }
  throw new Error('a path has at least its root');
}

/** What came back for an unknown id under `alias`: its data and its errors (paths relative to the alias, ids blanked). */
export function answerOf(body: GraphQLResponse['body'], alias: string): string {
  const errors = (body.errors ?? [])
    .filter((e) => e.path?.[0] === alias)
    .map((e) => `${(e.path ?? []).slice(1).join('.')} ${e.extensions?.code} ${e.message.replace(/[A-Za-z0-9_-]{22}/g, '<id>')}`)
    .sort();
  return JSON.stringify({ data: body.data?.[alias] ?? null, errors });
}

/** The field that finds the record in an answer: `id`, else the first open field. */
export function locatorOf(access: TypeAccess<unknown>): string {
  return access.open.includes('id') ? 'id' : access.open[0];
}


/** What was asked of one record, and what the declaration expects of it. */
export interface Judged {
  surface: Surface;
  access: TypeAccess<unknown>;
  subgraph: string;
  recordName: string;
  subjectId: string;
  unset: string[];
  scenario: string;
  situation: Situation;
  /** sub|role|jurisdiction|purpose stated, as the owner's events name the caller. */
  caller: string;
  types: string[];
  fields: string[];
  verdict: PathVerdict;
}

/**
 * One cell per category: expected (from the declaration and the path) beside what came:
 * `allowed`, `denied` (null with FORBIDDEN at the field), `absent@<step>` (as an unknown
 * id), `forbidden@<step>` (the field leading there refused), `null` (released but empty).
 */
export function judge(j: Judged, seen: Observation, errors: Map<string, { code: string }>, unlike: string | null, declared: (typeName: string) => unknown): { cells: Cell[]; audits: AuditCheck[] } {
  const base = { surface: j.surface, type: j.access.typeName, record: j.recordName, role: j.situation.role, scenario: j.scenario };
  const byCategory = new Map<string, { expected: string; actual: string[] }>();
  const audits: AuditCheck[] = [];
  for (const field of j.fields) {
    const category = categoryOf(j.access, field);
    const expected = j.verdict.kind === 'reached' ? (isReleased(j.access, field, j.situation) ? 'allowed' : 'denied') : `${j.verdict.kind}@${j.verdict.step}`;
    let actual: string;
    if (unlike) actual = unlike;
    else if (seen.kind === 'absent') actual = `absent@${seen.step}`;
    else if (seen.kind === 'refused') {
      if (seen.code !== 'FORBIDDEN') actual = `error ${seen.code}@${seen.step}`;
      else if (seen.step > 0 && declared(j.types[seen.step - 1])) actual = `forbidden@${seen.step}`;
      // A root or undeclared field refusing a role (its own rule): right as long as nothing but open fields was due.
      else actual = expected === 'allowed' && category !== 'open' ? `refused@${seen.step}` : expected;
    } else {
      const error = errors.get([...seen.path, field].join('.'));
      const value = seen.value[field];
      if (error) actual = error.code === 'FORBIDDEN' && value === null ? 'denied' : `error ${error.code}`;
      else actual = (value === null || value === undefined) && !j.unset.includes(field) ? 'null' : 'allowed';
      if (isAudited(j.access, field) && (!error || error.code === 'FORBIDDEN')) {
        audits.push({ cell: { ...base, category: `${category} audit` }, trail: `${j.subgraph}|${j.access.typeName}:${j.subjectId}|${j.caller}`, field, denied: Boolean(error) });
      }
    }
    const entry = byCategory.get(category) ?? { expected, actual: [] };
    entry.actual.push(`${field}=${actual}`);
    byCategory.set(category, entry);
  }
  const cells = [...byCategory].map(([category, { expected, actual }]) => {
    const verdicts = [...new Set(actual.map((a) => a.slice(a.indexOf('=') + 1)))];
    return { ...base, category, expected, actual: verdicts.length === 1 ? verdicts[0] : actual.join(', ') };
  });
  return { cells, audits };
}

type Trails = Map<string, { fields: Set<string>; denied: Set<string> }>;

/** The READ events of every owner's chain not seen before, by subgraph, subject and caller. */
export async function readTrails(hub: TestHub, subgraphs: string[], seen: Set<string>): Promise<Trails> {
  const trails: Trails = new Map();
  for (const name of subgraphs) {
    for (const e of await hub.subgraphs[name].audit.events({ action: 'READ' })) {
      const eventKey = `${name}|${e.hash}`; // each event's hash is its own
      if (seen.has(eventKey)) continue;
      seen.add(eventKey);
      const key = `${name}|${e.subjectType}:${e.subjectId}|${[e.actor, e.role, e.jurisdiction, e.purpose !== null].join('|')}`;
      const trail = trails.get(key) ?? { fields: new Set(), denied: new Set() };
      (e.fields as string[]).forEach((f) => trail.fields.add(f));
      (e.deniedFields as string[]).forEach((f) => trail.denied.add(f));
      trails.set(key, trail);
    }
  }
  return trails;
}

/** One cell per audited category: `audited` when every read of it is in the trail, allowed or denied as it was. */
export function auditCells(checks: AuditCheck[], trails: Trails): Cell[] {
  const byCell = new Map<string, { cell: AuditCheck['cell']; actual: Set<string> }>();
  for (const check of checks) {
    const trail = trails.get(check.trail);
    const actual = !trail?.fields.has(check.field) ? 'not audited' : trail.denied.has(check.field) !== check.denied ? `audited as ${check.denied ? 'allowed' : 'denied'}` : 'audited';
    const key = cellKey(check.cell);
    byCell.set(key, { cell: check.cell, actual: (byCell.get(key)?.actual ?? new Set()).add(actual) });
  }
  return [...byCell.values()].map(({ cell, actual }) => ({ ...cell, expected: 'audited', actual: [...actual].join(', ') }));
}
