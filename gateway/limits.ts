import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Request limits (graphql-armor): a query deeper, wider or costlier than any real client
 * needs is refused at validation, before any subgraph is called. Body size is capped
 * by the HTTP layer (413).
 */
export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 3_000,
  maxCost: 5_000,
  maxDirectives: 20,
};

export function requestLimits() {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: LIMITS.maxAliases },
    maxTokens: { n: LIMITS.maxTokens },
    costLimit: { maxCost: LIMITS.maxCost },
    maxDirectives: { n: LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
