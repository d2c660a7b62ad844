import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { buildSchema, GraphQLString, getNamedType, isInputObjectType, isLeafType, isListType, isNonNullType, type GraphQLArgument, type GraphQLField, type GraphQLInputType } from 'graphql';
import { SCHEMA_DIR } from '../../platform/paths';
import { idFor, type RecordIds } from './fuzz-records';
import { hostileFor, KINDS, plausible, type Kind } from './fuzz-values';

/**
 * The operations `npm run fuzz` sends, from the committed supergraph: for every root
 * query field and mutation the gateway serves, calls whose arguments are plausible
 * except one value (an argument, an input field, a list item) replaced by a hostile one.
 * Every value travels as a variable, declared with the argument's own type. A field
 * added later is fuzzed without anyone listing it.
 */

export interface RootField {
  /** `query victim`, `mutation registerVictim`. */
  name: string;
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

export interface FuzzCase {
  field: string;
  /** The value replaced: `input.legalName`, `victimIds[0]`, `first`; `fuzz` is an argument the field does not have. */
  target: string;
  kind: Kind;
  document: string;
  variables: Record<string, unknown>;
  /** What a refusal may name: the arguments and input fields holding values, the variables as `$name`, dotted paths (`input.legalName`). */
  names: string[];
}

/** Root fields the gateway serves: not the federation ones (_entities, _service) nor those hidden from it (@inaccessible). */
export function rootFields(sdl = readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8')): RootField[] {
  const schema = buildSchema(sdl, { assumeValidSDL: true });
  const fields: RootField[] = [];
  for (const [kind, type] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const directives = field.astNode?.directives ?? [];
      if (field.name.startsWith('_') || directives.some((d) => d.name.value === 'inaccessible')) continue;
      if (field.args.some((arg) => isInaccessibleType(arg.type))) continue;
      fields.push({ name: `${kind} ${field.name}`, kind, field });
    }
  }
  return fields;
}

const isInaccessibleType = (type: GraphQLInputType) => getNamedType(type).astNode?.directives?.some((d) => d.name.value === 'inaccessible') ?? false;

/** Where a value can be replaced in the plausible variables: each argument, input field (to depth 3) and first list item. */
function targetsOf(value: unknown, at: string, type: GraphQLInputType, out: string[], depth = 0): void {
  out.push(at);
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner) && Array.isArray(value) && value.length > 0) {
    targetsOf(value[0], `${at}[0]`, inner.ofType, out, depth + 1);
  } else if (isInputObjectType(inner) && value && typeof value === 'object' && depth < 3) {
    for (const f of Object.values(inner.getFields())) targetsOf((value as Record<string, unknown>)[f.name], `${at}.${f.name}`, f.type, out, depth + 1);
  }
}

/** A copy of `variables` with the value at `at` (`input.languages[0]`) replaced; undefined leaves it out. */
export function withValueAt(variables: unknown, at: string, value: unknown): any {
  const [, head, rest] = /^([^.[]+|\[\d+\])(.*)$/.exec(at.replace(/^\./, ''))!;
  const index = /^\[(\d+)\]$/.exec(head);
  const copy: any = Array.isArray(variables) ? [...variables] : { ...(variables as object) };
  const key = index ? Number(index[1]) : head;
  copy[key] = rest ? withValueAt(copy[key], rest, value) : value;
  if (value === undefined && !rest && !Array.isArray(copy)) delete copy[key];
  return copy;
}

/** The names of the leaves (arguments and input fields holding a value or a list): an object's own name (`input`) would match any message. */
function leafNames(value: unknown, key: string, out: Set<string>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) leafNames(v, k, out);
  else out.add(key);
}

/** The document calling one root field with every argument as a variable of its own type. */
export function documentFor(root: RootField, extraArgument?: string): string {
  const args = root.field.args.map((a) => [a.name, String(a.type)]);
  if (extraArgument) args.push([extraArgument, 'String']);
  const params = args.map(([name, type]) => `$${name}: ${type}`).join(', ');
  const call = args.map(([name]) => `${name}: $${name}`).join(', ');
  const selection = isLeafType(getNamedType(root.field.type)) ? '' : ' { __typename }';
  return `${root.kind}${params ? `(${params})` : ''} { ${root.field.name}${call ? `(${call})` : ''}${selection} }`;
}

/**
 * `count` cases for one root field, the same for the same seed: the targets in turn (so
 * every argument and input field is hit once count reaches their number), each with a
 * hostile value of a kind fast-check draws. With `ids` (fuzz-records.ts), ids name real records.
 */
export function casesFor(root: RootField, count: number, seed: number, ids?: RecordIds): FuzzCase[] {
  const idOf = (name: string) => (ids ? idFor(ids, name, root.field.name) : undefined);
  const base = Object.fromEntries(root.field.args.map((a: GraphQLArgument) => [a.name, plausible(a.type, a.name, 0, idOf)]));
  const targets: string[] = [];
  for (const arg of root.field.args) targetsOf(base[arg.name], arg.name, arg.type, targets);
  // A field without arguments is called with one it does not have (GraphQL must refuse it by name).
  const extra = targets.length === 0 ? 'fuzz' : undefined;
  if (extra) targets.push(extra);
  const document = documentFor(root, extra);
  const names = new Set<string>(extra ? [extra] : []);
  for (const [k, v] of Object.entries(base)) leafNames(v, k, names);
  const named = [...names, ...root.field.args.map((a) => `$${a.name}`), ...targets.filter((t) => t.includes('.'))];
  const typeAt = new Map<string, GraphQLInputType>();
  for (const arg of root.field.args) typesOf(arg.name, arg.type, typeAt);
  if (extra) typeAt.set(extra, GraphQLString);
  // The targets in turn; for each, a kind and a value of that kind for its type, drawn from the seed.
  const draws = fc.sample(fc.tuple(fc.constantFrom(...KINDS), fc.integer({ min: 0, max: 2 ** 30 })), { seed: seed ^ hash(root.name), numRuns: count });
  return draws.map(([kind, valueSeed], i) => {
    const target = targets[i % targets.length];
    const [value] = fc.sample(hostileFor(typeAt.get(target) ?? GraphQLString, kind), { seed: valueSeed, numRuns: 1 });
    return { field: root.name, target, kind, document, variables: withValueAt(base, target, value), names: named };
  });
}

/** The type of every path targetsOf reaches (`input.languages[0]`: String). */
function typesOf(at: string, type: GraphQLInputType, out: Map<string, GraphQLInputType>, depth = 0): void {
  out.set(at, type);
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) typesOf(`${at}[0]`, inner.ofType, out, depth + 1);
  else if (isInputObjectType(inner) && depth < 3) for (const f of Object.values(inner.getFields())) typesOf(`${at}.${f.name}`, f.type, out, depth + 1);
}

/** A stable 32-bit hash of a field's name, so each field draws its own values from the run's seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}
