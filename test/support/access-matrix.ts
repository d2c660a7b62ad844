import { getNamedType, getNullableType, isLeafType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { Role } from '../../platform/auth';
import { isRecordId, newId } from '../../subgraphs/common/validate';
import type { TestHub } from './hub';

/**
 * The generated access matrix's vocabulary: fixtures (how a record of a declared type comes
 * to be and is read), scenarios (who asks, and which facts then hold), and the text of the
 * queries that read records. The expectations come from the declarations
 * (access-expectations.ts), answers are read back in access-answers.ts, the fixtures are in
 * access-fixtures/ and access-run.ts runs it all.
 */

/** Where every fixture's records belong, the jurisdiction fixtures relate them to, and one no fixture relates to. */
export const HOME = 'DE';
export const PARTNER = 'AT';
export const FOREIGN = 'FR';

/** A root field with its arguments and the fields from its value down to the record (each type after the root inferred from the schema). */
export interface Path {
  root: string;
  args: Record<string, unknown>;
  /** The type the root answers. */
  type: string;
  through?: string[];
}

export interface FixtureRecord {
  /** The value of the type's `id` field (else its first open field, e.g. a certificate's `code`). */
  id: string;
  /** How a client reaches it through the gateway. */
  gateway: Path;
  /** How it is reached on its subgraph directly; default `_entities` by `{ id }`. */
  direct?: Path;
  /** Facts that hold of it (and of the records on its path) for every caller, e.g. NOT_SECRET, SUBMITTED. */
  traits?: string[];
  /** Fields not set on this record: when released they may answer null. */
  unset?: string[];
  /**
   * Its paths are a list of these roles (an inbox), scoped to the callers of these scenarios:
   * asked of those roles only, and for the other scenarios it must not be in it.
   */
  listedIn?: { scenarios: string[]; roles: Role[] };
}

export interface Scenario {
  /** The caller's token, beyond its role; the subject defaults to one of this scenario and role alone. */
  claims: { jurisdiction: string; sub?: string; org?: string; oversees?: string[] };
  /** The facts that hold between this caller and the fixture's records. */
  facts(role: Role): string[];
  /** Roles for which the scenario can be set up at all (default: every role). */
  roles?: Role[];
  /** The request states no purpose. */
  noPurpose?: boolean;
}

export interface TypeFixture {
  /** Makes the records through the API (once per run; shared set-up memoised in the fixture files). */
  records(hub: TestHub): Promise<Record<string, FixtureRecord>>;
  /** The situations the type's own bases need (a team, a consent, the operator's staff, …). */
  scenarios?: Record<string, Scenario>;
  /** Facts the generic scenarios establish of these records besides their own (e.g. REGION at home, CONSENT for the partner). */
  alsoHolds?: Partial<Record<string, string[]>>;
}

const withOversight = (role: Role, facts: string[]) => (role === 'auditor' ? [...facts, 'OVERSIGHT'] : facts);

/** Scenarios every type is checked in: its own jurisdiction (with and without a purpose), a foreign one with no basis, an auditor overseeing it. */
export const GENERIC_SCENARIOS: Record<string, Scenario> = {
  own: { claims: { jurisdiction: HOME }, facts: (role) => withOversight(role, ['OWN_JURISDICTION']) },
  'own, no purpose': { claims: { jurisdiction: HOME }, noPurpose: true, facts: (role) => withOversight(role, ['OWN_JURISDICTION']) },
  foreign: { claims: { jurisdiction: FOREIGN }, facts: () => [] },
  oversight: { claims: { jurisdiction: FOREIGN, oversees: [HOME] }, roles: ['auditor'], facts: () => ['OVERSIGHT'] },
  // The jurisdiction fixtures relate records to (a consent names it, it is a party to the team, …): each type says what holds (`alsoHolds.partner`).
  partner: { claims: { jurisdiction: PARTNER }, facts: () => [] },
};

/** The schemas of the subgraphs, asked for field types. */
export class Schemas {
  constructor(private readonly schemas: GraphQLSchema[]) {}

  field(typeName: string, field: string): GraphQLField<unknown, unknown> {
    for (const schema of this.schemas) {
      const type = schema.getType(typeName);
      if (isObjectType(type) && type.getFields()[field]) return type.getFields()[field];
    }
    throw new Error(`No subgraph has ${typeName}.${field}`);
  }

  /** A root field whose refusal nulls the whole answer (non-null), so its read is asked alone; `_entities` never fails whole. */
  answersAlone(root: string): boolean {
    return root !== '_entities' && isNonNullType(this.field('Query', root).type);
  }

  /** A root field answering a list: a record not to be known is simply not in it. */
  listsRecords(root: string): boolean {
    return isListType(getNullableType(this.field('Query', root).type));
  }

  /** The types along a path: the root's, then each field's. */
  typesOf(path: Path): string[] {
    const types = [path.type];
    for (const field of path.through ?? []) types.push(getNamedType(this.field(types[types.length - 1], field).type).name);
    return types;
  }

  /** `field` or `field { __typename }`, with a check that it needs no argument. */
  selection(typeName: string, field: string): string {
    const definition = this.field(typeName, field);
    const required = definition.args.filter((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined);
    if (required.length) throw new Error(`${typeName}.${field} needs arguments (${required.map((a) => a.name).join(', ')}): give the fixture a way to read it`);
    return isLeafType(getNamedType(definition.type)) ? field : `${field} { __typename }`;
  }
}

/** A GraphQL literal of a JSON value (object keys unquoted). */
export function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${literal(v)}`).join(', ')} }`;
  return JSON.stringify(value);
}

/** The same arguments with every record id replaced by a random one (the same for the same id in `strangers`): an id nobody has. */
export function unknownArgs(args: Record<string, unknown>, strangers: Map<string, string>): Record<string, unknown> {
  const swap = (value: unknown): unknown => {
    if (typeof value === 'string' && isRecordId(value)) {
      if (!strangers.has(value)) strangers.set(value, newId());
      return strangers.get(value);
    }
    if (Array.isArray(value)) return value.map(swap);
    // A type name can look like an id ("JointInvestigationTeam" is 22 letters): only values of other keys are ids.
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === '__typename' ? v : swap(v)]));
    return value;
  };
  const result = swap(args) as Record<string, unknown>;
  return result;
}

/** GraphQL tokens of a text, as the parser counts them (names, punctuators, strings). */
export const tokensOf = (text: string) => (text.match(/\.\.\.|"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*|-?\d+|[{}():,[\]!$=@]/g) ?? []).length;

/** `alias: root(args) { ... on T0 { f1 { ... on T1 { <leaf> } } } }` (no alias when it is the root's own name: the hub counts aliases) */
export function readQuery(alias: string, path: Path, types: string[], leaf: string): string {
  let inner = leaf;
  const through = path.through ?? [];
  for (let i = types.length - 1; i >= 0; i--) inner = `... on ${types[i]} { ${i === types.length - 1 ? inner : `${through[i]} { ${inner} }`} }`;
  const args = Object.entries(path.args).map(([k, v]) => `${k}: ${literal(v)}`).join(', ');
  return `${alias === path.root ? '' : `${alias}: `}${path.root}${args ? `(${args})` : ''} { ${inner} }`;
}

/** Runs `work` over `items`, `limit` at a time (two cores, shared). */
export async function inBatches<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}
