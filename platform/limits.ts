import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Request limits (graphql-armor): a query deeper, wider or costlier than any real client
 * needs is refused at validation. The gateway applies them before any subgraph is
 * called; every subgraph applies them again, looser (`scale` 2), because it may be
 * reached directly and the gateway's query plans add a level (`_entities`) and aliases. Body size is capped
 * by the HTTP layer (413). The token limit is graphql-js's own parser limit
 * (`parseOptions.maxTokens`): armor's Apollo max-tokens plugin throws from a parsing hook,
 * which Apollo answers with HTTP 500 for every over-long or malformed document.
 */
export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 3_000,
  /** armor's cost (objects 2, scalars 1, ×1.5 per level): an overseer's page of full chain events costs ~10,900. */
  maxCost: 20_000,
  maxDirectives: 20,
};

export function requestLimits(scale = 1) {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth * scale, ignoreIntrospection: true },
    maxAliases: { n: LIMITS.maxAliases * scale },
    maxTokens: { enabled: false },
    costLimit: { maxCost: LIMITS.maxCost * scale },
    maxDirectives: { n: LIMITS.maxDirectives * scale },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    plugins: armor.plugins,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: LIMITS.maxTokens * scale },
  };
}
