import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGateway, type RunningGateway } from '../gateway/server';
import { documentId, NOT_REGISTERED_MESSAGE, onUntrusted, untrustedOperationCount, type UntrustedOperation } from '../gateway/trusted-documents';
import { ROOT, SCHEMA_DIR } from '../platform/paths';
import { newId } from '../subgraphs/common/validate';
import { startHub, type TestHub } from './support/hub';

// Trusted documents: partner systems register their operations (`npm run trust`), and the
// gateway runs only those (enforce), or runs everything and counts the rest (audit).

const DEMO_GRAPHQL = path.join(SCHEMA_DIR, 'trusted-documents', 'demo-partner.graphql');
const DEMO_MANIFEST = path.join(SCHEMA_DIR, 'trusted-documents', 'demo-partner.json');
const demo = () => JSON.parse(readFileSync(DEMO_MANIFEST, 'utf8')) as { operations: Array<{ id: string; name: string; type: string; body: string }> };
const registered = (name: string) => demo().operations.find((op) => op.name === name)!;

const UNREGISTERED = `query Unregistered { iloIndicators { code } }`;

/** `node dist/scripts/operations/trust.js …` (built by `npm test`'s pretest), asynchronously: the hub runs in this process. */
function runTrust(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'operations', 'trust.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

async function post(url: string, payload: Record<string, unknown>, token?: string): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}`} : {}) },
    body: JSON.stringify(payload),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

async function get(url: string, params: Record<string, string>): Promise<Answer> {
  const res = await fetch(`${url}?${new URLSearchParams(params)}`, { headers: { 'apollo-require-preflight': 'true' } });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const byHash = (hash: string, extra: Record<string, unknown> = {}) => ({ ...extra, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
const codes = (answer: Answer) => (answer.body.errors ?? []).map((e) => e.extensions?.code);

let hub: TestHub;
let tmp: string;
const gateways: RunningGateway[] = [];

async function gatewayWith(mode: 'off' | 'audit' | 'enforce', dir?: string): Promise<RunningGateway> {
  const gateway = await startGateway({
    port: 0,
    supergraphSdl: readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'),
    issuers: [hub.issuer.trusted, hub.secondIssuer.trusted],
    subgraphUrls: Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.url])),
    ratePerMinute: 100_000,
    trustedDocuments: { mode, dir },
  });
  gateways.push(gateway);
  return gateway;
}

beforeAll(async () => {
  hub = await startHub();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'justice-hub-trust-'));
});
afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  await hub.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('npm run trust', () => {
  it('writes a persisted query manifest of every operation, each valid and hashed; the committed demo manifest is up to date', async () => {
    const out = path.join(tmp, 'manifests');
    const run = await runTrust(['demo-partner', DEMO_GRAPHQL, '--out-dir', out]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/4 operation\(s\) for demo-partner/);
    const written = readFileSync(path.join(out, 'demo-partner.json'), 'utf8');
    expect(written).toBe(readFileSync(DEMO_MANIFEST, 'utf8')); // else: run the command of demo-partner.graphql and commit
    const manifest = JSON.parse(written);
    expect(manifest).toMatchObject({ format: 'apollo-persisted-query-manifest', version: 1 });
    expect(manifest.operations.map((op: any) => [op.name, op.type])).toEqual([
      ['IloIndicatorCatalogue', 'query'],
      ['VictimCase', 'query'],
      ['ProceedingsPage', 'query'],
      ['VerifyCertificate', 'query'],
    ]);
    for (const op of manifest.operations) expect(op.id).toBe(documentId(op.body));
    // The fragments an operation uses travel with it, and only those.
    expect(registered('IloIndicatorCatalogue').body).toMatch(/fragment IndicatorFields on IloIndicator/);
    expect(registered('IloIndicatorCatalogue').body).not.toMatch(/fragment Paging/);
    expect(registered('ProceedingsPage').body).toMatch(/fragment Paging on PageInfo/);
  });

  it('refuses an invalid operation with exit 1, naming it and the error, and writes nothing', async () => {
    const out = path.join(tmp, 'refused');
    const file = path.join(tmp, 'bad.graphql');
    writeFileSync(
      file,
      `query Fine { iloIndicators { code } }
       query Misspelt { iloIndicators { kode } }
       query Hidden { victimSharing(victimIds: ["x"]) { victimId } }`,
    );
    const run = await runTrust(['bad-partner', file, '--out-dir', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/operation Misspelt: Cannot query field "kode" on type "IloIndicator"/);
    expect(run.stderr).toMatch(/operation Hidden: Cannot query field "victimSharing" on type "Query"/); // @inaccessible: not in the API schema
    expect(run.stderr).not.toMatch(/operation Fine/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('refuses an anonymous operation', async () => {
    const file = path.join(tmp, 'anonymous.graphql');
    writeFileSync(file, `{ iloIndicators { code } }`);
    const run = await runTrust(['anonymous-partner', file, '--out-dir', path.join(tmp, 'anonymous')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/every operation must be named/);
    expect(existsSync(path.join(tmp, 'anonymous'))).toBe(false);
  });
});

describe('TRUSTED_DOCUMENTS=enforce', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await gatewayWith('enforce'); // the committed manifests, schema/trusted-documents
  });

  it('runs a registered operation sent by hash, with its variables', async () => {
    const catalogue = await post(gateway.url, byHash(registered('IloIndicatorCatalogue').id));
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.errors).toBeUndefined();
    expect(catalogue.body.data.iloIndicators.length).toBeGreaterThan(10);
    expect(Object.keys(catalogue.body.data.iloIndicators[0]).sort()).toEqual(['code', 'description', 'dimension', 'strength']);

    const partner = await hub.token('partner_system', 'DE');
    const victim = await post(gateway.url, byHash(registered('VictimCase').id, { variables: { id: newId() } }), partner);
    expect(victim).toEqual({ status: 200, body: { data: { victim: null } } });
  });

  it('runs a registered operation sent as its full text, with or without its hash', async () => {
    const { body } = registered('IloIndicatorCatalogue');
    for (const payload of [{ query: body }, { query: body, ...byHash(documentId(body)) }]) {
      const res = await post(gateway.url, payload);
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.iloIndicators.length).toBeGreaterThan(10);
    }
  });

  it("runs the gateway's own operations: an indicator download and the indicators page (gateway/indicators.ts)", async () => {
    const origin = new URL(gateway.url).origin;
    const download = await fetch(`${origin}/indicators/WB.json?year=2026`);
    expect(download.status).toBe(200);
    expect((await download.json()).indicators.identification.length).toBeGreaterThan(0);
    expect(await (await fetch(`${origin}/indicators`)).text()).toContain('<option value="WB">');
  });

  it('refuses any other document with 403 FORBIDDEN, before parsing it', async () => {
    for (const query of [UNREGISTERED, registered('IloIndicatorCatalogue').body + ' ', '{ __schema { types { name } } }', '{ not graphql']) {
      const res = await post(gateway.url, { query });
      expect(res.status).toBe(403);
      expect(res.body.data).toBeUndefined();
      expect(codes(res)).toEqual(['FORBIDDEN']);
      expect(res.body.errors![0].message).toContain(NOT_REGISTERED_MESSAGE);
    }
    const named = await post(gateway.url, { query: UNREGISTERED, operationName: 'Unregistered' });
    expect(named.body.errors![0].message).toBe(`Operation Unregistered is not registered: ${NOT_REGISTERED_MESSAGE} -- <client> <operations.graphql>`);
  });

  // Every shape of `extensions` a client can send with a text that is not registered: the
  // text decides, whatever they hold (null, false and 0 used to let any text through).
  const UNREGISTERED_MUTATION = `mutation Withdraw($id: ID!) { withdrawConsent(consentId: $id) { id } }`;
  const SHAPES: Array<[string, (text: string) => unknown]> = [
    ['no extensions', () => undefined],
    ['extensions null', () => null],
    ['extensions a string', () => 'persistedQuery'],
    ['extensions an array', () => [{ persistedQuery: { version: 1, sha256Hash: registered('IloIndicatorCatalogue').id } }]],
    ['persistedQuery null', () => ({ persistedQuery: null })],
    ['persistedQuery false', () => ({ persistedQuery: false })],
    ['persistedQuery 0', () => ({ persistedQuery: 0 })],
    ['persistedQuery ""', () => ({ persistedQuery: '' })],
    ['persistedQuery {}', () => ({ persistedQuery: {} })],
    ['persistedQuery a string', () => ({ persistedQuery: 'yes' })],
    ['persistedQuery an array', () => ({ persistedQuery: [] })],
    ['persistedQuery true', () => ({ persistedQuery: true })],
    ['version 0', (text) => ({ persistedQuery: { version: 0, sha256Hash: documentId(text) } })],
    ['version 2', (text) => ({ persistedQuery: { version: 2, sha256Hash: documentId(text) } })],
    ['version "1"', (text) => ({ persistedQuery: { version: '1', sha256Hash: documentId(text) } })],
    ['version 1 without a hash', () => ({ persistedQuery: { version: 1 } })],
    ['version 1 with a hash that is not a string', () => ({ persistedQuery: { version: 1, sha256Hash: 42 } })],
    ['version 1 with its own hash (an APQ registration)', (text) => ({ persistedQuery: { version: 1, sha256Hash: documentId(text) } })],
    ["version 1 with a registered operation's hash", () => ({ persistedQuery: { version: 1, sha256Hash: registered('IloIndicatorCatalogue').id } })],
  ];
  const CASES = SHAPES.flatMap(([shape, extensions]) =>
    (['POST', 'GET'] as const).flatMap((method) =>
      ([['query', UNREGISTERED], ['mutation', UNREGISTERED_MUTATION]] as const).map(([kind, text]) => [method, kind, shape, text, extensions] as const),
    ),
  );

  test.each(CASES)('refuses with 403 an unregistered %s %s, %s', async (method, _kind, _shape, text, extensionsOf) => {
    const extensions = extensionsOf(text);
    const payload = { query: text, variables: { id: newId() }, ...(extensions === undefined ? {} : { extensions }) };
    const res =
      method === 'POST'
        ? await post(gateway.url, payload)
        : await get(gateway.url, { query: text, ...(extensions === undefined ? {} : { extensions: JSON.stringify(extensions) }) });
    expect(res.status).toBe(403);
    expect(res.body.data).toBeUndefined();
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });

  it('runs a registered text whatever its persistedQuery holds besides (the text decides)', async () => {
    const { body } = registered('IloIndicatorCatalogue');
    // Not extensions that are not an object: Apollo answers those 400.
    for (const [shape, extensionsOf] of SHAPES.filter(([shape]) => !shape.startsWith('extensions a'))) {
      const extensions = extensionsOf(body);
      const res = await post(gateway.url, { query: body, ...(extensions === undefined ? {} : { extensions }) });
      expect([shape, res.status, res.body.errors]).toEqual([shape, 200, undefined]);
      expect(res.body.data.iloIndicators.length).toBeGreaterThan(10);
    }
  });

  it('refuses a batch unless every operation in it is registered, and requests it cannot read', async () => {
    const { body, id } = registered('IloIndicatorCatalogue');
    for (const batch of [[{ query: body }, { query: UNREGISTERED, extensions: { persistedQuery: null } }], [{ query: UNREGISTERED }], [byHash(id), { query: UNREGISTERED_MUTATION }], []]) {
      const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) });
      expect(res.status).toBe(403);
    }
    // Registered all: past the gate, and Apollo refuses batches as it always did.
    const all = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: body }, byHash(id)]) });
    expect(all.status).toBe(400);
    // Not JSON, another method, a repeated parameter: nothing to judge, so refused.
    const asText = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: UNREGISTERED });
    const put = await fetch(gateway.url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: UNREGISTERED }) });
    const twice = await get(gateway.url, { query: UNREGISTERED });
    const repeated = await fetch(`${gateway.url}?query=${encodeURIComponent(body)}&query=${encodeURIComponent(UNREGISTERED)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect([asText.status, put.status, twice.status, repeated.status]).toEqual([403, 403, 403, 403]);
  });

  it('refuses an APQ registration (query and hash): the hash stays unknown', async () => {
    const hash = documentId(UNREGISTERED);
    const register = await post(gateway.url, { query: UNREGISTERED, ...byHash(hash) });
    expect(register.status).toBe(403);
    expect(codes(register)).toEqual(['FORBIDDEN']);
    const again = await post(gateway.url, byHash(hash));
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND, as Apollo does', async () => {
    const res = await post(gateway.url, byHash('0'.repeat(64)));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
  });

  it('applies the same to GET requests', async () => {
    const hit = await get(gateway.url, { extensions: JSON.stringify(byHash(registered('IloIndicatorCatalogue').id).extensions) });
    expect(hit.status).toBe(200);
    expect(hit.body.data.iloIndicators.length).toBeGreaterThan(10);
    const refused = await get(gateway.url, { query: UNREGISTERED });
    expect(refused.status).toBe(403);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
  });

  it('a registered operation still needs a valid token, if it sends one', async () => {
    const res = await post(gateway.url, byHash(registered('IloIndicatorCatalogue').id), 'not-a-token');
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it('will not start with a manifest whose ids are not the hashes of their bodies', async () => {
    const dir = mkdtempSync(path.join(tmp, 'tampered-'));
    const manifest = demo();
    manifest.operations[0].body = UNREGISTERED;
    writeFileSync(path.join(dir, 'tampered.json'), JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: manifest.operations }));
    await expect(gatewayWith('enforce', dir)).rejects.toThrow(/operation IloIndicatorCatalogue: id is not the sha256 of its body/);
  });
});

describe('TRUSTED_DOCUMENTS=audit', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await gatewayWith('audit');
  });

  it('runs everything, and logs (name and hash only) and counts the unregistered', async () => {
    const seen: UntrustedOperation[] = [];
    const stop = onUntrusted((op) => seen.push(op));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const before = untrustedOperationCount();
      const partner = await hub.token('partner_system', 'DE');
      const victimId = newId();
      const unregistered = await post(gateway.url, { query: `query Curious($id: ID!) { victim(id: $id) { id status } }`, variables: { id: victimId } }, partner);
      expect(unregistered).toEqual({ status: 200, body: { data: { victim: null } } }); // nothing extra in the answer

      const byText = await post(gateway.url, { query: registered('IloIndicatorCatalogue').body });
      const byId = await post(gateway.url, byHash(registered('IloIndicatorCatalogue').id));
      expect([byText.status, byId.status]).toEqual([200, 200]);
      expect(byId.body).toEqual(byText.body);

      expect(untrustedOperationCount() - before).toBe(1);
      const hash = documentId(`query Curious($id: ID!) { victim(id: $id) { id status } }`);
      expect(seen).toEqual([{ operationName: 'Curious', hash }]);
      const lines = warn.mock.calls.map((args) => args.join(' ')).filter((line) => line.includes('[trusted-documents]'));
      expect(lines).toEqual([`[trusted-documents] unregistered operation Curious sha256:${hash}`]);
      expect(lines.join('\n')).not.toContain(victimId);
    } finally {
      warn.mockRestore();
      stop();
    }
  });

  it("keeps Apollo's APQ for unregistered operations, and counts them when they run", async () => {
    const query = `query Remembered { iloIndicators { code } }`;
    const hash = documentId(query);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const before = untrustedOperationCount();
      expect(codes(await post(gateway.url, byHash(hash)))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      expect((await post(gateway.url, { query, ...byHash(hash) })).body.errors).toBeUndefined();
      expect((await post(gateway.url, byHash(hash))).body.data.iloIndicators.length).toBeGreaterThan(10);
      expect(untrustedOperationCount() - before).toBe(2);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('TRUSTED_DOCUMENTS=off (the default)', () => {
  it("runs any document and keeps Apollo's APQ as before; counts nothing", async () => {
    const gateway = await gatewayWith('off');
    const before = untrustedOperationCount();
    for (const url of [gateway.url, hub.gateway.url]) {
      const query = `query Anything${url === gateway.url ? 'A' : 'B'} { iloIndicators { code } }`;
      const hash = documentId(query);
      expect((await post(url, { query })).body.errors).toBeUndefined();
      expect(await post(url, byHash(hash))).toEqual({ status: 200, body: { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] } });
      expect((await post(url, { query, ...byHash(hash) })).body.errors).toBeUndefined();
      expect((await post(url, byHash(hash))).body.data.iloIndicators.length).toBeGreaterThan(10);
      // A registered hash means nothing to it.
      expect(codes(await post(url, byHash(registered('IloIndicatorCatalogue').id)))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    }
    expect(untrustedOperationCount()).toBe(before);
  });
});
