import { freePort } from '../../../scripts/development/embedded-db';
import { SUBSCRIBER_ROLES } from '../../../subgraphs/partners/access';
import type { TypeFixture } from '../access-matrix';
import type { TestHub } from '../hub';
import { grantConsent, registerVictim } from '../victims';
import { act, atHome, HOME, once, PARTNER } from './world';

/**
 * The partners subgraph's records for the access matrix: a partner system of HOME (its
 * organisation OWNER) subscribed to consent.withdrawn, and the delivery of one such event
 * (a consent of PARTNER naming HOME, withdrawn). The receiver is a port on loopback that
 * nothing listens on (the hub runs with WEBHOOK_MODE=development and a short
 * WEBHOOK_POLL_MS, test/access-matrix.test.ts): the delivery is made and tried, refused, and
 * no traffic leaves the machine.
 */
const OWNER = 'matrix-webhook-owner';
const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } } }`;
const DELIVERIES = `{ webhookSubscriptions { id deliveries { edges { node { eventId } } } } }`;

function partnersWorld(hub: TestHub) {
  return once(hub, 'partners', async () => {
    const input = { url: `http://127.0.0.1:${await freePort()}/matrix-hooks`, events: ['consent.withdrawn'], description: 'matrix' };
    const subscription = (await act(hub, 'partner_system', HOME, CREATE, { input }, { org: OWNER })).createWebhookSubscription.subscription.id as string;
    const victim = await registerVictim(hub, PARTNER);
    const consent = await grantConsent(hub, victim, PARTNER, { granteeJurisdictions: [HOME], purposes: ['LEGAL_REPRESENTATION'], categories: ['IDENTITY'] });
    await act(hub, 'social_worker', PARTNER, `mutation($id: ID!) { withdrawConsent(consentId: $id) { active } }`, { id: consent });
    // The partners subgraph follows the victims outbox every WEBHOOK_POLL_MS: wait for the delivery it makes.
    for (const end = Date.now() + 30_000; ; ) {
      const mine = (await act(hub, 'partner_system', HOME, DELIVERIES, {}, { org: OWNER })).webhookSubscriptions.find((s: { id: string }) => s.id === subscription);
      const eventId = mine?.deliveries.edges[0]?.node.eventId as string | undefined;
      if (eventId) return { subscription, eventId };
      if (Date.now() > end) throw new Error('Fixture set-up failed: no webhook delivery within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
}

/** Callers of the owner: its jurisdiction and organisation, in any subscriber role. */
const owner = { 'the owner': { claims: { jurisdiction: HOME, org: OWNER }, facts: (role: string) => atHome(role as never, 'OWNER') } };
const listed = { scenarios: ['the owner'], roles: SUBSCRIBER_ROLES };
const list = { root: 'webhookSubscriptions', args: {}, type: 'WebhookSubscription' };

export const partnersFixtures: Record<string, TypeFixture> = {
  WebhookSubscription: {
    async records(hub) {
      const { subscription } = await partnersWorld(hub);
      return { subscribed: { id: subscription, gateway: list, direct: list, listedIn: listed, unset: ['secretRotatedAt', 'disabledAt'] } };
    },
    scenarios: owner,
  },
  WebhookDelivery: {
    async records(hub) {
      const { eventId } = await partnersWorld(hub);
      const path = { ...list, through: ['deliveries', 'edges', 'node'] };
      return { delivered: { id: eventId, gateway: path, direct: path, listedIn: listed, unset: ['nextAttemptAt', 'lastAttemptAt', 'lastStatus', 'lastError', 'deliveredAt'] } };
    },
    scenarios: owner,
  },
};
