import { LIMITS } from '../platform/limits';
import { startHub, type TestHub } from './support/hub';

// Request limits at the gateway, and the HTTP edges around GraphQL: body size, malformed
// bodies, batching, health and readiness. Every refusal is JSON without a stack trace.

interface RawResponse {
  status: number;
  contentType: string | null;
  text: string;
  json: any;
}

async function send(url: string, init: RequestInit = {}): Promise<RawResponse> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // stays null: the test says whether JSON was expected
  }
  return { status: res.status, contentType: res.headers.get('content-type'), text, json };
}

const post = (token: string, body: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body,
});

function expectRefused(res: RawResponse, status: number, message: RegExp) {
  expect(res.status).toBe(status);
  expect(res.contentType).toMatch(/^application\/json/);
  expect(res.json.data ?? null).toBeNull();
  expect(res.json.errors[0].message).toMatch(message);
  expect(res.text).not.toContain('    at ');
}

/** `{ victims { edges { node { … on Victim { … id } } } } }` whose depth is exactly `depth`. */
function victimsQueryOfDepth(depth: number): string {
  const fragments = depth - 4; // victims, edges, node … id
  return `{ victims { edges { node { ${'... on Victim { '.repeat(fragments)}id${' }'.repeat(fragments)} } } } }`;
}

const aliasedIndicatorQuery = (aliases: number) =>
  `{ ${Array.from({ length: aliases }, (_, i) => `catalogue${i}: iloIndicators { code }`).join(' ')} }`;

describe('gateway request limits', () => {
  let hub: TestHub;
  let judge: string;
  const ask = (query: string) => send(hub.gateway.url, post(judge, JSON.stringify({ query })));

  beforeAll(async () => {
    hub = await startHub();
    judge = await hub.token('judge', 'DE');
  });
  afterAll(() => hub.stop());

  it('answers the deepest real path of the schema', async () => {
    const res = await ask(`{ victims { edges { node { screening { dimensions { dimension } } } } } }`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ data: { victims: { edges: [] } } });
  });

  it(`answers a query exactly ${LIMITS.maxDepth} deep and refuses one deeper`, async () => {
    const atLimit = await ask(victimsQueryOfDepth(LIMITS.maxDepth));
    expect(atLimit.json).toEqual({ data: { victims: { edges: [] } } });
    expectRefused(await ask(victimsQueryOfDepth(LIMITS.maxDepth + 1)), 400, /depth limit/i);
  });

  it(`answers ${LIMITS.maxAliases} aliases and refuses more`, async () => {
    const atLimit = await ask(aliasedIndicatorQuery(LIMITS.maxAliases));
    expect(atLimit.status).toBe(200);
    expect(Object.keys(atLimit.json.data)).toHaveLength(LIMITS.maxAliases);
    expectRefused(await ask(aliasedIndicatorQuery(LIMITS.maxAliases + 1)), 400, /aliases limit/i);
  });

  it(`answers an overseer's page of full audit events and refuses a query costing more than ${LIMITS.maxCost}`, async () => {
    const auditor = await hub.token('auditor', 'DE');
    const page = (alias: string) => `${alias}: auditChain(service: "victims") { links(first: 100) { edges { node { sequence prevHash hash event {
      sequence at actor role jurisdiction org issuer purpose action subjectType subjectId fields deniedFields decision prevHash hash } } } } }`;
    const one = await send(hub.gateway.url, post(auditor, JSON.stringify({ query: `{ ${page('a')} }` })));
    expect(one.status).toBe(200);
    expect(one.json.errors).toBeUndefined();
    expectRefused(await send(hub.gateway.url, post(auditor, JSON.stringify({ query: `{ ${page('a')} ${page('b')} ${page('c')} }` }))), 400, /cost limit/i);
  });

  it('applies the limits again, at twice the size, at a subgraph reached directly', async () => {
    const direct = (query: string) => send(hub.subgraphs.victims.url, post(judge, JSON.stringify({ query })));
    expect((await direct(victimsQueryOfDepth(LIMITS.maxDepth + 1))).json).toEqual({ data: { victims: { edges: [] } } });
    expectRefused(await direct(victimsQueryOfDepth(2 * LIMITS.maxDepth + 1)), 400, /(depth|cost) limit/i);
    expectRefused(await direct(aliasedIndicatorQuery(2 * LIMITS.maxAliases + 1)), 400, /aliases limit/i);
    expectRefused(await direct(`{ ${'__typename '.repeat(2 * LIMITS.maxTokens)} }`), 400, /tokens/);
  });

  it(`refuses a document of more than ${LIMITS.maxTokens} tokens with 400, not 500`, async () => {
    expectRefused(await ask(`{ ${'__typename '.repeat(LIMITS.maxTokens)} }`), 400, new RegExp(`${LIMITS.maxTokens} tokens`));
  });

  it('refuses a document that is not GraphQL with 400, not 500', async () => {
    expectRefused(await ask('{ victims { edges '), 400, /Syntax Error/);
  });

  it('refuses a body over 100kb with 413, at the gateway and at the subgraph', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(110_000) } });
    for (const url of [hub.gateway.url, hub.subgraphs.victims.url]) {
      const res = await send(url, post(judge, body));
      expectRefused(res, 413, /larger than 100kb/);
      expect(res.json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await send(hub.gateway.url, post(judge, '{"query": "{ __typename }"'));
    expectRefused(res, 400, /not valid JSON/);
    expect(res.json.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses batched requests (a JSON array of operations)', async () => {
    const batch = JSON.stringify([{ query: '{ iloIndicators { code } }' }, { query: '{ iloIndicators { code } }' }]);
    const res = await send(hub.gateway.url, post(judge, batch));
    expectRefused(res, 400, /batching disabled/i);
    expect(res.text).not.toContain('iloIndicators');
  });

  it("serves no Apollo landing page (it loads from a CDN): a subgraph none, the gateway only the hub's own explorer", async () => {
    const browserLike: Array<Record<string, string>> = [
      { accept: 'text/html' },
      { accept: 'text/html', 'apollo-require-preflight': 'true' },
      { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'apollo-require-preflight': 'true' },
    ];
    for (const headers of browserLike) {
      const subgraph = await send(hub.subgraphs.victims.url, { headers });
      expect(subgraph.status).toBeGreaterThanOrEqual(400);
      expect(subgraph.status).toBeLessThan(500);
      expect(subgraph.contentType).not.toMatch(/html/);
      expect(subgraph.text).not.toMatch(/<html|<!doctype|<script/i);
      // The gateway's page (gateway/explorer.ts) loads only its own scripts, never a CDN's.
      const gateway = await send(hub.gateway.url, { headers });
      expect(gateway.status).toBe(200);
      for (const [, src] of gateway.text.matchAll(/<script src="([^"]+)"/g)) expect(src).toMatch(/^\/explorer\//);
      expect(gateway.text).not.toMatch(/cdn|unpkg|jsdelivr|apollographql\.com/i);
    }
  });

  it('GET /health and GET /ready answer 200 on the gateway and on the subgraph', async () => {
    for (const url of [hub.gateway.url, hub.subgraphs.victims.url]) {
      expect((await send(new URL('/health', url).href)).status).toBe(200);
      const ready = await send(new URL('/ready', url).href);
      expect(ready.status).toBe(200);
      expect(ready.json).toEqual({ status: 'ready', problems: [] });
    }
  });
});

describe('gateway readiness while a subgraph is down', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub.stop());

  it('GET /ready is 503 naming the stopped subgraph, while /health stays 200 and queries answer a bare internal error', async () => {
    const readyUrl = new URL('/ready', hub.gateway.url).href;
    expect((await send(readyUrl)).status).toBe(200);

    await hub.subgraphs.victims.stop();
    // A fresh instance on the same database stands in for the stopped one, so that the
    // hub's teardown can still drop it; the gateway keeps calling the stopped address.
    hub.subgraphs.victims = await hub.startReplica('victims');

    const ready = await send(readyUrl);
    expect(ready.status).toBe(503);
    expect(ready.json).toEqual({ status: 'not ready', problems: ['subgraph victims unreachable'] });
    expect((await send(new URL('/health', hub.gateway.url).href)).status).toBe(200);

    // Asked meanwhile: an internal error that names neither the address nor the failure.
    const asked = await hub.queryAs('social_worker', 'DE', `{ victims(first: 1) { edges { node { id } } } }`);
    expect(asked.body).toEqual({ data: null, errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });
});
