import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { applyMiddleware } from 'graphql-middleware';
import { shield } from 'graphql-shield';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { forbidden } from '../../platform/errors';
import { permissionsOf, visibleOrNull, type TypeAccess } from './access';
import type { RequestContext } from './context';
import { auditApi, type AuditedService } from './audit-api';
import { declaredAudits, enforceDeclaredAudits } from './audited';
import { deny, federationRules, isHubService, openTypes, type Permissions } from './rules';
import { OUTBOX_FEED_FIELD, outboxResolvers, outboxTypeDefs } from './outbox';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@inaccessible", "@requires"])\n';

export interface SchemaParts {
  /** The subgraph's name: also its database's and its audit chain's. */
  name: string;
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name. */
  references: Record<string, { __resolveReference: (reference: any, ctx: any) => unknown }>;
  /** Rules of the root fields (and of plain types); */
  permissions: Permissions;
  /** the field-level access of each declared type (common/access.ts); their records are the audited subjects. */
  access?: Array<TypeAccess<any>>;
}

const openOutboxTypes = openTypes('OutboxPage', 'OutboxEvent', 'OutboxEventId');

/** The subject types whose trails this subgraph keeps. */
export function auditedService(parts: SchemaParts): AuditedService {
  return { service: parts.name, subjectTypes: (parts.access ?? []).map((a) => a.typeName) };
}

/** Entities of declared types resolve only when the caller may know of them (else null, as for an unknown id). */
function visibleReferences(parts: SchemaParts): SchemaParts['references'] {
  return Object.fromEntries(
    Object.entries(parts.references).map(([typeName, { __resolveReference }]) => {
      const access = parts.access?.find((a) => a.typeName === typeName);
      if (!access) return [typeName, { __resolveReference }];
      return [typeName, { __resolveReference: async (reference: unknown, ctx: RequestContext) => visibleOrNull(access, ctx, await __resolveReference(reference, ctx)) }];
    }),
  );
}

/** The schema and what the served schema needs besides it. */
async function assemble(parts: SchemaParts, auditDirectory?: AuditedService[]) {
  const schema = await buildSchema({
    resolvers: parts.resolvers,
    orphanedTypes: parts.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  const audits = declaredAudits(parts.name, schema);
  const jurisdictions = Object.fromEntries((parts.access ?? []).map((a) => [a.typeName, a.jurisdictionOf]));
  const audit = auditApi(auditedService(parts), jurisdictions, auditDirectory, { pageInfo: Boolean(schema.getType('PageInfo')) });
  const dateTime = schema.getType('DateTimeISO') ? '' : 'scalar DateTimeISO\n';
  const typeDefs = parse(FEDERATION_LINK + printSchemaWithDirectives(schema) + dateTime + audit.typeDefs + outboxTypeDefs);
  const resolvers: Record<string, any> = { DateTimeISO: DateTimeISOResolver, ...createResolversMap(schema) };
  resolvers.Query = { ...resolvers.Query, ...outboxResolvers.Query };
  for (const [typeName, resolver] of Object.entries({ ...audit.resolvers, ...visibleReferences(parts) })) {
    resolvers[typeName] = { ...resolvers[typeName], ...resolver };
  }
  return { subgraph: buildSubgraphSchema({ typeDefs, resolvers }), auditPermissions: audit.permissions, audits };
}

/**
 * type-graphql classes, declared access and the platform's audit API → federated
 * subgraph schema (what `npm run compose` prints), with each mutation's declared audit
 * actions (printed in the access matrix). `auditDirectory`: given to the one
 * subgraph that answers the hub's audit root fields (subgraphs/registry.ts).
 */
export async function federatedSchema(parts: SchemaParts, auditDirectory?: AuditedService[]): Promise<GraphQLSchema & { audits: Record<string, string[]> }> {
  const { subgraph, audits } = await assemble(parts, auditDirectory);
  return Object.assign(subgraph, { audits });
}

/** The served schema: the federated schema behind shield, deny by default. */
export async function buildFederatedSchema(parts: SchemaParts, auditDirectory?: AuditedService[]): Promise<GraphQLSchema> {
  const { subgraph, auditPermissions, audits } = await assemble(parts, auditDirectory);
  enforceDeclaredAudits(subgraph, audits);
  const rules = {
    ...parts.permissions,
    ...auditPermissions,
    ...Object.assign({}, ...(parts.access ?? []).map(permissionsOf)),
    ...federationRules,
    Query: { ...federationRules.Query, ...(auditPermissions.Query as object), [OUTBOX_FEED_FIELD]: isHubService, ...(parts.permissions.Query as object) },
    ...openOutboxTypes,
  };
  return applyMiddleware(subgraph, shield(rules, { fallbackRule: deny, fallbackError: () => forbidden(), allowExternalErrors: true }));
}
