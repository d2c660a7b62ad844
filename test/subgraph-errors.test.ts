import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startGateway, type RunningGateway } from '../gateway/server';
import { SCHEMA_DIR } from '../platform/paths';
import { loadOrCreateIssuer, type Issuer } from '../scripts/development/dev-issuer';

// What a subgraph answers with an HTTP error status reaches the caller as that subgraph's
// own GraphQL error when it is one (Apollo answers a document it refuses at parsing,
// validation or its limits with 400); as SERVICE_UNAVAILABLE naming it when it is 502, 503
// or 504 (a proxy in front of a restarting service, a service saying it is unavailable);
// and as a bare internal error otherwise. The gateway made every such answer
// INTERNAL_SERVER_ERROR "400: ". A stand-in for the shelters
// subgraph answers each request as the test sets it, over real HTTP.

let gateway: RunningGateway;
let stand: Server;
let keys: string;
let issuer: Issuer;
let answer: { status: number; type: string; body: string } = { status: 200, type: 'application/json', body: '{}' };

beforeAll(async () => {
  keys = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-subgraph-errors-'));
  issuer = await loadOrCreateIssuer(path.join(keys, 'north'), 'https://idp.north.example', 'justice-hub', { jurisdictions: ['DE'] });
  stand = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body));
  });
  await new Promise<void>((resolve) => stand.listen(0, '127.0.0.1', resolve));
  gateway = await startGateway({
    port: 0,
    supergraphSdl: readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'),
    issuers: [issuer.trusted],
    subgraphUrls: { shelters: `http://127.0.0.1:${(stand.address() as AddressInfo).port}/graphql` },
    ratePerMinute: 100_000,
    logLevel: 'silent',
  });
});
afterAll(async () => {
  await gateway.stop();
  await new Promise((resolve) => stand.close(resolve));
  rmSync(keys, { recursive: true, force: true });
});

async function shelters(): Promise<{ status: number; body: any }> {
  const res = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await issuer.sign({ role: 'shelter_staff', jurisdiction: 'DE' })}`, 'x-purpose': 'SHELTER_PLACEMENT' },
    body: JSON.stringify({ query: '{ shelters(first: 5) { totalCount } }' }),
  });
  return { status: res.status, body: await res.json() };
}

test.each([
  ['BAD_USER_INPUT', 400, { message: 'first: must be between 1 and 100', extensions: { code: 'BAD_USER_INPUT', field: 'first' } }],
  ['COST_LIMIT_EXCEEDED', 400, { message: 'Query cost 50000 is over the cost limit of 40000 for an authenticated caller', extensions: { code: 'COST_LIMIT_EXCEEDED', cost: 50000, limit: 40000 } }],
  ['GRAPHQL_VALIDATION_FAILED', 400, { message: 'Query depth limit of 20 exceeded', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
  ['GRAPHQL_PARSE_FAILED', 400, { message: 'Syntax Error: Document contains more than 6000 tokens.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }],
  ['UNAUTHENTICATED', 401, { message: 'Token rejected (ERR_JWS_SIGNATURE_VERIFICATION_FAILED)', extensions: { code: 'UNAUTHENTICATED' } }],
])("a subgraph's %s answered with HTTP %s reaches the caller as that error", async (_code, status, error) => {
  answer = { status, type: 'application/json; charset=utf-8', body: JSON.stringify({ errors: [error] }) };
  const res = await shelters();
  expect(res.status).toBe(200);
  expect(res.body.data).toBeNull();
  expect(res.body.errors).toEqual([{ ...error, extensions: { ...error.extensions, serviceName: 'shelters' } }]);
});

test.each([
  ['a 400 that is not JSON', 400, 'text/html', '<html>Bad Request</html>'],
  ['a 400 without errors', 400, 'application/json', '{"data":null}'],
  ['a 500 with a GraphQL error', 500, 'application/json', JSON.stringify({ errors: [{ message: 'database down at 10.0.0.7', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })],
])('%s stays a bare internal error, naming nothing of the subgraph', async (_what, status, type, body) => {
  answer = { status, type, body };
  const res = await shelters();
  expect(res.body.data).toBeNull();
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
  expect(JSON.stringify(res.body)).not.toMatch(/10\.0\.0\.7|database|html|Bad Gateway|127\.0\.0\.1|graphql/i);
});

test.each([
  ['a 502 from a proxy', 502, 'text/plain', 'Bad Gateway from 10.0.0.7'],
  ['a 503 from a service that is stopping', 503, 'application/json', JSON.stringify({ errors: [{ message: 'database down at 10.0.0.7' }] })],
  ['a 504 from a proxy', 504, 'text/html', '<html>Gateway Timeout</html>'],
])('%s is one SERVICE_UNAVAILABLE naming the service, nothing of its answer', async (_what, status, type, body) => {
  answer = { status, type, body };
  const res = await shelters();
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    data: null,
    errors: [{ message: 'The shelters service is unavailable: its fields are null in this answer; ask again later', extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'shelters' } }],
  });
});
