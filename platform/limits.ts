import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { getIntrospectionQuery, GraphQLError, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { costLimitExceeded } from './errors';
import { costEstimator } from './cost';

/**
 * Request limits: a query deeper, wider or costlier than any real client needs is refused
 * before anything runs. The gateway applies them before any subgraph is called; every
 * subgraph applies them again, looser (`scale` 2), because it may be reached directly and
 * the gateway's query plans add a level (`_entities`), key fields and aliases. Body size
 * is capped by the HTTP layer (413).
 *
 * - Depth, aliases, directives: graphql-armor validation rules. Tokens: graphql-js's own
 *   parser limit (`parseOptions.maxTokens`); armor's Apollo max-tokens plugin throws from
 *   a parsing hook, which Apollo answers with HTTP 500.
 * - Cost: the most values the answer can hold (platform/cost.ts: every list multiplied by
 *   its size: `first`, the declared or assumed length, the representations of `_entities`),
 *   counted with graphql-query-complexity once the operation is known, against the
 *   budget of the caller: lower without a verified token. Introspection apart, against
 *   what the full introspection of the schema costs.
 */
export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 3_000,
  maxDirectives: 20,
  /**
   * Values an answer may hold (its cost, platform/cost.ts) for a caller with a verified
   * token: the largest the test suites and examples ask is about 10,800 (a page of 50
   * victims with their consents); a page of 100 of anything with a few short lists under it fits.
   */
  maxCost: 100_000,
  /**
   * The same without a token (public fields only): the largest real one, a search page of
   * 100 precedents with highlights and match positions, costs about 42,000; a nesting of
   * unpaged lists under a page (citations of citations) runs to millions.
   */
  maxAnonymousCost: 50_000,
};

/** Parts of a query counted before the count gives up (a fragment spread many times multiplies them). */
const MAX_COUNTED_NODES = 20_000;

export interface LimitOptions {
  /** The gateway 1; a subgraph 2. */
  scale?: number;
  /** Whether the request's caller presented a token that verified (its context says). */
  verified: (context: any) => boolean;
}

type Schema = Parameters<typeof getComplexity>[0]['schema'];
type Document = Parameters<typeof getComplexity>[0]['query'];

/** A query's cost as the limit counts it, and the cost of the introspection it asks for (also for tests). */
export function costOf(schema: Schema, query: Document, variables?: Record<string, unknown>, operationName?: string): { cost: number; introspection: number } {
  const tally = { introspection: 0 };
  const cost = getComplexity({ schema, query, variables, operationName, estimators: [costEstimator(schema, tally)], maxQueryNodes: MAX_COUNTED_NODES });
  return { cost, introspection: tally.introspection };
}

type Cost = ReturnType<typeof costOf>;

/**
 * Costs already counted, by schema, document and the request's operation name and
 * variables: Apollo Server keeps one parsed document per query text, so a client asking
 * the same page again is not counted again (counting walked every field of the query on
 * every request, gateway and subgraph alike). Variables longer than a few kilobytes (an
 * entity fetch's representations, which differ from request to request) are not kept.
 */
const counted = new WeakMap<Schema, WeakMap<Document, Map<string, Cost>>>();
const MAX_KEPT_VARIABLES = 4_096;
const MAX_KEPT_PER_DOCUMENT = 64;

function costOfRequest(schema: Schema, query: Document, variables: Record<string, unknown> | undefined, operationName: string | undefined): Cost {
  const key = `${operationName ?? ''}:${variables === undefined ? '' : JSON.stringify(variables)}`;
  if (key.length > MAX_KEPT_VARIABLES) return costOf(schema, query, variables, operationName);
  let bySchema = counted.get(schema);
  if (!bySchema) counted.set(schema, (bySchema = new WeakMap()));
  let byRequest = bySchema.get(query);
  if (!byRequest) bySchema.set(query, (byRequest = new Map()));
  let cost = byRequest.get(key);
  if (!cost) {
    cost = costOf(schema, query, variables, operationName);
    if (byRequest.size >= MAX_KEPT_PER_DOCUMENT) byRequest.clear();
    byRequest.set(key, cost);
  }
  return cost;
}

const fullIntrospection = new WeakMap<Schema, number>();

/**
 * Introspection is bounded by the schema, public through the explorer, and as large as the
 * schema: its budget is what the full introspection query of this schema costs (the one
 * GraphiQL sends, with every option), so asking for more of it (aliases) is refused;
 * graphql-js refuses nesting it deeper (MaxIntrospectionDepthRule).
 */
export function introspectionLimit(schema: Schema): number {
  let limit = fullIntrospection.get(schema);
  if (limit === undefined) {
    const query = parse(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
    fullIntrospection.set(schema, (limit = costOf(schema, query).introspection));
  }
  return limit;
}

/** Refuses, with HTTP 400 and COST_LIMIT_EXCEEDED, an operation whose cost is above the caller's budget. */
function costLimit(scale: number, verified: (context: any) => boolean): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          const anonymous = !verified(contextValue);
          const limit = (anonymous ? LIMITS.maxAnonymousCost : LIMITS.maxCost) * scale;
          let cost: Cost;
          try {
            cost = costOfRequest(schema, document, request.variables, operationName ?? undefined);
          } catch (error) {
            if (/maximum allowed number of nodes/.test((error as Error).message)) throw costLimitExceeded(null, limit, anonymous);
            // Variables that do not fit the operation: execution refuses them the same way.
            throw new GraphQLError((error as Error).message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
          if (cost.cost > limit) throw costLimitExceeded(cost.cost, limit, anonymous);
          if (cost.introspection > introspectionLimit(schema)) throw costLimitExceeded(cost.introspection, introspectionLimit(schema), anonymous, 'introspection');
        },
      };
    },
  };
}

export function requestLimits({ scale = 1, verified }: LimitOptions) {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth * scale, ignoreIntrospection: true },
    maxAliases: { n: LIMITS.maxAliases * scale },
    maxTokens: { enabled: false },
    costLimit: { enabled: false }, // counted by costLimit, which knows list sizes and the caller
    maxDirectives: { n: LIMITS.maxDirectives * scale },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    plugins: [...armor.plugins, costLimit(scale, verified)],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: LIMITS.maxTokens * scale },
  };
}
