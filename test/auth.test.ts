import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseTrustedIssuers, TokenVerifier } from '../platform/auth';
import { loadOrCreateIssuer } from '../scripts/development/dev-issuer';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { registerVictim } from './support/victims';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = (overrides: object = {}): Record<string, unknown> => ({
  iss: 'https://idp.north.example',
  aud: 'justice-hub',
  sub: 'attacker',
  role: 'judge',
  jurisdiction: 'DE',
  org: 'x',
  exp: Math.floor(Date.now() / 1000) + 600,
  ...overrides,
});

describe('identity: tokens are verified by the gateway and by every subgraph', () => {
  let hub: TestHub;
  let victimId: string;
  const victimQuery = `query($id: ID!) { victim(id: $id) { caseReference legalName } }`;

  beforeAll(async () => {
    hub = await startHub();
    victimId = await registerVictim(hub, 'DE');
  });
  afterAll(() => hub.stop());

  async function expectRejected(token: string) {
    for (const url of [hub.gateway.url, hub.subgraphs.victims.url]) {
      const res = await hub.query(token, victimQuery, { id: victimId }, { url });
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.body.data ?? null).toBeNull();
      expect(JSON.stringify(res.body)).not.toContain('Test Person');
    }
  }

  it('accepts a valid token from either trusted issuer, at the gateway and at the subgraph', async () => {
    const italianVictim = await registerVictim(hub, 'IT');
    const north = await hub.token('judge', 'DE');
    const south = await hub.secondIssuer.sign({ role: 'judge', jurisdiction: 'IT' });
    for (const [token, id] of [[north, victimId], [south, italianVictim]]) {
      for (const url of [hub.gateway.url, hub.subgraphs.victims.url]) {
        const res = await hub.query(token, victimQuery, { id }, { url });
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data.victim.legalName).toBe('Test Person');
      }
    }
  });

  it('refuses what an issuer may not assert: a jurisdiction or role outside its scope, oversight by a non-auditor', async () => {
    const cases: Array<[string, RegExp]> = [
      [await hub.secondIssuer.sign({ role: 'judge', jurisdiction: 'DE' }), /jurisdiction "DE", which issuer https:\/\/idp\.south\.example does not speak for/],
      [await hub.secondIssuer.sign({ role: 'social_worker', jurisdiction: 'IT' }), /role "social_worker", which issuer https:\/\/idp\.south\.example may not grant/],
      [await hub.secondIssuer.sign({ role: 'auditor', jurisdiction: 'IT', oversees: ['IT', 'DE'] }), /oversight of "DE", which issuer/],
      [await hub.issuer.sign({ role: 'judge', jurisdiction: 'DE', oversees: ['DE'] }), /"oversees", which only an auditor may hold/],
    ];
    for (const [token, message] of cases) {
      await expectRejected(token);
      const res = await hub.query(token, victimQuery, { id: victimId });
      expect(res.body.errors![0].message).toMatch(message);
    }
  });

  it('refuses a token typed otherwise (an ID token) where the issuer types its access tokens', async () => {
    const { iss, aud, ...rest } = claims({ iss: 'https://idp.south.example', aud: 'justice-hub-south', jurisdiction: 'IT', iat: Math.floor(Date.now() / 1000) });
    const payload = { ...rest, iss, aud };
    await expectRejected(await hub.secondIssuer.signRaw(payload, { typ: 'JWT' }));
    await expectRejected(await hub.secondIssuer.signRaw(payload));
    const accepted = await hub.query(await hub.secondIssuer.signRaw(payload, { typ: 'at+jwt' }), victimQuery, { id: victimId });
    expect(accepted.status).toBe(200);
  });

  it('refuses a token without exp, sub, org or iat, one not yet valid, and one issued too long ago', async () => {
    const now = Math.floor(Date.now() / 1000);
    const valid = claims({ iat: now });
    const { exp, ...noExp } = valid;
    const { sub, ...noSub } = valid;
    const { org, ...noOrg } = valid;
    const { iat, ...noIat } = valid;
    for (const payload of [noExp, noSub, noOrg, noIat, { ...valid, nbf: now + 600 }, { ...valid, iat: now - 13 * 3600 }]) {
      await expectRejected(await hub.issuer.signRaw(payload));
    }
    const res = await hub.query(await hub.issuer.signRaw({ ...valid, iat: now - 13 * 3600 }), victimQuery, { id: victimId });
    expect(res.body.errors![0].message).toBe('Token rejected: "iat" check failed');
    expect((await hub.query(await hub.issuer.signRaw(valid), victimQuery, { id: victimId })).body.errors).toBeUndefined();
  });

  it('accepts the Bearer scheme in any case', async () => {
    const token = await hub.token('judge', 'DE');
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const res = await hub.query(null, victimQuery, { id: victimId }, { headers: { authorization: `${scheme} ${token}`, 'x-purpose': 'ADJUDICATION' } });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.victim.legalName).toBe('Test Person');
    }
  });

  it('rejects an unsigned token (alg none)', async () => {
    await expectRejected(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`);
  });

  it('rejects an HS256 token signed with the public key as secret (algorithm confusion)', async () => {
    const secret = readFileSync(hub.issuer.trusted.jwksFile!, 'utf8');
    const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims())}`;
    await expectRejected(`${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`);
  });

  it('rejects an expired token', async () => {
    await expectRejected(await hub.issuer.sign({ role: 'judge', jurisdiction: 'DE', ttlSeconds: -120 }));
  });

  it('rejects a token from an untrusted issuer', async () => {
    const rogue = await loadOrCreateIssuer(mkdtempSync(path.join(os.tmpdir(), 'rogue-')), 'https://idp.rogue.example');
    await expectRejected(await rogue.sign({ role: 'judge', jurisdiction: 'DE' }));
  });

  it('rejects a token that names a trusted issuer but is signed with another key', async () => {
    const forger = await loadOrCreateIssuer(mkdtempSync(path.join(os.tmpdir(), 'forger-')), 'https://idp.north.example');
    await expectRejected(await forger.sign({ role: 'judge', jurisdiction: 'DE' }));
  });

  it('rejects a token for another audience', async () => {
    const sameKeys = await loadOrCreateIssuer(path.dirname(hub.issuer.trusted.jwksFile!), 'https://idp.north.example', 'some-other-api');
    await expectRejected(await sameKeys.sign({ role: 'judge', jurisdiction: 'DE' }));
  });

  it('rejects a tampered token (payload changed, signature kept)', async () => {
    const [header, , signature] = (await hub.token('partner_system', 'DE')).split('.');
    await expectRejected(`${header}.${b64(claims({ role: 'judge' }))}.${signature}`);
  });

  it('rejects tokens whose role or jurisdiction is not recognised', async () => {
    await expectRejected(await hub.token('superuser', 'DE'));
    await expectRejected(await hub.token('judge', 'XX'));
  });

  it('rejects a malformed Authorization header', async () => {
    for (const header of ['Basic dXNlcjpwYXNz', `Bearer ${randomBytes(8).toString('hex')}`]) {
      const res = await hub.query(null, victimQuery, { id: victimId }, { headers: { authorization: header } });
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('without a token, public fields answer and protected ones say UNAUTHENTICATED', async () => {
    const res = await hub.query(null, `{ iloIndicators { code strength } victim(id: "${victimId}") { legalName } }`);
    expect(res.body.data.iloIndicators.length).toBeGreaterThan(40);
    expect(res.body.data.victim).toBeNull();
    expect(errorCodes(res.body)).toEqual({ victim: 'UNAUTHENTICATED' });
  });

  it('ignores identity headers other than the verified token, at the gateway and at the subgraph', async () => {
    const spoofed = { 'x-role': 'judge', 'x-user': 'admin', 'x-jurisdiction': 'DE', 'x-forwarded-user': 'judge' };
    for (const url of [hub.gateway.url, hub.subgraphs.victims.url]) {
      const anonymous = await hub.query(null, victimQuery, { id: victimId }, { url, headers: spoofed });
      expect(errorCodes(anonymous.body)).toEqual({ victim: 'UNAUTHENTICATED' });
      const partner = await hub.query(await hub.token('partner_system', 'DE'), victimQuery, { id: victimId }, { url, headers: spoofed });
      expect(partner.body.data.victim).toEqual({ caseReference: expect.any(String), legalName: null });
      expect(errorCodes(partner.body)).toEqual({ 'victim.legalName': 'FORBIDDEN' });
    }
  });

  it('a direct subgraph request cannot resolve entities into protected data without a token', async () => {
    const res = await hub.query(
      null,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { id legalName contactPhone caseReference } } }`,
      { r: [{ __typename: 'Victim', id: victimId }] },
      { url: hub.subgraphs.victims.url },
    );
    // Anonymous: nothing at all, not even whether the id exists, and nothing logged per attempt.
    expect(res.body.data).toBeNull();
    expect(errorCodes(res.body)).toEqual({ _entities: 'UNAUTHENTICATED' });
  });
});

describe('keys from a JWKS URL', () => {
  it('verifies tokens against keys fetched from the issuer’s jwksUri, and refuses when the key is not there', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jwks-'));
    const issuer = await loadOrCreateIssuer(dir, 'https://idp.remote.example', 'justice-hub', { jurisdictions: ['FR'] });
    const other = await loadOrCreateIssuer(mkdtempSync(path.join(os.tmpdir(), 'jwks-other-')), 'https://idp.remote.example', 'justice-hub', { jurisdictions: ['FR'] });
    let fetched = 0;
    const server = createServer((req, res) => {
      fetched++;
      if (req.url !== '/.well-known/jwks.json') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(issuer.trusted.jwksFile!));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const [trusted] = parseTrustedIssuers(
        JSON.stringify([{ issuer: 'https://idp.remote.example', audience: 'justice-hub', jurisdictions: ['FR'], jwksUri: `http://127.0.0.1:${port}/.well-known/jwks.json` }]),
      );
      const verifier = new TokenVerifier([trusted]);
      const caller = await verifier.verify(`Bearer ${await issuer.sign({ role: 'prosecutor', jurisdiction: 'FR' })}`);
      expect(caller).toMatchObject({ role: 'prosecutor', jurisdiction: 'FR', issuer: 'https://idp.remote.example' });
      expect(fetched).toBe(1);
      await expect(verifier.verify(`Bearer ${await other.sign({ role: 'prosecutor', jurisdiction: 'FR' })}`)).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
    } finally {
      server.close();
    }
  });
});

describe('a verified token is remembered, never past its expiry or maximum age', () => {
  afterEach(() => jest.useRealTimers());

  async function verifierAndIssuer(maxTokenAgeSeconds?: number) {
    const issuer = await loadOrCreateIssuer(mkdtempSync(path.join(os.tmpdir(), 'remembered-')), 'https://idp.cache.example', 'justice-hub', { jurisdictions: ['FR'] });
    return { issuer, verifier: new TokenVerifier([{ ...issuer.trusted, ...(maxTokenAgeSeconds ? { maxTokenAgeSeconds } : {}) }]) };
  }

  it('answers the same frozen caller for the same token', async () => {
    const { issuer, verifier } = await verifierAndIssuer();
    const token = `Bearer ${await issuer.sign({ role: 'prosecutor', jurisdiction: 'FR' })}`;
    const first = await verifier.verify(token);
    expect(await verifier.verify(token)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => (first!.oversight as string[]).push('DE')).toThrow();
  });

  it('refuses a remembered token once it has expired', async () => {
    const { issuer, verifier } = await verifierAndIssuer();
    const token = `Bearer ${await issuer.sign({ role: 'prosecutor', jurisdiction: 'FR', ttlSeconds: 30 })}`;
    expect(await verifier.verify(token)).toMatchObject({ role: 'prosecutor' });
    jest.useFakeTimers({ now: Date.now() + 40_000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    await expect(verifier.verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('"exp"') });
  });

  it("refuses a remembered token once it is older than the issuer's maximum age", async () => {
    const { issuer, verifier } = await verifierAndIssuer(20);
    const token = `Bearer ${await issuer.sign({ role: 'prosecutor', jurisdiction: 'FR', ttlSeconds: 3600 })}`;
    expect(await verifier.verify(token)).toMatchObject({ role: 'prosecutor' });
    jest.useFakeTimers({ now: Date.now() + 30_000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    await expect(verifier.verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('"iat"') });
  });
});

describe('TRUSTED_ISSUERS', () => {
  const entry = { issuer: 'https://idp.example', audience: 'justice-hub', jurisdictions: ['DE'], jwksUri: 'https://idp.example/jwks.json' };
  it('needs the jurisdictions each issuer speaks for, and names the entry and field that is wrong', () => {
    const { jurisdictions, ...unscoped } = entry;
    expect(() => parseTrustedIssuers(JSON.stringify([entry, unscoped]))).toThrow(/^TRUSTED_ISSUERS\[1\]\.jurisdictions /);
    expect(() => parseTrustedIssuers(JSON.stringify([{ ...entry, jurisdictions: ['Germany'] }]))).toThrow('TRUSTED_ISSUERS[0].jurisdictions[0] must be ISO 3166-1 alpha-2 codes');
    expect(() => parseTrustedIssuers(JSON.stringify([{ ...entry, roles: ['admin'] }]))).toThrow(/^TRUSTED_ISSUERS\[0\]\.roles\[0\] /);
    expect(() => parseTrustedIssuers(JSON.stringify([{ ...entry, jwksFile: '/k.json' }]))).toThrow('TRUSTED_ISSUERS[0] needs exactly one of "jwksUri", "jwksFile", "jwks"');
    expect(parseTrustedIssuers(JSON.stringify([{ ...entry, roles: ['judge'], typ: 'at+jwt' }]))).toEqual([{ ...entry, roles: ['judge'], typ: 'at+jwt' }]);
  });
});
