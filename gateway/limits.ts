import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Request limits (graphql-armor): a query deeper, wider or costlier than any real client
 * needs is refused at validation, before any subgraph is called. Body size is capped
 * by the HTTP layer (413). The token limit is graphql-js's own parser limit
 * (`parseOptions.maxTokens`): armor's Apollo max-tokens plugin throws from a parsing hook,
 * which Apollo answers with HTTP 500 for every over-long or malformed document.
 */
export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 3_000,
  maxCost: 5_000,
  maxDirectives: 20,
};

export function requestLimits() {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: LIMITS.maxAliases },
    maxTokens: { enabled: false },
    costLimit: { maxCost: LIMITS.maxCost },
    maxDirectives: { n: LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return { ...armor, parseOptions: { maxTokens: LIMITS.maxTokens } };
}
