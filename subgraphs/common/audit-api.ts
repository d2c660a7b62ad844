import { badInput, forbidden } from '../../platform/errors';
import { decidedOnce } from './access';
import { eventsOf } from './audit';
import { pageSize } from './storage';
import type { RequestContext } from './context';
import { allow, hasRole, type Permissions } from './rules';

/**
 * The one audit API of the hub. Each subgraph keeps its own chain in its own database;
 * the auditor asks one question through the gateway:
 *
 *   auditTrail(subjectType: "Victim", subjectId: "…") { events(first: 50) { … } }
 *   auditChain(service: "victims") { verify(knownHead: …) { valid head { … } } }
 *
 * Federation routes by type, not by argument value: every audited subject type has an
 * entity `<Type>AuditTrail` and every subgraph an entity `<Service>AuditChain`, each
 * resolved by its owner. One subgraph, the directory (subgraphs/registry.ts), answers the
 * root fields with the right `__typename` and declares the other subgraphs' entities with
 * their `events`/`verify` fields external; the gateway then fetches those from the owner.
 * The shared types are identical in every subgraph (@shareable). See docs/decisions/.
 */

/** Which subgraph keeps the trail of which subject types. */
export interface AuditedService {
  service: string;
  subjectTypes: string[];
}

/** Where a subject belongs, by type: an auditor reads what is in its oversight. */
export type SubjectJurisdictions = Record<string, (id: string, ctx: RequestContext) => Promise<string | null>>;

/** Whether a subject is in the auditor's oversight: its jurisdiction looked up once per request. */
async function inOversight(ctx: RequestContext, jurisdictions: SubjectJurisdictions, subjectType: string, subjectId: string): Promise<boolean> {
  const decision = await decidedOnce(ctx, `${subjectType}:${subjectId}:oversight`, async () => {
    const jurisdiction = jurisdictions[subjectType] ? await jurisdictions[subjectType](subjectId, ctx) : null;
    return { allowed: jurisdiction !== null && ctx.caller!.oversight.includes(jurisdiction), reason: null, basis: 'OVERSIGHT' };
  });
  return decision.allowed;
}

const SHARED_SDL = `
"Whether every field asked for was released"
enum AuditDecision { ALLOW DENY }

"""
One entry of a subgraph's hash-chained audit trail. hash = HMAC-SHA256 (hex, keyed with the deployment's AUDIT_CHAIN_KEY) of the JSON array
[sequence, at (ISO 8601), actor, role, jurisdiction, org, issuer, purpose, action,
subjectType, subjectId, fields, deniedFields, decision, bases, prevHash]; prevHash is the hash of the event before it
(64 zeros for the first). Every hashed field is exposed, so the chain can be recomputed from the API.
"""
type AuditEvent @shareable {
  "The link of the subgraph's chain that holds the event, from 1: one request's reads share a link, an event per subject"
  sequence: Int!
  at: DateTimeISO!
  "Subject (sub) of the token that acted"
  actor: String!
  role: String!
  jurisdiction: String!
  org: String!
  "Issuer (iss) of the token that acted"
  issuer: String!
  "Stated purpose (X-Purpose header; one of the Purpose vocabulary)"
  purpose: String
  "READ, REGISTER, SCREENING_RECORDED, RECOVERY_PERIOD_STARTED, CONSENT_GRANTED, CONSENT_WITHDRAWN, DUPLICATE_MATCH_DISCLOSED, …"
  action: String!
  subjectType: String!
  subjectId: ID!
  fields: [String!]!
  deniedFields: [String!]!
  decision: AuditDecision!
  "What the released fields were released on: OWN_JURISDICTION, CONSENT:<consent id>, OVERSIGHT, TEAM:<team id>, …"
  bases: [String!]!
  prevHash: String!
  hash: String!
}

type AuditEventEdge @shareable {
  cursor: String!
  node: AuditEvent!
}

type AuditEventConnection @shareable {
  edges: [AuditEventEdge!]!
  pageInfo: PageInfo!
  "Events about the subject in all (exact)"
  totalCount: Int!
}

"A point of a chain: the sequence of an event and its hash"
type AuditChainHead @shareable {
  sequence: Int!
  hash: String!
}

"A chain head recorded earlier by the overseer"
input KnownAuditHead {
  sequence: Int!
  hash: String!
}

type AuditChainStatus @shareable {
  valid: Boolean!
  "Links checked (each a change, or one request's reads), every event of each recomputed"
  events: Int!
  "Signed checkpoints checked: each must be signed with the deployment's key and still be in the chain, unchanged"
  checkpoints: Int!
  "Sequence of the first event whose hash or link does not verify"
  firstBrokenAt: Int
  "The newest event: record it outside the hub and pass it as knownHead later to detect removed events"
  head: AuditChainHead
}

"Every access to and change of one subject, oldest first, from the chain of the subgraph that owns the subject type"
interface AuditTrail {
  subjectType: String!
  subjectId: ID!
  events(first: Int, after: String): AuditEventConnection!
}

"""
One link of a chain: a change, or one request's reads (an event per subject read). Always its sequence and hashes;
its events only when their subject is in the auditor's oversight. prevHash is its first event's, hash its last event's.
"""
type AuditChainLink @shareable {
  sequence: Int!
  prevHash: String!
  hash: String!
  "The link's event when it holds one; a link of several shows them in parts"
  event: AuditEvent
  "The link's events in order, each hashed on the one before it (the first on the link's prevHash)"
  parts: [AuditChainPart!]!
}

"One event of a link: always its hashes; the event itself only when its subject is in the auditor's oversight"
type AuditChainPart @shareable {
  prevHash: String!
  hash: String!
  event: AuditEvent
}

type AuditChainLinkEdge @shareable {
  cursor: String!
  node: AuditChainLink!
}

type AuditChainLinkConnection @shareable {
  edges: [AuditChainLinkEdge!]!
  pageInfo: PageInfo!
  totalCount: Int!
}

"The audit chain of one subgraph"
interface AuditChain {
  service: String!
  "Recomputes every hash of the chain; with knownHead, also checks that this head is still in it"
  verify(knownHead: KnownAuditHead): AuditChainStatus!
  "Every link of the chain in sequence order: every link is checked, the events in your oversight recomputed, outside the hub"
  links(first: Int, after: String): AuditChainLinkConnection!
  "The signed checkpoints, oldest first, from the from-th (0: the first), at most first (1 to 100)"
  auditCheckpoints(from: Int, first: Int): [AuditCheckpoint!]!
}

"A signed head of a chain: signature = Ed25519 (key kid of /.well-known/audit-jwks.json) over the JSON array [service, sequence, hash, at]"
type AuditCheckpoint @shareable {
  service: String!
  sequence: Int!
  hash: String!
  at: DateTimeISO!
  kid: String!
  signature: String!
}
`;

const PAGE_INFO_SDL = `
type PageInfo @shareable {
  hasNextPage: Boolean!
  endCursor: String
}
`;

export function trailTypeName(subjectType: string): string {
  return `${subjectType}AuditTrail`;
}

export function chainTypeName(service: string): string {
  return `${service.replace(/(^|[-_])([a-z])/g, (_, _sep, c: string) => c.toUpperCase())}AuditChain`;
}

function trailType(subjectType: string, owned: boolean): string {
  return `type ${trailTypeName(subjectType)} implements AuditTrail @key(fields: "subjectId") {
  subjectType: String! @shareable
  subjectId: ID!
  events(first: Int, after: String): AuditEventConnection!${owned ? '' : ' @external'}
}`;
}

function chainType(service: string, owned: boolean): string {
  return `type ${chainTypeName(service)} implements AuditChain @key(fields: "service") {
  service: String!
  verify(knownHead: KnownAuditHead): AuditChainStatus!${owned ? '' : ' @external'}
  links(first: Int, after: String): AuditChainLinkConnection!${owned ? '' : ' @external'}
  auditCheckpoints(from: Int, first: Int): [AuditCheckpoint!]!${owned ? '' : ' @external'}
}`;
}

const MAX_SUBJECT_ID = 200;

function verifiedHead(knownHead: { sequence: number; hash: string } | null | undefined) {
  if (!knownHead) return undefined;
  if (!Number.isInteger(knownHead.sequence) || knownHead.sequence < 1) throw badInput('knownHead.sequence', 'must be 1 or more');
  if (!/^[0-9a-f]{64}$/.test(knownHead.hash)) throw badInput('knownHead.hash', 'must be 64 lowercase hexadecimal characters');
  return knownHead;
}

/**
 * The audit API of one subgraph: its own trail and chain entities, and with `directory`
 * (the whole hub's audited services) the root fields and the other subgraphs' entities.
 */
export function auditApi(own: AuditedService, jurisdictions: SubjectJurisdictions, directory: AuditedService[] | undefined, has: { pageInfo: boolean }) {
  const others = (directory ?? []).filter((s) => s.service !== own.service);
  const typeDefs = [
    SHARED_SDL,
    has.pageInfo ? '' : PAGE_INFO_SDL,
    ...own.subjectTypes.map((t) => trailType(t, true)),
    chainType(own.service, true),
    ...others.flatMap((s) => [...s.subjectTypes.map((t) => trailType(t, false)), chainType(s.service, false)]),
    directory
      ? `extend type Query {
  "The audit trail of one subject, from the subgraph that owns its type (auditor only)"
  auditTrail(subjectType: String!, subjectId: ID!): AuditTrail!
  "One subgraph's audit chain (auditor only)"
  auditChain(service: String!): AuditChain!
  "Every subgraph's audit chain (auditor only)"
  auditChains: [AuditChain!]!
}`
      : '',
  ].join('\n');

  const resolvers: Record<string, any> = {
    AuditTrail: { __resolveType: (trail: { __typename: string }) => trail.__typename },
    AuditChain: { __resolveType: (chain: { __typename: string }) => chain.__typename },
    [chainTypeName(own.service)]: {
      __resolveReference: (reference: { service: string }) => reference,
      verify: (_chain: unknown, args: { knownHead?: { sequence: number; hash: string } | null }, ctx: RequestContext) =>
        ctx.audit.log.verify(verifiedHead(args.knownHead)),
      links: async (_chain: unknown, args: { first?: number | null; after?: string | null }, ctx: RequestContext) => {
        const page = await ctx.audit.log.chainPage(args);
        const edges = await Promise.all(
          page.edges.map(async ({ cursor, node: link }) => {
            const parts = await Promise.all(
              eventsOf(link).map(async (event) => ({
                prevHash: event.prevHash,
                hash: event.hash,
                event: (await inOversight(ctx, jurisdictions, event.subjectType, event.subjectId)) ? event : null,
              })),
            );
            return { cursor, node: { sequence: link.sequence, prevHash: link.prevHash, hash: link.hash, parts, event: parts.length === 1 ? parts[0].event : null } };
          }),
        );
        ctx.audit.noteEvent('AUDIT_CHAIN_READ', 'AuditChain', own.service, ['links']);
        // Not `{ ...page }`: that would read the lazy totalCount (a probe of the chain) on every page.
        return {
          edges,
          pageInfo: page.pageInfo,
          get totalCount() {
            return page.totalCount;
          },
        };
      },
      auditCheckpoints: (_chain: unknown, args: { from?: number | null; first?: number | null }, ctx: RequestContext) => {
        const from = args.from ?? 0;
        const first = args.first ?? 50;
        if (!Number.isInteger(from) || from < 0) throw badInput('from', 'must be 0 or more');
        if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'must be between 1 and 100');
        return ctx.audit.log.checkpoints.list(from, first);
      },
    },
  };
  for (const subjectType of own.subjectTypes) {
    resolvers[trailTypeName(subjectType)] = {
      __resolveReference: (reference: { subjectId: string }) => ({ ...reference, subjectType }),
      subjectType: () => subjectType,
      events: async (trail: { subjectId: string }, args: { first?: number | null; after?: string | null }, ctx: RequestContext) => {
        pageSize(args.first); // a wrong page size is the caller's mistake whatever the subject: said first, the same for every subject
        if (!(await inOversight(ctx, jurisdictions, subjectType, trail.subjectId))) {
          throw forbidden(`${subjectType} ${trail.subjectId} is not in the oversight of ${ctx.caller!.role} in ${ctx.caller!.jurisdiction}`);
        }
        const page = await ctx.audit.log.page(subjectType, trail.subjectId, args);
        // The auditor's own reads are audited too, in the same trail.
        ctx.audit.noteEvent('AUDIT_TRAIL_READ', subjectType, trail.subjectId, ['events']);
        return page;
      },
    };
  }
  if (directory) {
    const ownerOf = new Map(directory.flatMap((s) => s.subjectTypes.map((t) => [t, s.service] as const)));
    const services = directory.map((s) => s.service);
    resolvers.Query = {
      auditTrail: (_root: unknown, { subjectType, subjectId }: { subjectType: string; subjectId: string }) => {
        if (!ownerOf.has(subjectType)) throw badInput('subjectType', `must be one of ${[...ownerOf.keys()].join(', ')}`);
        if (subjectId.length === 0 || subjectId.length > MAX_SUBJECT_ID) throw badInput('subjectId', `must be 1 to ${MAX_SUBJECT_ID} characters`);
        return { __typename: trailTypeName(subjectType), subjectType, subjectId };
      },
      auditChain: (_root: unknown, { service }: { service: string }) => {
        if (!services.includes(service)) throw badInput('service', `must be one of ${services.join(', ')}`);
        return { __typename: chainTypeName(service), service };
      },
      auditChains: () => services.map((service) => ({ __typename: chainTypeName(service), service })),
    };
  }

  const auditorOnly = hasRole('auditor');
  const typeNames = [...(directory ?? [own]).flatMap((s) => [...s.subjectTypes.map(trailTypeName), chainTypeName(s.service)])];
  const permissions: Permissions = {
    ...Object.fromEntries(typeNames.map((name) => [name, auditorOnly])),
    ...Object.fromEntries(
      ['AuditEvent', 'AuditEventEdge', 'AuditEventConnection', 'AuditChainHead', 'AuditChainStatus', 'AuditChainLink', 'AuditChainPart', 'AuditCheckpoint', 'AuditChainLinkEdge', 'AuditChainLinkConnection', 'PageInfo'].map(
        (name) => [name, allow],
      ),
    ),
    ...(directory ? { Query: { auditTrail: auditorOnly, auditChain: auditorOnly, auditChains: auditorOnly } } : {}),
  };
  return { typeDefs, resolvers, permissions };
}
