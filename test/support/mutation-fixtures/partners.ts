import type { MutationFixture } from '../mutation-fixtures';
import type { Records } from '../records';

/** A partner system of a jurisdiction no other row writes in (its subscriptions receive nothing the walk makes). */
const PARTNER = { role: 'partner_system', jurisdiction: 'IS', org: 'mutation-partner' };
/** A documentation address (TEST-NET-3): https, public, never answered. */
const INPUT = { url: 'https://203.0.113.10/hooks', events: ['precedent.published'], description: 'mutation walk' };

async function subscription(r: Records): Promise<{ id: string }> {
  const made = await r.as(PARTNER, `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } } }`, { input: INPUT });
  return { id: made.createWebhookSubscription.subscription.id };
}

/** The partners subgraph's mutations (rows of MUTATIONS, test/support/mutation-fixtures.ts). */
export const PARTNERS: Record<string, MutationFixture> = {
  createWebhookSubscription: { as: PARTNER, writes: 'partners', action: 'WEBHOOK_SUBSCRIPTION_CREATED', setUp: async () => ({ input: INPUT }), hidden: [] },
  deleteWebhookSubscription: { as: PARTNER, writes: 'partners', action: 'WEBHOOK_SUBSCRIPTION_DELETED', setUp: subscription, hidden: ['id'] },
  rotateWebhookSecret: { as: PARTNER, writes: 'partners', action: 'WEBHOOK_SECRET_ROTATED', setUp: subscription, hidden: ['id'] },
  enableWebhookSubscription: { as: PARTNER, writes: 'partners', action: 'WEBHOOK_SUBSCRIPTION_ENABLED', setUp: subscription, hidden: ['id'] },
};
