import { isUnionType } from 'graphql';
import { ROLES, type Role } from '../../platform/auth';
import type { TypeAccess } from '../../subgraphs/common/access';
import { federatedSchema } from '../../subgraphs/common/schema';
import type { RegistryEntry } from '../../subgraphs/registry';
import { categoryOf, isAudited, isInert, isReleased, pathVerdict, purposeMatters, type PathVerdict, type Situation } from './access-expectations';
import {
  answerOf, errorsByPath, GENERIC_SCENARIOS, inBatches, literal, locatorOf, observe, readQuery, Schemas, unknownArgs,
  type FixtureRecord, type Observation, type Path, type Scenario, type TypeFixture,
} from './access-matrix';
import { subjectOf } from './access-fixtures/world';
import type { TestHub } from './hub';
import { LIMITS } from '../../platform/limits';

/** GraphQL tokens of a text, as the parser counts them (names, punctuators, strings). */
const tokensOf = (text: string) => (text.match(/\.\.\.|"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*|-?\d+|[{}():,[\]!$=@]/g) ?? []).length;

/**
 * Runs the access matrix: every declared type of every subgraph in the registry, each of
 * its records, every role, every scenario (the generic ones and the type's own), read
 * through the gateway (one request per caller, all records aliased) and on the owning
 * subgraph directly; then the audit trail of every protected read. Gives one cell per
 * record, category, role, scenario and surface: what the declaration expects, what came.
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
export const cellKey = (c: Cell) => `${c.surface} ${c.type}[${c.record}] ${c.category} ${c.role} @${c.scenario}`;

interface Declared {
  access: TypeAccess<unknown>;
  subgraph: string;
  fixture?: TypeFixture;
}

interface Item {
  declared: Declared;
  recordName: string;
  record: FixtureRecord;
  scenario: string;
  situation: Situation;
}

interface AuditCheck {
  cell: Omit<Cell, 'expected' | 'actual'>;
  subgraph: string;
  subject: string;
  caller: string;
  field: string;
  denied: boolean;
}

export interface MatrixResult {
  /** Declared types with no fixture, as `subgraph: Type`. */
  missing: string[];
  cells: Cell[];
  requests: number;
}

export async function runMatrix(hub: TestHub, registry: RegistryEntry[], fixtures: Record<string, Record<string, TypeFixture>>): Promise<MatrixResult> {
  const declared = new Map<string, Declared>();
  for (const { definition } of registry) {
    for (const access of definition.access ?? []) declared.set(access.typeName, { access, subgraph: definition.name, fixture: fixtures[definition.name]?.[access.typeName] });
  }
  const missing = [...declared.values()].filter((d) => !d.fixture).map((d) => `${d.subgraph}: ${d.access.typeName}`);
  const built = await Promise.all(registry.map((s) => federatedSchema(s.definition)));
  const schemas = new Schemas(built);
  const entities = new Map(registry.map((s, i) => [s.definition.name, (() => { const u = built[i].getType('_Entity'); return new Set(isUnionType(u) ? u.getTypes().map((t) => t.name) : []); })()]));
  const accessOf = (typeName: string) => declared.get(typeName)?.access;

  // Records first (fixtures share set-ups, made once), then one item per record, scenario and role.
  const setUp = Date.now();
  const withFixture = [...declared.values()].filter((d) => d.fixture);
  const made = await Promise.all(withFixture.map((d) => d.fixture!.records(hub)));
  const requests = new Map<string, { claims: Scenario['claims']; role: Role; purpose: boolean; items: Item[] }>();
  for (const [n, d] of withFixture.entries()) {
    const records = made[n];
    // A type no fact can change is asked at home and abroad only; no purpose, where a purpose matters.
    const scenarios = Object.entries({ ...GENERIC_SCENARIOS, ...d.fixture!.scenarios }).filter(([name]) => !isInert(d.access) || name === 'own' || name === 'foreign');
    for (const [scenarioName, scenario] of scenarios) {
      for (const role of (scenario.roles ?? ROLES).filter((r) => !scenario.noPurpose || purposeMatters(d.access, r))) {
        const claims = { ...scenario.claims, sub: scenario.claims.sub ?? subjectOf(scenarioName, role) };
        const key = JSON.stringify([role, claims, !scenario.noPurpose]);
        if (!requests.has(key)) requests.set(key, { claims, role, purpose: !scenario.noPurpose, items: [] });
        for (const [recordName, record] of Object.entries(records)) {
          const facts = new Set([...scenario.facts(role), ...(d.fixture!.alsoHolds?.[scenarioName] ?? []), ...(record.traits ?? [])]);
          requests.get(key)!.items.push({ declared: d, recordName, record, scenario: scenarioName, situation: { role, facts, purpose: !scenario.noPurpose } });
        }
      }
    }
  }

  const cells: Cell[] = [];
  /** One unknown id per record id for the whole run: the same query text for every role, planned and parsed once. */
  const strangers = new Map<string, string>();
  const audits: Record<Surface, AuditCheck[]> = { gateway: [], subgraph: [] };
  let sent = 0;

  const directPath = (item: Item): Path => {
    if (item.record.direct) return item.record.direct;
    const { access, subgraph } = item.declared;
    if (!entities.get(subgraph)!.has(access.typeName)) throw new Error(`${access.typeName} is no entity of ${subgraph}: give its fixture a \`direct\` path`);
    return { root: '_entities', args: { representations: [{ __typename: access.typeName, id: item.record.id }] }, type: access.typeName };
  };

  type Request = { claims: Scenario['claims']; role: Role; purpose: boolean };

  /** How a record is read on a surface: the same for every caller, so worked out once. */
  const shapes = new Map<string, ReturnType<typeof shapeOf>>();
  function shapeOf(surface: Surface, item: Item, everyField: boolean) {
    const path = surface === 'gateway' ? item.record.gateway : directPath(item);
    const types = schemas.typesOf(path);
    const access = item.declared.access;
    const every = [...access.open, ...Object.keys(access.fields)];
    const fields = everyField ? every : every.filter((f, i) => every.findIndex((g) => categoryOf(access, g) === categoryOf(access, f)) === i);
    const locator = locatorOf(access);
    const leaf = [...new Set([locator, ...fields])].map((f) => schemas.selection(types[types.length - 1], f)).join(' ');
    const stranger = { ...path, args: unknownArgs(path.args, strangers) };
    return { path, types, fields, locator, leaf, stranger, tokens: tokensOf(`r0: ${readQuery('r', path, types, leaf)}`) };
  }

  /** What one record adds to a request: its read (and an unknown id's, when it must answer as one). */
  function plan(surface: Surface, item: Item) {
    // The engine decides per category, once per request: one field of each tells the decision. Every field (each
    // resolver, as clients ask) is read through the gateway by every role at home and abroad.
    const everyField = surface === 'gateway' && (item.scenario === 'own' || item.scenario === 'foreign');
    const key = `${surface}|${item.declared.access.typeName}|${item.recordName}|${everyField}`;
    if (!shapes.has(key)) shapes.set(key, shapeOf(surface, item, everyField));
    const shape = shapes.get(key)!;
    const verdict = pathVerdict(shape.types, ['', ...(shape.path.through ?? [])], accessOf, item.situation);
    const unknown = verdict.kind === 'absent' && verdict.step === 0 ? shape.stranger : null;
    if (unknown && literal(unknown.args) === literal(shape.path.args)) throw new Error(`${key}: no record id in its path's arguments to compare with an unknown one`);
    return { item, ...shape, verdict, unknown };
  }

  /**
   * The requests of one caller: as few as the hub's limits allow (platform/limits.ts: 15
   * aliases, 3,000 tokens); a root field's first use needs no alias. The same records in
   * the same order give every role the same text, planned and parsed once.
   */
  function packed(surface: Surface, items: Item[]) {
    const packs: Array<Array<ReturnType<typeof plan> & { key: string; unknownKey: string; text: string }>> = [];
    let pack: (typeof packs)[number] = [];
    let used = new Set<string>();
    let aliases = 0;
    let tokens = 0;
    for (const [n, p] of items.map((item) => plan(surface, item)).entries()) {
      const needs = (taken: Set<string>) => (taken.has(p.path.root) ? 1 : 0) + (p.unknown ? 1 : 0);
      const read = (key: string) => `${readQuery(key, p.path, p.types, p.leaf)} ${p.unknown ? readQuery(`u${n}`, p.unknown, p.types, p.leaf) : ''}`;
      const size = p.tokens * (p.unknown ? 2 : 1);
      if (pack.length && (aliases + needs(used) > LIMITS.maxAliases || tokens + size > LIMITS.maxTokens - 100)) {
        packs.push(pack);
        [pack, used, aliases, tokens] = [[], new Set(), 0, 0];
      }
      const key = used.has(p.path.root) ? `r${n}` : p.path.root;
      aliases += needs(used);
      tokens += size;
      used.add(p.path.root);
      pack.push({ ...p, key, unknownKey: `u${n}`, text: read(key) });
    }
    if (pack.length) packs.push(pack);
    return packs;
  }

  async function ask(surface: Surface, url: string, request: Request, plans: ReturnType<typeof packed>[number]) {
    const token = await hub.token(request.role, request.claims.jurisdiction, { sub: request.claims.sub, org: request.claims.org, oversees: request.claims.oversees });
    const text = plans.map((p) => p.text).join('\n');
    // With a purpose: the role's first (hub.query's default); without: the header empty.
    const res = await hub.query(token, `query Matrix { ${text} }`, {}, { url, headers: request.purpose ? {} : { 'x-purpose': '' } });
    sent++;
    // A request refused as a whole (bad query, a non-null root failing) answers nothing to judge: say why.
    if (!res.body.data) throw new Error(`The matrix request of ${request.role} (${JSON.stringify(request.claims)}) on ${surface} failed: ${JSON.stringify(res.body.errors).slice(0, 2000)}`);
    const errors = errorsByPath(res.body);
    for (const p of plans) {
      const seen = observe(res.body, errors, p.key, p.path, p.types.length, p.locator, p.item.record.id);
      // Not to be known at all: the answer must be the unknown id's, whatever it is (null, or a refusal of the role).
      const asUnknown = p.unknown ? answerOf(res.body, p.key) === answerOf(res.body, p.unknownKey) : null;
      const unlike = asUnknown === false ? `answers unlike an unknown id: ${answerOf(res.body, p.key).slice(0, 160)} vs ${answerOf(res.body, p.unknownKey).slice(0, 160)}` : null;
      judge(surface, p.item, p.types, p.fields, p.verdict, asUnknown ? { kind: 'absent', step: 0 } : seen, errors, unlike, request);
    }
  }

  function judge(surface: Surface, item: Item, types: string[], fields: string[], verdict: PathVerdict, seen: Observation, errors: Map<string, { code: string }>, unlike: string | null, request: { claims: Scenario['claims']; role: Role; purpose: boolean }) {
    const { access, subgraph } = item.declared;
    const base = { surface, type: access.typeName, record: item.recordName, role: item.situation.role, scenario: item.scenario };
    const byCategory = new Map<string, { expected: string; actual: string[] }>();
    for (const field of fields) {
      const category = categoryOf(access, field);
      const released = isReleased(access, field, item.situation);
      const expected = verdict.kind === 'reached' ? (released ? 'allowed' : 'denied') : `${verdict.kind}@${verdict.step}`;
      let actual: string;
      if (unlike) actual = unlike;
      else if (seen.kind === 'absent') actual = `absent@${seen.step}`;
      else if (seen.kind === 'refused') {
        const declaredField = seen.step > 0 && accessOf(types[seen.step - 1]);
        if (seen.code !== 'FORBIDDEN') actual = `error ${seen.code}@${seen.step}`;
        else if (declaredField) actual = `forbidden@${seen.step}`;
        // A root or undeclared field refusing a role (its own rule): right as long as nothing but open fields was due.
        else actual = expected === 'allowed' && category !== 'open' ? `refused@${seen.step}` : expected;
      } else {
        const error = errors.get([...seen.path, field].join('.'));
        const value = seen.value[field];
        if (error) actual = error.code === 'FORBIDDEN' && value === null ? 'denied' : `error ${error.code}`;
        else actual = (value === null || value === undefined) && !item.record.unset?.includes(field) ? 'null' : 'allowed';
        if (isAudited(access, field) && (!error || error.code === 'FORBIDDEN')) {
          const caller = [request.claims.sub, item.situation.role, request.claims.jurisdiction, request.purpose].join('|');
          audits[surface].push({ cell: { ...base, category: `${category} audit` }, subgraph, subject: `${access.typeName}:${item.record.id}`, caller, field, denied: Boolean(error) });
        }
      }
      const entry = byCategory.get(category) ?? { expected, actual: [] };
      entry.actual.push(`${field}=${actual}`);
      byCategory.set(category, entry);
      if (entry.expected !== expected) throw new Error(`${access.typeName}: fields of ${category} expected differently`);
    }
    for (const [category, { expected, actual }] of byCategory) {
      const verdicts = [...new Set(actual.map((a) => a.slice(a.indexOf('=') + 1)))];
      cells.push({ ...base, category, expected, actual: verdicts.length === 1 ? verdicts[0] : actual.join(', ') });
    }
  }

  /** Each expected READ event in the owner's chain, among the events not yet seen. */
  async function checkAudits(surface: Surface, seenBefore: Set<string>) {
    const trails = new Map<string, { fields: Set<string>; denied: Set<string> }>();
    for (const { definition } of registry) {
      const events = await hub.subgraphs[definition.name].connection.collection('auditEvents').find({ action: 'READ' }).toArray();
      for (const e of events) {
        const eventKey = `${definition.name}|${String(e._id)}`; // each chain numbers its own events
        if (seenBefore.has(eventKey)) continue;
        seenBefore.add(eventKey);
        const trailKey = `${definition.name}|${e.subjectType}:${e.subjectId}|${[e.actor, e.role, e.jurisdiction, e.purpose !== null].join('|')}`;
        const trail = trails.get(trailKey) ?? { fields: new Set(), denied: new Set() };
        (e.fields as string[]).forEach((f) => trail.fields.add(f));
        (e.deniedFields as string[]).forEach((f) => trail.denied.add(f));
        trails.set(trailKey, trail);
      }
    }
    const byCell = new Map<string, { cell: AuditCheck['cell']; actual: Set<string> }>();
    for (const check of audits[surface]) {
      const trail = trails.get(`${check.subgraph}|${check.subject}|${check.caller}`);
      const actual = !trail?.fields.has(check.field) ? 'not audited' : trail.denied.has(check.field) !== check.denied ? `audited as ${check.denied ? 'allowed' : 'denied'}` : 'audited';
      const k = cellKey({ ...check.cell, expected: '', actual: '' });
      byCell.set(k, { cell: check.cell, actual: (byCell.get(k)?.actual ?? new Set()).add(actual) });
    }
    for (const { cell, actual } of byCell.values()) cells.push({ ...cell, expected: 'audited', actual: [...actual].join(', ') });
  }

  const all = [...requests.values()];
  const seenEvents = new Set<string>();
  await checkAudits('gateway', seenEvents); // what the set-up read is no matrix request's
  audits.gateway = [];
  cells.length = 0;
  const cpu = () => Math.round(process.cpuUsage().user / 1000);
  const timing = { start: Date.now(), gateway: 0, cpu0: cpu(), cpuGateway: 0 };
  await inBatches(all.flatMap((r) => packed('gateway', r.items).map((plans) => ({ r, plans }))), 4, ({ r, plans }) => ask('gateway', hub.gateway.url, r, plans));
  timing.gateway = Date.now() - timing.start;
  timing.cpuGateway = cpu() - timing.cpu0;
  await checkAudits('gateway', seenEvents);
  const direct = all.flatMap((r) =>
    registry.flatMap(({ definition: { name } }) => packed('subgraph', r.items.filter((i) => i.declared.subgraph === name)).map((plans) => ({ r, name, plans }))),
  );
  await inBatches(direct, 4, ({ r, name, plans }) => ask('subgraph', hub.subgraphs[name].url, r, plans));
  await checkAudits('subgraph', seenEvents);
  console.log(`access matrix: records in ${timing.start - setUp} ms, gateway in ${timing.gateway} ms (cpu ${timing.cpuGateway}), the rest in ${Date.now() - timing.start - timing.gateway} ms (cpu ${cpu() - timing.cpu0 - timing.cpuGateway})`);
  return { missing, cells, requests: sent };
}
