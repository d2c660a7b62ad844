import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { hubFromEnv, request, run, type Hub } from '../client';
import { PrecedentDocument, SubscribeDocument, UnsubscribeDocument } from './generated';

// A partner system that is told instead of polling (HUB_TOKEN: a partner_system token of
// its jurisdiction and organisation). It runs its own receiver (RECEIVER_HOST, default
// 127.0.0.1; RECEIVER_PORT, default any free one; the hub delivers http only to loopback in
// development, https elsewhere), subscribes it to EVENTS (default precedent.published),
// verifies each delivery's signature with the Standard Webhooks library and the secret it
// was shown once, and asks the hub with its own token for what the event points to (an
// event carries ids, never personal data). After MAX_EVENTS events (default 1) or
// WAIT_SECONDS (default 120) it deletes its subscription and stops.
// Its requests state the purpose CASE_MANAGEMENT (HUB_PURPOSE to change it).
// stdout: one JSON line when subscribed, one per event received.

interface Delivery {
  type: string;
  timestamp: string;
  data: Record<string, unknown> & { source: string; jurisdictions: string[] };
}

const env = process.env;

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

/** What an event points to, fetched with the partner's own token (the answer is what its role may see). */
async function details(hub: Hub, event: Delivery): Promise<unknown> {
  if (event.type === 'precedent.published') return (await request(hub, PrecedentDocument, { ecli: String(event.data.ecli) })).precedent;
  return null; // other event types: the ids in event.data are where a partner's own lookups start
}

run(async () => {
  const hub = { ...hubFromEnv(), purpose: env.HUB_PURPOSE || 'CASE_MANAGEMENT' }; // a subscription is read and written for a stated purpose (access.ts)
  const events = (env.EVENTS ?? 'precedent.published').split(',').map((e) => e.trim()).filter(Boolean);
  const wanted = Number(env.MAX_EVENTS ?? 1);
  const seen = new Set<string>();
  let verifier: Webhook | undefined;
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    let event: Delivery;
    try {
      if (!verifier) throw new Error('not subscribed yet');
      event = verifier.verify(body, req.headers as Record<string, string>) as Delivery;
    } catch (error) {
      console.error(`referral-partner: refused a delivery: ${(error as Error).message}`);
      res.writeHead(401).end();
      return;
    }
    res.writeHead(204).end(); // answer at once; the hub retries what is not answered 2xx
    const id = String(req.headers['webhook-id']);
    if (seen.has(id)) return; // at least once: a retried delivery has the same webhook-id
    seen.add(id);
    try {
      console.log(JSON.stringify({ webhookId: id, type: event.type, verified: true, data: event.data, details: await details(hub, event) }));
    } catch (error) {
      console.error(`referral-partner: ${event.type} ${id}: ${(error as Error).message}`);
    }
    if (seen.size >= wanted) done();
  });
  await new Promise<void>((resolve) => server.listen(Number(env.RECEIVER_PORT ?? 0), env.RECEIVER_HOST ?? '127.0.0.1', resolve));
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}/webhooks`;

  const { createWebhookSubscription: created } = await request(hub, SubscribeDocument, { input: { url, events, description: 'referral-partner example' } });
  verifier = new Webhook(created.secret);
  console.log(JSON.stringify({ subscribed: created.subscription.id, url, events: created.subscription.events }));

  const timer = setTimeout(done, Number(env.WAIT_SECONDS ?? 120) * 1000);
  await finished;
  clearTimeout(timer);
  await request(hub, UnsubscribeDocument, { id: created.subscription.id });
  server.close();
  if (seen.size < wanted) throw new Error(`referral-partner: ${seen.size} of ${wanted} event(s) received in time`);
});
