import { hasRole, openTypes, type Permissions } from '../common/rules';
import { SUBSCRIBER_ROLES } from './access';

/**
 * Subscriptions are for partner systems and the roles whose events they are (the event
 * types each may subscribe to are checked in domain/subscriptions.ts, FORBIDDEN naming
 * them); a subscription is its owner's (jurisdiction and organisation) alone (access.ts),
 * anyone else is answered NOT_FOUND as for an unknown id.
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
  // WebhookSubscription and WebhookDelivery: their fields by access.ts (the owner's only). The secret's answer and the paging are structure.
  ...openTypes('WebhookSubscriptionSecret', 'WebhookDeliveryEdge', 'WebhookDeliveryConnection', 'PageInfo'),
};
