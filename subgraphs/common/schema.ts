import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { shield } from 'graphql-shield';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { permissionsOf, type TypeAccess } from './access';
import { deny, federationRules, type Permissions } from './rules';
import { forbidden } from '../../platform/errors';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@inaccessible"])\n';

export interface SchemaParts {
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name. */
  references: Record<string, { __resolveReference: (reference: any, ctx: any) => unknown }>;
  /** Rules of the root fields (and of plain types); */
  permissions: Permissions;
  /** the field-level access of each declared type (common/access.ts). */
  access?: Array<TypeAccess<any>>;
}

/** type-graphql classes → federated subgraph schema (what `npm run compose` prints). */
export async function federatedSchema(parts: SchemaParts): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: parts.resolvers,
    orphanedTypes: parts.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  const typeDefs = parse(FEDERATION_LINK + printSchemaWithDirectives(schema));
  const resolvers = createResolversMap(schema) as Record<string, any>;
  for (const [typeName, reference] of Object.entries(parts.references)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}

/** The served schema: the federated schema behind shield, deny by default. */
export async function buildFederatedSchema(parts: SchemaParts): Promise<GraphQLSchema> {
  const subgraph = await federatedSchema(parts);
  const rules = {
    ...parts.permissions,
    ...Object.assign({}, ...(parts.access ?? []).map(permissionsOf)),
    ...federationRules,
    Query: { ...federationRules.Query, ...(parts.permissions.Query as object) },
  };
  return applyMiddleware(
    subgraph,
    shield(rules, { fallbackRule: deny, fallbackError: () => forbidden(), allowExternalErrors: true }),
  );
}
