import { hasRole, openTypes, type Permissions } from '../common/rules';
import { SUBSCRIBER_ROLES } from './domain/subscriptions';

/**
 * Subscriptions are for partner systems and the roles whose events they are (the event
 * types each may subscribe to are checked in domain/subscriptions.ts, FORBIDDEN naming
 * them); a subscription is its owner's (jurisdiction and organisation) alone, anyone
 * else is answered NOT_FOUND as for an unknown id.
 */
const subscriber = hasRole(...SUBSCRIBER_ROLES);

export const partnerPermissions: Permissions = {
  Query: {
    webhookSubscriptions: subscriber,
  },
  Mutation: {
    createWebhookSubscription: subscriber,
    deleteWebhookSubscription: subscriber,
    rotateWebhookSecret: subscriber,
    enableWebhookSubscription: subscriber,
  },
  ...openTypes('WebhookSubscription', 'WebhookSubscriptionSecret', 'WebhookDelivery', 'WebhookDeliveryEdge', 'WebhookDeliveryConnection', 'PageInfo'),
};
