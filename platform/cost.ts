import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

/**
 * What a query costs: the most values its answer can hold. Each field is one value
 * (`__typename` none), and a list multiplies what is under it by its size:
 *
 * - a field with `first` (or `last`): that page size, the platform's default when absent,
 *   never more than the largest page (a larger one is refused by the field itself, as
 *   BAD_USER_INPUT); the lists of the page it returns (a connection's `edges`, a feed's
 *   `changes`) are that page and are not multiplied again;
 * - `_entities`: the representations the gateway sends (a subgraph counts its part of a plan);
 * - a list of an enum: at most the enum's values;
 * - introspection (counted apart, see Tally): the schema's own numbers (its types; fields,
 *   arguments… per type on average);
 * - any other list: its size declared below where known, else ASSUMED_LIST_SIZE.
 *
 * The gateway counts the whole query, each subgraph its part of it; both read the same
 * declarations (the subgraphs' schemas are parts of the supergraph, type and field names alike).
 */

/** Pages of every list: `first` when not given, and the largest (subgraphs/common/storage/pagination.ts). */
export const PAGE = { default: 20, max: 100 };

/** A list that is neither paged nor declared: the platform pages what grows, so the others are short. */
export const ASSUMED_LIST_SIZE = 20;

/** The longest a list can be, where the data or its input checks bound it, or where it is known to be longer than assumed. */
export const LIST_SIZES: Record<string, number> = {
  // Publishing and correcting a precedent cite at most 50 (proceedings/precedents, MAX_CITES).
  'Precedent.cites': 50,
  // Not bounded by any check: a leading decision is cited again and again. Assumed; a
  // paged `citedBy(first:)` would bound it.
  'Precedent.citedBy': 100,
  // The ILO catalogue: six dimensions, 61 indicators (victims/domain/ilo-indicators.ts).
  'Query.iloIndicators': 61,
  'Screening.indicators': 61,
  'Screening.dimensions': 6,
  // Opening a proceeding names at most 50 defendants.
  'Proceeding.defendants': 50,
  // A joint team has at most 27 parties (proceedings/teams/domain/team.ts), one leader each.
  'JointInvestigationTeam.parties': 27,
  'JointInvestigationTeam.joined': 27,
  'JointInvestigationTeam.leaders': 27,
  // A search hit's highlights: three text fields, at most two snippets each (common/storage/text.ts snippets).
  'PrecedentEdge.highlights': 6,
};

const SLICES = ['first', 'last'];

interface SchemaSizes {
  /** Types that fields with `first`/`last` return (connections, feeds): their lists are the page. */
  pages: Set<string>;
  /** Introspection lists: `__Schema.types` and friends, from this schema. */
  introspection: Record<string, number>;
}

const sizesOf = new WeakMap<GraphQLSchema, SchemaSizes>();

function schemaSizes(schema: GraphQLSchema): SchemaSizes {
  let sizes = sizesOf.get(schema);
  if (sizes) return sizes;
  const types = Object.values(schema.getTypeMap());
  const pages = new Set<string>();
  let fields = 0;
  let args = 0;
  let inputFields = 0;
  let enumValues = 0;
  let interfaces = 0;
  for (const type of types) {
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        fields++;
        args += field.args.length;
        // A connection or feed (not a list itself, whose items are the page).
        if (field.args.some((a) => SLICES.includes(a.name)) && !isListType(getNullableType(field.type))) pages.add(getNamedType(field.type).name);
      }
      interfaces += type.getInterfaces().length;
    }
    if (isInputObjectType(type)) inputFields += Object.keys(type.getFields()).length;
    if (isEnumType(type)) enumValues += type.getValues().length;
  }
  const perType = (n: number) => Math.max(1, Math.ceil(n / types.length));
  const directives = schema.getDirectives();
  sizes = {
    pages,
    introspection: {
      '__Schema.types': types.length,
      '__Schema.directives': directives.length,
      '__Type.fields': perType(fields),
      '__Type.inputFields': perType(inputFields),
      '__Type.enumValues': perType(enumValues),
      '__Type.interfaces': perType(interfaces),
      '__Type.possibleTypes': perType(interfaces),
      '__Field.args': Math.max(1, Math.ceil(args / Math.max(1, fields))),
      '__Directive.args': Math.max(1, Math.ceil(directives.reduce((n, d) => n + d.args.length, 0) / Math.max(1, directives.length))),
    },
  };
  sizesOf.set(schema, sizes);
  return sizes;
}

const clamp = (n: number, low: number, high: number) => Math.min(high, Math.max(low, n));

/** Its page size, for a field with `first` or `last`. */
function pageSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | undefined {
  if (!field.args.some((a) => SLICES.includes(a.name))) return undefined;
  const asked = SLICES.map((name) => args[name]).find((value) => typeof value === 'number');
  return clamp(Math.floor((asked as number | undefined) ?? PAGE.default), 0, PAGE.max);
}

/** What one count found: the cost of the data, and apart from it the cost of introspection (`__schema`, `__type`). */
export interface Tally {
  introspection: number;
}

/**
 * The estimator for one schema (the gateway's API schema, or a subgraph's own). The
 * introspection a query asks for is added to `tally` instead of its cost: it is bounded
 * by the schema, not by data, and has a budget of its own (platform/limits.ts).
 */
export function costEstimator(schema: GraphQLSchema, tally: Tally): ComplexityEstimator {
  const sizes = schemaSizes(schema);
  return ({ type, field, args, childComplexity }) => {
    if (field.name === '__typename') return 0;
    if (field.name === '__schema' || field.name === '__type') {
      tally.introspection += 1 + childComplexity;
      return 0;
    }
    const key = `${type.name}.${field.name}`;
    const returned = getNullableType(field.type);
    const page = pageSize(field, args);
    // A page of items (each one value and what is under it), or a connection whose edges are the page.
    if (page !== undefined) return 1 + page * (isListType(returned) ? 1 + childComplexity : childComplexity);
    if (!isListType(returned)) return 1 + childComplexity;
    const item = getNamedType(returned);
    let size: number;
    if (field.name === '_entities' && Array.isArray(args.representations)) size = args.representations.length;
    else if (sizes.pages.has(type.name)) size = 1; // the page of the field above, counted there
    else if (LIST_SIZES[key] !== undefined) size = LIST_SIZES[key];
    else if (sizes.introspection[key] !== undefined) size = sizes.introspection[key];
    else if (isEnumType(item)) size = item.getValues().length;
    else size = ASSUMED_LIST_SIZE;
    return 1 + size * (1 + childComplexity);
  };
}
