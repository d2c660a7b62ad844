import { basis, typeAccess } from '../common/access';
import type { Entity } from '../common/storage';
import { isRecordId } from '../common/validate';
import type { Role } from '../../platform/auth';
import { EVENT_TYPES } from '../common/outbox';
import type { DeliveryRecord, PartnerContext, SubscriptionRecord } from './models';

/**
 * A webhook subscription is its owner's alone: the jurisdiction and organisation of the
 * caller who created it. Its fields are read by the subscriber roles of that owner only
 * (SUBSCRIPTION, on the basis OWNER), and it is known to no one else — another
 * organisation of the same jurisdiction and an auditor overseeing it too get it as an
 * unknown id (knownTo). Its deliveries are its owner's as it is. Neither holds personal
 * data (a URL, event types; deliveries carry ids and types only); the signing secret is no
 * field at all (answered once by WebhookSubscriptionSecret).
 */
/** Who subscribes: partner systems, and each role whose events some are (which ones, domain/subscriptions.ts). */
export const SUBSCRIBER_ROLES: Role[] = ['partner_system', ...new Set(Object.values(EVENT_TYPES).flatMap((t) => t.roles))];

type SubscriptionDoc = Entity<SubscriptionRecord>;
type DeliveryDoc = Entity<DeliveryRecord>;

const isOwner = (ctx: PartnerContext, s: Pick<SubscriptionRecord, 'jurisdiction' | 'organisation'> | null | undefined) =>
  Boolean(s) && s!.jurisdiction === ctx.caller!.jurisdiction && s!.organisation === ctx.caller!.org;

const OWNER_NAME = "the subscription's owner (the caller's jurisdiction and organisation)";
const ownerOfSubscription = basis<SubscriptionDoc>(OWNER_NAME, 'OWNER', (ctx, s) => isOwner(ctx as PartnerContext, s));

const subscriptionOf = (ctx: PartnerContext, d: DeliveryDoc) => ctx.loaders.subscription.load(d.subscriptionId);
const ownerOfDelivery = basis<DeliveryDoc>(OWNER_NAME, 'OWNER', async (ctx, d) => isOwner(ctx as PartnerContext, await subscriptionOf(ctx as PartnerContext, d)));

const SUBSCRIPTION_FIELDS = ['url', 'events', 'description', 'jurisdiction', 'organisation', 'createdAt', 'secretRotatedAt', 'enabled', 'consecutiveFailures', 'disabledAt', 'deliveries'];
const DELIVERY_FIELDS = ['eventType', 'status', 'attempts', 'createdAt', 'nextAttemptAt', 'lastAttemptAt', 'lastStatus', 'lastError', 'deliveredAt'];

export const subscriptionAccess = typeAccess<SubscriptionDoc>({
  typeName: 'WebhookSubscription',
  noun: 'this webhook subscription',
  id: (s) => s.id,
  jurisdiction: (s) => s.jurisdiction,
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as PartnerContext).loaders.subscription.load(id))?.jurisdiction ?? null) : null),
  visibleOn: [],
  knownTo: 'SUBSCRIPTION',
  open: ['id'],
  fields: Object.fromEntries(SUBSCRIPTION_FIELDS.map((f) => [f, 'SUBSCRIPTION'])),
  rules: { SUBSCRIPTION: { roles: SUBSCRIBER_ROLES, bases: [ownerOfSubscription] } },
});

/**
 * A delivery's audit subject is its event's id (`webhook-id`, the field a client sees): the
 * reads of it are logged under that id with the caller, who is always its owner. Its trail
 * is no one's to oversee (jurisdictionOf: none), as the delivery itself is known to its owner only.
 */
export const deliveryAccess = typeAccess<DeliveryDoc>({
  typeName: 'WebhookDelivery',
  noun: 'this webhook delivery',
  id: (d) => d.eventId,
  jurisdiction: async (d, ctx) => (await subscriptionOf(ctx as PartnerContext, d))?.jurisdiction ?? null,
  jurisdictionOf: async () => null,
  visibleOn: [],
  knownTo: 'SUBSCRIPTION',
  open: ['eventId'],
  fields: Object.fromEntries(DELIVERY_FIELDS.map((f) => [f, 'SUBSCRIPTION'])),
  rules: { SUBSCRIPTION: { roles: SUBSCRIBER_ROLES, bases: [ownerOfDelivery] } },
});

export const partnerAccess = [subscriptionAccess, deliveryAccess];
