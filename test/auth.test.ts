import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateIssuer } from '../scripts/dev-issuer';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { registerVictim } from './support/victims';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = (overrides: object = {}) => ({
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
    const north = await hub.token('judge', 'DE');
    const south = await hub.secondIssuer.sign({ role: 'judge', jurisdiction: 'DE' });
    for (const token of [north, south]) {
      for (const url of [hub.gateway.url, hub.subgraphs.victims.url]) {
        const res = await hub.query(token, victimQuery, { id: victimId }, { url });
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data.victim.legalName).toBe('Test Person');
      }
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
    expect(JSON.stringify(res.body.data)).not.toContain('Test Person');
    expect(res.body.data._entities[0]).toEqual({ id: victimId, legalName: null, contactPhone: null, caseReference: null });
    expect(new Set(Object.values(errorCodes(res.body)))).toEqual(new Set(['UNAUTHENTICATED']));
  });
});
