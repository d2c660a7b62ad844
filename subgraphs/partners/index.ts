import 'reflect-metadata';
import { vars } from '../../platform/config';
import type { SubgraphDefinition } from '../common/server';
import { partnerAccess } from './access';
import { WebhookDelivery } from './domain/delivery';
import { SecretBox } from './domain/secrets';
import { parseNetworks } from './domain/urls';
import { partnerLoaders, partnerModels } from './models';
import { partnerPermissions } from './permissions';
import { WebhookDeliveryResolver } from './resolvers/delivery';
import { WebhookSubscriptionResolver } from './resolvers/subscription';

/**
 * Partners: webhook subscriptions of partner systems, and their delivery from every other
 * subgraph's outbox (decision 116). It reads no other database: it follows their outbox
 * feeds with a hub service's token, as the others follow the erasure feed.
 */
const env = {
  WEBHOOK_SECRET_KEY: vars.secret('key that seals the subscriptions’ signing secrets in the partners database (AES-256-GCM)', 32),
  WEBHOOK_MODE: vars.oneOf('`production` (default): delivery URLs must be https; `development`: http to loopback too', ['production', 'development']),
  WEBHOOK_ALLOWED_NETWORKS: vars.text('comma-separated CIDR ranges deliveries may reach although private, link-local or loopback (default none), e.g. 10.20.0.0/16'),
  WEBHOOK_TIMEOUT_SECONDS: vars.integer('seconds a receiver has to answer a delivery (default 10)', 1, 60),
  WEBHOOK_MAX_FAILURES: vars.integer('consecutive failed attempts after which a subscription is disabled until its owner enables it (default 8)', 1, 100),
  WEBHOOK_POLL_MS: vars.integer('milliseconds between rounds of reading the outboxes and delivering (default 5000)', 50, 600_000),
};

export const partnersSubgraph: SubgraphDefinition<ReturnType<typeof partnerModels>, ReturnType<typeof partnerLoaders>, typeof env> = {
  name: 'partners',
  env,
  resolvers: [WebhookSubscriptionResolver, WebhookDeliveryResolver],
  references: {},
  permissions: partnerPermissions,
  access: partnerAccess,
  models: (connection, settings) =>
    partnerModels(connection, {
      box: new SecretBox(settings.WEBHOOK_SECRET_KEY),
      urls: { mode: settings.WEBHOOK_MODE ?? 'production', allowed: parseNetworks(settings.WEBHOOK_ALLOWED_NETWORKS) },
      timeoutMs: (settings.WEBHOOK_TIMEOUT_SECONDS ?? 10) * 1000,
      maxFailures: settings.WEBHOOK_MAX_FAILURES ?? 8,
    }),
  loaders: partnerLoaders,
  jobs: (context) => [new WebhookDelivery(context, context.settings.WEBHOOK_POLL_MS ?? 5000)],
};
