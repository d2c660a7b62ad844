import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getIntrospectionQuery, parse } from 'graphql';
import { EXAMPLES } from '../gateway/explorer';
import { costOf, LIMITS } from '../platform/limits';
import { SCHEMA_DIR } from '../platform/paths';
import { apiSchemaOf } from '../scripts/operations/trust';
import { newId } from '../subgraphs/common/validate';
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

  it(`answers an overseer's page of full audit events, and refuses a query that could answer more than ${LIMITS.maxCost} values`, async () => {
    const auditor = await hub.token('auditor', 'DE');
    const event = 'sequence at actor role jurisdiction org issuer purpose action subjectType subjectId fields deniedFields decision bases prevHash hash';
    const page = await send(hub.gateway.url, post(auditor, JSON.stringify({ query: `{ auditChain(service: "victims") { links(first: 100) { edges { node { sequence prevHash hash event { ${event} } } } } } }` })));
    expect(page.status).toBe(200);
    expect(page.json.errors).toBeUndefined();
    // The same page of every chain at once: each list multiplies what is under it.
    const every = await send(hub.gateway.url, post(auditor, JSON.stringify({ query: `{ auditChains { links(first: 100) { edges { node { event { ${event} } } } } } }` })));
    expectRefused(every, 400, new RegExp(`Query cost \\d+ is over the cost limit of ${LIMITS.maxCost} for an authenticated caller`));
    expect(every.json.errors[0].extensions).toEqual({ code: 'COST_LIMIT_EXCEEDED', cost: expect.any(Number), limit: LIMITS.maxCost });
  });

  // Cost counts lists: a short query with nested lists can ask for more than any page.
  const CITATIONS = `{ precedents(first: 100) { edges { node { ecli cites { ecli citedBy { ecli summary } } } } } }`;
  // 1 + n × (edges 1 + 1 × (1 + node 1 + ecli 1 + cites 1 + 50 × (1 + ecli court decidedOn 3 + legalIssues 1 + 9))),
  // the legal issues a list of an enum of 9: 1 + 705 n, 70,501 for a page of 100, 42,301 for 60.
  const cited = (n: number) => `{ precedents(first: ${n}) { edges { node { ecli cites { ecli court decidedOn legalIssues } } } } }`;
  const anonymous = (url: string, query: string) => send(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

  it('refuses a short anonymous query that could answer megabytes, naming its cost and the anonymous limit', async () => {
    const res = await anonymous(hub.gateway.url, CITATIONS);
    expectRefused(res, 400, new RegExp(`^Query cost \\d+ is over the cost limit of ${LIMITS.maxAnonymousCost} without a token`));
    expect(res.json.errors[0].extensions).toEqual({ code: 'COST_LIMIT_EXCEEDED', cost: expect.any(Number), limit: LIMITS.maxAnonymousCost });
    // Every precedent of the page, each citation, each decision citing that one: 100 × 50 × 100 values at least.
    expect(res.json.errors[0].extensions.cost).toBeGreaterThan(100 * 50 * 100);
  });

  it('gives a caller with a verified token a larger budget than one without, at the gateway and at a subgraph reached directly', async () => {
    expect((await anonymous(hub.gateway.url, cited(60))).json.errors).toBeUndefined();
    expectRefused(await anonymous(hub.gateway.url, cited(100)), 400, new RegExp(`Query cost 70501 is over the cost limit of ${LIMITS.maxAnonymousCost} without a token`));
    const asJudge = await ask(cited(100));
    expect(asJudge.status).toBe(200);
    expect(asJudge.json.errors).toBeUndefined();
    // A subgraph counts the same, against twice the budgets.
    const proceedings = hub.subgraphs.proceedings.url;
    expect((await anonymous(proceedings, cited(100))).json.errors).toBeUndefined();
    expectRefused(await anonymous(proceedings, CITATIONS), 400, new RegExp(`cost limit of ${2 * LIMITS.maxAnonymousCost} without a token`));
    expectRefused(await send(proceedings, post(judge, JSON.stringify({ query: CITATIONS }))), 400, new RegExp(`cost limit of ${2 * LIMITS.maxCost} for an authenticated caller`));
  });

  it("counts a subgraph's _entities by the representations it is sent: a plan's batch passes, the same asked of many more does not", async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Precedent { ecli cites { ecli citedBy { ecli } } } } }`;
    const representations = (n: number) => Array.from({ length: n }, () => ({ __typename: 'Precedent', id: newId() }));
    const direct = (n: number) => send(hub.subgraphs.proceedings.url, post(judge, JSON.stringify({ query, variables: { r: representations(n) } })));
    const one = await direct(1);
    expect(one.status).toBe(200);
    expect(one.json).toEqual({ data: { _entities: [null] } });
    // About 10,150 each (its citations, and the decisions citing each of them): 50 are over twice the gateway's budget.
    const many = await direct(50);
    expectRefused(many, 400, new RegExp(`over the cost limit of ${2 * LIMITS.maxCost}`));
    expect(many.json.errors[0].extensions.cost).toBeGreaterThan(50 * 50 * 100);
  });

  it('answers the explorer and the trusted documents within their callers\' budgets (costs measured in-process)', () => {
    // Sent by the explorer page, the demo partner's registered operations and scripts/development/bench.ts (copied: bench runs when imported).
    const schema = apiSchemaOf(readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'));
    const manifest = JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'trusted-documents', 'demo-partner.json'), 'utf8')) as { operations: Array<{ name: string; body: string }> };
    const clients: Array<[string, string, boolean]> = [
      ...EXAMPLES.map((e): [string, string, boolean] => [e.title, e.query, e.role === 'anyone']),
      ...manifest.operations.map((op): [string, string, boolean] => [`demo-partner ${op.name}`, op.body, false]),
      ['bench victim page', `query($after: String) { victims(first: 20, after: $after) { edges { node { id caseReference legalName contactPhone vulnerabilities } } pageInfo { hasNextPage endCursor } } }`, false],
      ['bench precedent search', `query($search: String) { precedents(search: $search, first: 20) { totalCount edges { score node { ecli court decidedOn } highlights { snippet } } } }`, true],
      ['bench precedent list', `{ precedents(jurisdiction: "DE", legalIssues: [COMPENSATION], first: 20) { totalCount edges { node { ecli decidedOn summary } } } }`, true],
      ['bench precedent by ECLI', `query($ecli: String!) { precedent(ecli: $ecli) { ecli summary cites { ecli } citedBy { ecli } } }`, true],
      ['bench change feed', `query($since: String) { precedentChanges(since: $since, first: 100) { cursor hasMore changes { ecli kind } } }`, true],
    ];
    // Any value of a variable the operation declares without a default (they change no list size here).
    const variables = { id: newId(), code: 'WB-2026-0000-0000', ecli: 'ECLI:DE:BGH:2023:1', search: 'forced labour' };
    const over = clients
      .map(([name, query, anonymousCaller]) => ({ name, cost: costOf(schema, parse(query), variables).cost, limit: anonymousCaller ? LIMITS.maxAnonymousCost : LIMITS.maxCost }))
      .filter((c) => c.cost > c.limit);
    expect(over).toEqual([]);
  });

  it('answers the full introspection anonymously (the explorer loads the schema so), and refuses more introspection than that', async () => {
    const introspection = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    const full = await anonymous(hub.gateway.url, introspection);
    expect(full.status).toBe(200);
    expect(full.json.errors).toBeUndefined();
    expect(full.json.data.__schema.types.length).toBeGreaterThan(100);
    // graphql-js refuses nesting (MaxIntrospectionDepthRule); aliases are counted here.
    const twice = introspection.replace('query IntrospectionQuery {', 'query IntrospectionQuery { again: __schema { types { ...FullType } }');
    expectRefused(await anonymous(hub.gateway.url, twice), 400, /^Introspection cost \d+ is over the cost limit of \d+ \(the full introspection of this schema\)/);
  });

  it('refuses a fragment spread into more parts than it counts, and a missing variable, with 400 and never 500', async () => {
    // Within the depth limit: three levels of fragments, each spreading the one below 30 times (30³ parts).
    const fragments = Array.from({ length: 4 }, (_, i) => (i === 0 ? 'fragment F0 on Query { __typename }' : `fragment F${i} on Query { ${`...F${i - 1} `.repeat(30)}}`));
    const bomb = await anonymous(hub.gateway.url, `{ ...F3 } ${fragments.join(' ')}`);
    expectRefused(bomb, 400, /^Query has too many parts to count its cost/);
    expect(bomb.json.errors[0].extensions.code).toBe('COST_LIMIT_EXCEEDED');
    const unset = await anonymous(hub.gateway.url, `query($n: Int!) { precedents(first: $n) { totalCount } }`);
    expectRefused(unset, 400, /\$n/);
    expect(unset.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  // A wrong page size is the caller's mistake on every audit field, whichever subgraph owns
  // it: BAD_USER_INPUT naming `first` and the limit. (A subgraph's refusal of its part of a
  // plan came back as INTERNAL_SERVER_ERROR "400: ".)
  const EVENT = 'sequence at actor role jurisdiction org issuer purpose action subjectType subjectId fields deniedFields decision bases prevHash hash';
  const AUDIT_PAGES: Array<[string, (first: number) => string]> = [
    ...['Victim', 'Proceeding', 'Shelter', 'LegalAidAssignment', 'Practitioner'].map((type): [string, (first: number) => string] => [
      `auditTrail(${type}).events`,
      (first) => `{ auditTrail(subjectType: "${type}", subjectId: "${newId()}") { events(first: ${first}) { totalCount edges { cursor node { ${EVENT} } } pageInfo { hasNextPage endCursor } } } }`,
    ]),
    ...['victims', 'proceedings', 'shelters', 'legal-aid', 'training'].flatMap((service): Array<[string, (first: number) => string]> => [
      [`auditChain(${service}).links`, (first) => `{ auditChain(service: "${service}") { links(first: ${first}) { totalCount edges { node { sequence prevHash hash event { ${EVENT} } } } } } }`],
      [`auditChain(${service}).auditCheckpoints`, (first) => `{ auditChain(service: "${service}") { auditCheckpoints(first: ${first}) { service sequence hash at kid signature } } }`],
    ]),
  ];
  const asAuditor = async (query: string) => send(hub.gateway.url, post(await hub.token('auditor', 'DE'), JSON.stringify({ query })));

  test.each(AUDIT_PAGES.flatMap(([field, query]) => [0, -1, 101, 1000, 1_000_000_000].map((first) => [field, first, query] as const)))(
    '%s(first: %s) is BAD_USER_INPUT naming first and its limit',
    async (_field, first, query) => {
      const res = await asAuditor(query(first));
      expect(res.status).toBe(200);
      expect(res.json.errors).toHaveLength(1);
      expect(res.json.errors[0]).toMatchObject({ message: 'first: must be between 1 and 100', extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    },
  );

  test.each(AUDIT_PAGES)('%s(first: 100) with every field answers from its owner', async (_field, query) => {
    const res = await asAuditor(query(100));
    expect(res.status).toBe(200);
    // An unknown subject is outside the auditor's oversight, as an invisible one: FORBIDDEN from the owner, nothing else.
    expect((res.json.errors ?? []).map((e: any) => e.extensions.code).filter((code: string) => code !== 'FORBIDDEN')).toEqual([]);
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

  it('GET /ready is 503 naming the stopped subgraph, while /health stays 200 and queries answer SERVICE_UNAVAILABLE naming it', async () => {
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

    // Asked meanwhile: the service named, never its address or the transport's failure (gateway/unavailable.ts).
    const asked = await hub.queryAs('social_worker', 'DE', `{ victims(first: 1) { edges { node { id } } } }`);
    expect(asked.body).toEqual({
      data: null,
      errors: [{ message: 'The victims service is unavailable: its fields are null in this answer; ask again later', extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'victims' } }],
    });
  });
});
