import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { ROOT } from '../../platform/paths';

/**
 * The composed schema as the committed supergraph says it, read at test time: every
 * mutation and root query field, the subgraph that resolves it, and where an id goes in
 * its arguments. A field added later shows up here without anyone listing it.
 */

export interface RootField {
  kind: 'mutation' | 'query';
  name: string;
  /** The subgraph that resolves it (its registry name, e.g. `legal-aid`). */
  subgraph: string;
  /** Hidden from the gateway's API (@inaccessible): reachable on its subgraph only. */
  inaccessible: boolean;
  args: readonly GraphQLArgument[];
  /** Where ids go: `victimId`, `input.proceedingId`, `input.victimIds` (ID types, or names ending in Id/Ids). */
  idPaths: string[];
  /** The ids every call must give (non-null all the way down). */
  requiredIdPaths: string[];
  field: GraphQLField<unknown, unknown>;
}

let cached: { schema: GraphQLSchema; fields: RootField[] } | null = null;

function load() {
  if (cached) return cached;
  const schema = buildSchema(readFileSync(path.join(ROOT, 'schema', 'supergraph.graphql'), 'utf8'), { assumeValidSDL: true });
  // join__Graph's values name the subgraphs: LEGAL_AID @join__graph(name: "legal-aid", …).
  const graphs = new Map<string, string>();
  for (const value of (schema.getType('join__Graph') as GraphQLEnumType).getValues()) {
    const name = value.astNode?.directives?.find((d) => d.name.value === 'join__graph')?.arguments?.find((a) => a.name.value === 'name')?.value;
    if (name?.kind === 'StringValue') graphs.set(value.name, name.value);
  }
  const fields: RootField[] = [];
  for (const [kind, type] of [['mutation', schema.getMutationType()], ['query', schema.getQueryType()]] as const) {
    for (const field of Object.values(type!.getFields())) {
      const directives = field.astNode?.directives ?? [];
      const graph = directives.find((d) => d.name.value === 'join__field')?.arguments?.find((a) => a.name.value === 'graph')?.value;
      if (!graph || graph.kind !== 'EnumValue') continue; // _entities, _service and the like
      const idPaths: string[] = [];
      const requiredIdPaths: string[] = [];
      for (const arg of field.args) collectIds(arg.name, arg.type, true, idPaths, requiredIdPaths, 0);
      fields.push({
        kind,
        name: field.name,
        subgraph: graphs.get(graph.value) ?? graph.value,
        inaccessible: directives.some((d) => d.name.value === 'inaccessible'),
        args: field.args,
        idPaths,
        requiredIdPaths,
        field,
      });
    }
  }
  cached = { schema, fields };
  return cached;
}

function collectIds(at: string, type: GraphQLInputType, required: boolean, all: string[], needed: string[], depth: number): void {
  const named = getNamedType(type);
  const present = required && isNonNullType(type);
  if (named.name === 'ID' || /Ids?$/.test(at.split('.').pop()!)) {
    all.push(at);
    if (present) needed.push(at);
    return;
  }
  if (isInputObjectType(named) && depth < 2) {
    for (const inner of Object.values(named.getFields())) collectIds(`${at}.${inner.name}`, inner.type, present, all, needed, depth + 1);
  }
}

export const mutationFields = (): RootField[] => load().fields.filter((f) => f.kind === 'mutation');

/** Root query fields that take an id somewhere in their arguments. */
export const idQueryFields = (): RootField[] => load().fields.filter((f) => f.kind === 'query' && f.idPaths.length > 0);

/**
 * A document calling one root field with the variables given (others left out), selecting
 * `__typename` unless told otherwise: what is compared is whether and how the call is
 * answered, not which fields a caller may read of the result.
 */
export function documentFor(field: RootField, variables: Record<string, unknown>, select = '{ __typename }'): string {
  const given = field.args.filter((arg) => arg.name in variables);
  const missing = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined && !(arg.name in variables));
  if (missing.length > 0) throw new Error(`${field.name}: the fixture gives no ${missing.map((a) => a.name).join(', ')}`);
  const unknown = Object.keys(variables).filter((name) => !field.args.some((arg) => arg.name === name));
  if (unknown.length > 0) throw new Error(`${field.name} has no argument ${unknown.join(', ')}`);
  const params = given.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = given.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.field.type)) ? '' : ` ${select}`;
  return `${field.kind}${params ? `(${params})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

/** A random id of the same shape as `id` (length and alphabet kept): 128 random bits for a record id, so it matches no record by chance. */
export function randomIdLike(id: string): string {
  if (/^[A-Za-z0-9_-]{22}$/.test(id)) return randomBytes(16).toString('base64url');
  const alphabet = /^[0-9a-f]+$/.test(id) ? '0123456789abcdef' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(id.length);
  return Array.from(id, (c, i) => (/[A-Za-z0-9]/.test(c) ? alphabet[bytes[i] % alphabet.length] : c)).join('');
}

/** The value at a dotted path of the variables (`input.proceedingId`), or undefined. */
export function valueAt(variables: Record<string, unknown>, at: string): unknown {
  return at.split('.').reduce<any>((value, key) => (value == null ? undefined : value[key]), variables);
}

/** A copy of the variables with the value at `at` replaced. */
export function withValueAt(variables: Record<string, unknown>, at: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = at.split('.');
  if (rest.length === 0) return { ...variables, [head]: value };
  return { ...variables, [head]: withValueAt((variables[head] ?? {}) as Record<string, unknown>, rest.join('.'), value) };
}

/** Ids at a path: one, or each of a list. */
export const idsAt = (variables: Record<string, unknown>, at: string): string[] => {
  const value = valueAt(variables, at);
  return value == null ? [] : (Array.isArray(value) ? value : [value]).map(String);
};
