import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { errorFields } from '../../../platform/logging';
import { readOutbox, type OutboxEvent } from '../../common/outbox';
import type { BackgroundJob, JobContext } from '../../common/server';
import { isDuplicateKey, listsOf } from '../../common/storage';
import { byJurisdiction, byOrganisation, DeliveryState, type DeliveryRecord, type PartnerModels, type SubscriptionRecord } from '../models';
import { signature } from './secrets';
import { addressRefusal } from './urls';

/**
 * Delivery (decision 116), one job in the partners subgraph, every WEBHOOK_POLL_MS:
 * 1. follow each subgraph's outbox feed (a service token, audience `outbox-feed`): for
 *    each event, one delivery per subscription it concerns (its `_id` is subscription
 *    and event, so a replay makes none twice), then the cursor moves past it;
 * 2. deliver what is due on the hub's clock, by the Standard Webhooks specification; a
 *    failure is tried again after 1, 2, 4, … minutes (at most a day), and a subscription
 *    failing WEBHOOK_MAX_FAILURES times in a row is disabled until its owner enables it.
 * A delivery is marked delivered only after the receiver answered 2xx: a crash before
 * that sends it again, with the same `webhook-id`.
 */

const BATCH = 50;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 24 * 3600_000;

export function retryDelay(failures: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
}

/** The body of a delivery: the event's type, when, and its ids and audience — nothing else. */
export function deliveryBody(source: string, event: OutboxEvent): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.at.toISOString(),
    data: { source, ...Object.fromEntries(event.ids.map(({ name, value }) => [name, value])), jurisdictions: event.jurisdictions },
  });
}

export class WebhookDelivery implements BackgroundJob {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly context: JobContext<PartnerModels>,
    private readonly pollMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.pollMs).unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** One round: follow the outboxes, then deliver what is due. Never fails (logged). */
  tick(): Promise<void> {
    if (this.running || this.stopped) return this.running ?? Promise.resolve();
    this.running = (async () => {
      for (const source of this.context.subgraphs) {
        if (this.stopped) return;
        await this.follow(source).catch((error) => this.context.logger.warn({ source, error: errorFields(error) }, 'webhooks: an outbox could not be read; trying again at the next poll'));
      }
      if (!this.stopped) await this.deliverDue().catch((error) => this.context.logger.error({ error: errorFields(error) }, 'webhooks: delivery round failed'));
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async position(source: string): Promise<number> {
    return (await this.context.models.Cursor.findById(source).lean())?.position ?? 0;
  }

  private async follow(source: string): Promise<void> {
    const url = this.context.peerUrl(source);
    if (!url) return;
    const { models, tokens, service, clock } = this.context;
    // A quiet outbox costs one read and writes nothing (not even a lock).
    if ((await readOutbox(url, await tokens.sign(service, 'outbox-feed'), await this.position(source), 1)).events.length === 0) return;
    await listsOf(this.context.connection).exclusive(`webhooks/outbox/${source}`, async () => {
      for (;;) {
        const after = await this.position(source);
        const page = await readOutbox(url, await tokens.sign(service, 'outbox-feed'), after, BATCH);
        for (const event of page.events) {
          if (!event.void) await this.fanOut(source, event);
          await models.Cursor.updateOne({ _id: source }, { $set: { position: event.position, at: clock.now() } }, { upsert: true });
        }
        if (page.events.length < BATCH) return;
      }
    });
  }

  /** One delivery per live, matching subscription. */
  private async fanOut(source: string, event: OutboxEvent): Promise<void> {
    const { models, clock } = this.context;
    const lists = [...event.jurisdictions.map((j) => byJurisdiction(event.type, j)), ...event.organisations.map((o) => byOrganisation(event.type, o))];
    const loader = models.subscriptions.loaderBy('audience');
    const found = new Map<string, SubscriptionRecord>();
    for (const list of await loader.loadMany(lists)) if (!(list instanceof Error)) for (const s of list) found.set(s.id, s);
    const eventId = `${source}:${event.position}`;
    const body = deliveryBody(source, event);
    for (const subscription of found.values()) {
      if (subscription.deletedAt) continue;
      try {
        await models.deliveries.create({
          _id: `${subscription._id}:${eventId}`,
          subscriptionId: subscription._id,
          eventId,
          eventType: event.type,
          body,
          status: DeliveryState.PENDING,
          attempts: 0,
          createdAt: clock.now(),
          nextAttemptAt: clock.now(),
          lastAttemptAt: null,
          lastStatus: null,
          lastError: null,
          deliveredAt: null,
        });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error; // made already, before a restart
      }
    }
  }

  private async deliverDue(): Promise<void> {
    const { models, clock } = this.context;
    const pending = await models.deliveries.loaderBy('pending').load('all');
    const now = clock.now();
    const due = pending.filter((d) => d.nextAttemptAt.getTime() <= now.getTime());
    if (due.length === 0) return;
    const subscriptions = new Map<string, SubscriptionRecord>();
    for (const id of new Set(due.map((d) => d.subscriptionId))) {
      const s = await models.Subscription.findById(id).lean();
      if (s) subscriptions.set(id, s as SubscriptionRecord);
    }
    for (const delivery of due) {
      if (this.stopped) return;
      const subscription = subscriptions.get(delivery.subscriptionId);
      if (!subscription || subscription.deletedAt) {
        await models.deliveries.update(delivery.id, { status: DeliveryState.DELIVERED, lastError: 'the subscription was deleted; not sent' });
        continue;
      }
      if (!subscription.enabled) continue; // waits for its owner to enable it again
      await this.attempt(delivery, subscription);
      subscriptions.set(subscription._id, (await models.Subscription.findById(subscription._id).lean()) as SubscriptionRecord);
    }
  }

  private async attempt(delivery: DeliveryRecord & { id: string }, subscription: SubscriptionRecord): Promise<void> {
    const { models, clock } = this.context;
    const { settings } = models;
    // Claimed under the record's lock: another instance that sees it due now finds it moved on.
    const claimed = await models.deliveries.update(delivery.id, (d) => (d.status === DeliveryState.PENDING && d.nextAttemptAt.getTime() <= clock.now().getTime() ? { nextAttemptAt: new Date(clock.now().getTime() + settings.timeoutMs + FIRST_RETRY_MS) } : null));
    if (!claimed || claimed.nextAttemptAt.getTime() === delivery.nextAttemptAt.getTime()) return;
    const outcome = await send(subscription, delivery, settings.box.open(subscription.sealedSecret), settings);
    const at = clock.now();
    const attempts = delivery.attempts + 1;
    if (outcome.ok) {
      await models.deliveries.update(delivery.id, { status: DeliveryState.DELIVERED, attempts, lastAttemptAt: at, lastStatus: outcome.status, lastError: null, deliveredAt: at });
      if (subscription.consecutiveFailures > 0) await models.subscriptions.update(subscription._id, { consecutiveFailures: 0 });
      return;
    }
    await models.deliveries.update(delivery.id, { attempts, lastAttemptAt: at, lastStatus: outcome.status, lastError: outcome.error, nextAttemptAt: new Date(at.getTime() + retryDelay(attempts)) });
    await models.subscriptions.update(subscription._id, (s) => {
      const failures = s.consecutiveFailures + 1;
      return failures >= settings.maxFailures ? { consecutiveFailures: failures, enabled: false, disabledAt: s.disabledAt ?? at } : { consecutiveFailures: failures };
    });
  }
}

/** One POST, signed; never to an address the policy refuses (checked again: a name may resolve elsewhere now). */
async function send(subscription: SubscriptionRecord, delivery: DeliveryRecord, secret: string, settings: PartnerModels['settings']): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const url = new URL(subscription.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : await lookup(host, { all: true }).then((a) => a.map((x) => x.address), () => []);
  if (addresses.length === 0) return { ok: false, status: null, error: `${host} does not resolve` };
  const refused = addresses.map((a) => addressRefusal(a, settings.urls)).find(Boolean);
  if (refused) return { ok: false, status: null, error: `not sent: ${refused}` };
  // The signature's timestamp is the wall clock's: receivers compare it with theirs to refuse replays.
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'justice-hub-webhooks/1',
        'webhook-id': delivery.eventId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signature(secret, delivery.eventId, timestamp, delivery.body),
      },
      body: delivery.body,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.status >= 200 && res.status < 300 ? { ok: true, status: res.status, error: null } : { ok: false, status: res.status, error: `answered HTTP ${res.status}` };
  } catch (error) {
    return { ok: false, status: null, error: (error as Error).name === 'TimeoutError' ? `no answer within ${settings.timeoutMs} ms` : 'could not connect' };
  }
}
