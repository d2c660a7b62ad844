import type { Role } from '../../../platform/auth';
import { badInput, forbidden, notFound } from '../../../platform/errors';
import { visibleOnly, visibleOrNotFound } from '../../common/access';
import { subscriptionAccess } from '../access';
import { EVENT_TYPES } from '../../common/outbox';
import { newestFirstPageOf, type Entity } from '../../common/storage';
import { checkAll, newId, recordId, text } from '../../common/validate';
import { ownerOf, type PartnerContext, type SubscriptionRecord } from '../models';
import type { CreateWebhookSubscriptionInput } from '../schema/inputs';
import { newSecret } from './secrets';
import { urlRefusal } from './urls';

/**
 * Subscriptions: made by a partner system, or by a role whose events they are, for the
 * caller's own jurisdiction and organisation (its owner); seen, changed and deleted by
 * callers of the same owner only (access.ts: SUBSCRIBER_ROLES, the owner's basis) —
 * anyone else is answered as for an unknown id.
 */

/** The most subscriptions one owner keeps. */
export const MAX_SUBSCRIPTIONS = 20;

type SubscriptionDoc = Entity<SubscriptionRecord>;

function mayReceive(role: Role, type: string): boolean {
  return role === 'partner_system' || EVENT_TYPES[type].roles.includes(role);
}

async function checkedEvents(events: unknown, role: Role): Promise<string[]> {
  if (!Array.isArray(events) || events.length === 0) throw badInput('input.events', `must name at least one event type (${Object.keys(EVENT_TYPES).join(', ')})`);
  const unique = [...new Set(events as string[])];
  const unknown = unique.filter((e) => !EVENT_TYPES[e]);
  if (unknown.length > 0) throw badInput('input.events', `unknown event types: ${unknown.join(', ')} (known: ${Object.keys(EVENT_TYPES).join(', ')})`);
  const notOurs = unique.filter((e) => !mayReceive(role, e));
  if (notOurs.length > 0) throw forbidden(`A ${role} may not subscribe to ${notOurs.join(', ')}: ${notOurs.map((e) => `${e} is for ${['partner_system', ...EVENT_TYPES[e].roles].join(', ')}`).join('; ')}`, 'ROLE');
  return unique;
}

async function checkedUrl(ctx: PartnerContext, url: unknown): Promise<string> {
  const value = text(url, 'input.url', { max: 2000 });
  const refusal = await urlRefusal(value, ctx.models.settings.urls);
  if (refusal) throw badInput('input.url', refusal);
  return new URL(value).toString();
}

export async function createSubscription(ctx: PartnerContext, input: CreateWebhookSubscriptionInput): Promise<{ subscription: SubscriptionDoc; secret: string }> {
  const caller = ctx.caller!;
  const { url, events, description } = await checkAll({
    url: () => checkedUrl(ctx, input.url),
    events: () => checkedEvents(input.events, caller.role),
    description: () => (input.description == null ? null : text(input.description, 'input.description', { max: 500 })),
  });
  const existing = await ctx.loaders.subscriptionsOfOwner.load(ownerOf(caller.jurisdiction, caller.org));
  if (existing.length >= MAX_SUBSCRIPTIONS) throw badInput('input', `your organisation keeps ${MAX_SUBSCRIPTIONS} subscriptions already; delete one first`);
  const _id = newId();
  const secret = newSecret();
  const subscription = await ctx.audit.change('WEBHOOK_SUBSCRIPTION_CREATED', 'WebhookSubscription', _id, ['url', 'events', 'description', 'secret'], () =>
    ctx.models.subscriptions.create({
      _id,
      url,
      events,
      description,
      jurisdiction: caller.jurisdiction,
      organisation: caller.org,
      createdBy: caller.sub,
      createdAt: ctx.now,
      sealedSecret: ctx.models.settings.box.seal(secret),
      secretRotatedAt: null,
      enabled: true,
      consecutiveFailures: 0,
      disabledAt: null,
      deletedAt: null,
    }),
  );
  return { subscription, secret };
}

export async function subscriptionsOfCaller(ctx: PartnerContext): Promise<SubscriptionDoc[]> {
  const caller = ctx.caller!;
  return visibleOnly(subscriptionAccess, ctx, await ctx.loaders.subscriptionsOfOwner.load(ownerOf(caller.jurisdiction, caller.org)));
}

/** A subscription of the caller's owner, else NOT_FOUND as for an unknown id. */
export async function ownSubscription(ctx: PartnerContext, id: string, field = 'id'): Promise<SubscriptionDoc> {
  const found = await ctx.loaders.subscription.load(recordId(id, field));
  return visibleOrNotFound(subscriptionAccess, ctx, found?.deletedAt ? null : found, id);
}

export async function deleteSubscription(ctx: PartnerContext, id: string): Promise<string> {
  const subscription = await ownSubscription(ctx, id);
  await ctx.audit.change('WEBHOOK_SUBSCRIPTION_DELETED', 'WebhookSubscription', subscription.id, ['deletedAt'], () => ctx.models.subscriptions.update(subscription.id, { deletedAt: ctx.now, enabled: false }));
  return subscription.id;
}

export async function rotateSecret(ctx: PartnerContext, id: string): Promise<{ subscription: SubscriptionDoc; secret: string }> {
  const subscription = await ownSubscription(ctx, id);
  const secret = newSecret();
  const updated = await ctx.audit.change('WEBHOOK_SECRET_ROTATED', 'WebhookSubscription', subscription.id, ['secret'], () =>
    ctx.models.subscriptions.update(subscription.id, { sealedSecret: ctx.models.settings.box.seal(secret), secretRotatedAt: ctx.now }),
  );
  if (!updated) throw notFound('WebhookSubscription', id);
  return { subscription: updated, secret };
}

/** Enabled again by its owner after it was disabled for failing: its waiting deliveries are tried now. */
export async function enableSubscription(ctx: PartnerContext, id: string): Promise<SubscriptionDoc> {
  const subscription = await ownSubscription(ctx, id);
  const updated = await ctx.audit.change('WEBHOOK_SUBSCRIPTION_ENABLED', 'WebhookSubscription', subscription.id, ['enabled'], async () => {
    const changed = await ctx.models.subscriptions.update(subscription.id, { enabled: true, consecutiveFailures: 0, disabledAt: null });
    const waiting = (await ctx.models.deliveries.loaderBy('pending').load('all')).filter((d) => d.subscriptionId === subscription.id);
    for (const delivery of waiting) await ctx.models.deliveries.update(delivery.id, { nextAttemptAt: ctx.now });
    return changed;
  });
  if (!updated) throw notFound('WebhookSubscription', id);
  return updated;
}

export function deliveriesOf(ctx: PartnerContext, subscription: SubscriptionDoc, first?: number | null, after?: string | null) {
  const { deliveries } = ctx.models;
  return newestFirstPageOf({ records: deliveries, list: deliveries.list('subscription', subscription.id) }, { first, after });
}
