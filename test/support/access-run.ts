import { isUnionType } from 'graphql';
import { ROLES, type Role } from '../../platform/auth';
import { LIMITS } from '../../platform/limits';
import { PURPOSES_BY_ROLE } from '../../platform/purposes';
import type { TypeAccess } from '../../subgraphs/common/access';
import { federatedSchema } from '../../subgraphs/common/schema';
import type { RegistryEntry } from '../../subgraphs/registry';
import { answerOf, auditCells, errorsByPath, judge, locatorOf, observe, readTrails, type AuditCheck, type Cell, type Surface } from './access-answers';
import { categoryOf, isInert, pathVerdict, purposeMatters, type PathVerdict, type Situation } from './access-expectations';
import { subjectOf } from './access-fixtures/world';
import { GENERIC_SCENARIOS, inBatches, literal, readQuery, Schemas, tokensOf, unknownArgs, type FixtureRecord, type Path, type Scenario, type TypeFixture } from './access-matrix';
import type { TestHub } from './hub';

/**
 * Runs the access matrix: every declared type of every subgraph in the registry, each of
 * its records, every role, every scenario (the generic ones and the type's own), read
 * through the gateway and on the owning subgraph directly; then the owners' audit chains.
 * One request per caller and surface (as few as the hub's limits allow), the same text
 * for every role.
 */

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
  /** Its path's list includes it for this caller (`FixtureRecord.listedIn`). */
  listed: boolean;
  situation: Situation;
}

interface Caller {
  claims: Scenario['claims'];
  role: Role;
  purpose: boolean;
  items: Item[];
}

export interface MatrixResult {
  /** Declared types with no fixture, as `subgraph: Type`. */
  missing: string[];
  cells: Cell[];
  requests: number;
  /** Milliseconds: making the records, asking through the gateway, asking the subgraphs (with the audit reads). */
  took: { records: number; gateway: number; subgraphs: number };
}

function declarations(registry: RegistryEntry[], fixtures: Record<string, Record<string, TypeFixture>>): Map<string, Declared> {
  const declared = new Map<string, Declared>();
  for (const { definition } of registry) {
    for (const access of definition.access ?? []) declared.set(access.typeName, { access, subgraph: definition.name, fixture: fixtures[definition.name]?.[access.typeName] });
  }
  return declared;
}

/** The declared types of the registry that have no fixture: a new subgraph is named here until its table is added. */
export function missingFixtures(registry: RegistryEntry[], fixtures: Record<string, Record<string, TypeFixture>>): string[] {
  return [...declarations(registry, fixtures).values()].filter((d) => !d.fixture).map((d) => `${d.subgraph}: ${d.access.typeName}`);
}

export async function runMatrix(hub: TestHub, registry: RegistryEntry[], fixtures: Record<string, Record<string, TypeFixture>>): Promise<MatrixResult> {
  const declared = declarations(registry, fixtures);
  const accessOf = (typeName: string) => declared.get(typeName)?.access;
  const built = await Promise.all(registry.map((s) => federatedSchema(s.definition)));
  const schemas = new Schemas(built);
  const entities = new Map(registry.map((s, i) => [s.definition.name, built[i].getType('_Entity')]));

  // Records first (fixtures share set-ups, made once), then one item per record, scenario and role.
  const started = Date.now();
  const withFixture = [...declared.values()].filter((d) => d.fixture);
  const made = await Promise.all(withFixture.map((d) => d.fixture!.records(hub)));
  const callers = new Map<string, Caller>();
  for (const [n, d] of withFixture.entries()) {
    // A type no fact can change is asked at home and abroad only; no purpose, where a purpose matters.
    const scenarios = Object.entries({ ...GENERIC_SCENARIOS, ...d.fixture!.scenarios }).filter(([name]) => !isInert(d.access) || name === 'own' || name === 'foreign');
    for (const [scenarioName, scenario] of scenarios) {
      for (const role of (scenario.roles ?? ROLES).filter((r) => !scenario.noPurpose || purposeMatters(d.access, r))) {
        const claims = { ...scenario.claims, sub: scenario.claims.sub ?? subjectOf(scenarioName, role) };
        const key = JSON.stringify([role, claims, !scenario.noPurpose]);
        if (!callers.has(key)) callers.set(key, { claims, role, purpose: !scenario.noPurpose, items: [] });
        for (const [recordName, record] of Object.entries(made[n]).filter(([, r]) => !r.listedIn || r.listedIn.roles.includes(role))) {
          // The stated purpose is a fact too (the role's first, as hub.query states it).
          const purpose = scenario.noPurpose ? [] : [`PURPOSE:${PURPOSES_BY_ROLE[role][0]}`];
          const facts = new Set([...scenario.facts(role), ...(d.fixture!.alsoHolds?.[scenarioName] ?? []), ...(record.traits ?? []), ...purpose]);
          const listed = !record.listedIn || record.listedIn.scenarios.includes(scenarioName);
          callers.get(key)!.items.push({ declared: d, recordName, record, scenario: scenarioName, listed, situation: { role, facts, purpose: !scenario.noPurpose } });
        }
      }
    }
  }
  const recordsTook = Date.now() - started;

  /** One unknown id per record id for the whole run: the same query text for every role, planned and parsed once. */
  const strangers = new Map<string, string>();
  const shapes = new Map<string, ReturnType<typeof shapeOf>>();

  /** How a record is read on a surface: the same for every caller, so worked out once. */
  function shapeOf(surface: Surface, item: Item, everyField: boolean) {
    const path = surface === 'gateway' ? item.record.gateway : directPath(item);
    const types = schemas.typesOf(path);
    const access = item.declared.access;
    const every = [...access.open, ...Object.keys(access.fields)];
    const fields = everyField ? every : every.filter((f, i) => every.findIndex((g) => categoryOf(access, g) === categoryOf(access, f)) === i);
    const locator = locatorOf(access);
    const leaf = [...new Set([locator, ...fields])].map((f) => schemas.selection(types[types.length - 1], f)).join(' ');
    const args = unknownArgs(path.args, strangers);
    const stranger: Path | null = literal(args) === literal(path.args) ? null : { ...path, args };
    return { path, types, fields, locator, leaf, stranger, alone: schemas.answersAlone(path.root), tokens: tokensOf(readQuery('r0', path, types, leaf)) };
  }

  function directPath(item: Item): Path {
    if (item.record.direct) return item.record.direct;
    const { access, subgraph } = item.declared;
    const entity = entities.get(subgraph);
    if (!isUnionType(entity) || !entity.getTypes().some((t) => t.name === access.typeName)) throw new Error(`${access.typeName} is no entity of ${subgraph}: give its fixture a \`direct\` path`);
    return { root: '_entities', args: { representations: [{ __typename: access.typeName, id: item.record.id }] }, type: access.typeName };
  }

  /** What one record adds to a request: its read, and an unknown id's beside it when it must answer as one. */
  function plan(surface: Surface, item: Item) {
    // The engine decides per category, once per request: one field of each tells the decision. Every field (each
    // resolver, as clients ask) is read through the gateway by every role at home and abroad.
    const everyField = surface === 'gateway' && (item.scenario === 'own' || item.scenario === 'foreign');
    const key = `${surface}|${item.declared.access.typeName}|${item.recordName}|${everyField}`;
    if (!shapes.has(key)) shapes.set(key, shapeOf(surface, item, everyField));
    const shape = shapes.get(key)!;
    const verdict: PathVerdict = item.listed ? pathVerdict(shape.types, ['', ...(shape.path.through ?? [])], accessOf, item.situation) : { kind: 'absent', step: 0 };
    // Not known at the root: as an unknown id beside it (a list without the record needs no twin).
    const mustBeUnknown = verdict.kind === 'absent' && verdict.step === 0 && !(shape.path.root !== '_entities' && !shape.stranger && schemas.listsRecords(shape.path.root));
    if (mustBeUnknown && !shape.stranger) throw new Error(`${key}: no record id in its path's arguments to compare with an unknown one`);
    return { item, ...shape, verdict, unknown: mustBeUnknown ? shape.stranger : null };
  }

  /** A caller's records in as few requests as the hub's limits allow (platform/limits.ts); a root field's first use needs no alias. */
  function packed(surface: Surface, items: Item[]) {
    const packs: Array<Array<ReturnType<typeof plan> & { key: string; unknownKey: string; text: string }>> = [];
    let [pack, used, aliases, tokens] = [[] as (typeof packs)[number], new Set<string>(), 0, 0];
    const plans = items.map((item) => plan(surface, item));
    for (const [n, p] of plans.entries()) {
      if (p.alone) {
        packs.push([{ ...p, key: p.path.root, unknownKey: `u${n}`, text: `${readQuery(p.path.root, p.path, p.types, p.leaf)} ${p.unknown ? readQuery(`u${n}`, p.unknown, p.types, p.leaf) : ''}` }]);
        continue;
      }
      const needs = (taken: Set<string>) => (taken.has(p.path.root) ? 1 : 0) + (p.unknown ? 1 : 0);
      const size = p.tokens * (p.unknown ? 2 : 1);
      if (pack.length && (aliases + needs(used) > LIMITS.maxAliases || tokens + size > LIMITS.maxTokens - 100)) {
        packs.push(pack);
        [pack, used, aliases, tokens] = [[], new Set(), 0, 0];
      }
      const key = used.has(p.path.root) ? `r${n}` : p.path.root;
      aliases += needs(used);
      tokens += size;
      used.add(p.path.root);
      const text = `${readQuery(key, p.path, p.types, p.leaf)} ${p.unknown ? readQuery(`u${n}`, p.unknown, p.types, p.leaf) : ''}`;
      pack.push({ ...p, key, unknownKey: `u${n}`, text });
    }
    if (pack.length) packs.push(pack);
    return packs;
  }

  const cells: Cell[] = [];
  const audits: AuditCheck[] = [];
  let requests = 0;

  async function ask(surface: Surface, url: string, caller: Caller, plans: ReturnType<typeof packed>[number]) {
    const token = await hub.token(caller.role, caller.claims.jurisdiction, { sub: caller.claims.sub, org: caller.claims.org, oversees: caller.claims.oversees });
    // With a purpose: the role's first (hub.query's default); without: the header empty.
    const res = await hub.query(token, `query Matrix { ${plans.map((p) => p.text).join('\n')} }`, {}, { url, headers: caller.purpose ? {} : { 'x-purpose': '' } });
    requests++;
    // A request refused as a whole (a bad query; a non-null root failing, unless it was asked alone) answers nothing to judge: say why.
    if (!res.body.data && !(plans.length === 1 && plans[0].alone)) throw new Error(`The matrix request of ${caller.role} (${JSON.stringify(caller.claims)}) on ${surface} failed: ${JSON.stringify(res.body.errors).slice(0, 2000)}`);
    const errors = errorsByPath(res.body);
    for (const p of plans) {
      const seen = observe(res.body, errors, p.key, p.path, p.types.length, p.locator, p.item.record.id);
      // Not to be known at all: the answer must be the unknown id's, whatever it is (null, or a refusal of the role).
      const asUnknown = p.unknown ? answerOf(res.body, p.key) === answerOf(res.body, p.unknownKey) : null;
      const unlike = asUnknown === false ? `answers unlike an unknown id: ${answerOf(res.body, p.key).slice(0, 160)} vs ${answerOf(res.body, p.unknownKey).slice(0, 160)}` : null;
      const { item } = p;
      const judged = judge(
        {
          surface,
          access: item.declared.access,
          subgraph: item.declared.subgraph,
          recordName: item.recordName,
          subjectId: item.record.id,
          unset: item.record.unset ?? [],
          scenario: item.scenario,
          situation: item.situation,
          caller: [caller.claims.sub, caller.role, caller.claims.jurisdiction, caller.purpose].join('|'),
          types: p.types,
          fields: p.fields,
          verdict: p.verdict,
        },
        asUnknown ? { kind: 'absent', step: 0 } : seen,
        errors,
        unlike,
        accessOf,
      );
      cells.push(...judged.cells);
      audits.push(...judged.audits);
    }
  }

  const names = registry.map((s) => s.definition.name);
  const seenEvents = new Set<string>();
  await readTrails(hub, names, seenEvents); // the set-up's reads are no matrix request's
  /** Asks every request of a surface, then checks its reads against the events the owners wrote meanwhile. */
  async function surface(name: Surface, requestsOf: (caller: Caller) => Array<{ url: string; plans: ReturnType<typeof packed>[number] }>) {
    audits.length = 0;
    await inBatches([...callers.values()].flatMap((caller) => requestsOf(caller).map((r) => ({ caller, ...r }))), 4, (r) => ask(name, r.url, r.caller, r.plans));
    cells.push(...auditCells(audits, await readTrails(hub, names, seenEvents)));
  }
  const asked = Date.now();
  await surface('gateway', (caller) => packed('gateway', caller.items).map((plans) => ({ url: hub.gateway.url, plans })));
  const gatewayTook = Date.now() - asked;
  await surface('subgraph', (caller) =>
    names.flatMap((name) => packed('subgraph', caller.items.filter((i) => i.declared.subgraph === name)).map((plans) => ({ url: hub.subgraphs[name].url, plans }))),
  );
  return {
    missing: missingFixtures(registry, fixtures),
    cells,
    requests,
    took: { records: recordsTook, gateway: gatewayTook, subgraphs: Date.now() - asked - gatewayTook },
  };
}
