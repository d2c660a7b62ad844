import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import type { BodyRecord } from '../models';
import { CertificateStatus } from '../schema/vocabulary';
import { newCertificateCode } from './code';
import { CREDENTIAL_TYPE, REVOCATION_LIST_TYPE, issuerOf, signCredential, signRevocationList } from './credential';
import { jwksOf, keysWithRetirement, SigningKeyMissing, SigningKeys } from './keys';

// Credentials signed with keys generated here (in a temporary key directory) and verified
// as an offline verifier would: against the body's published JWKS, by `kid`, with its `typ`.

const PUBLIC_URL = 'https://hub.example';
const issuedAt = new Date('2026-03-01T10:00:00Z');

describe('credentials and signing keys', () => {
  let dir: string;
  let keys: SigningKeys;
  let body: BodyRecord;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'training-keys-'));
    keys = new SigningKeys(dir);
    const first = keys.create('WB', 'registrar', issuedAt);
    body = { _id: 'WB', name: 'Western Balkans Accreditation', region: 'Western Balkans', jurisdictions: ['RS', 'BA'], keys: [first], currentKid: first.kid, establishedAt: issuedAt };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const certificate = () => ({
    _id: newCertificateCode('WB', 2026),
    practitionerId: 'p1',
    holderName: 'Ana Petrović',
    holderRole: 'JUDGE',
    holderJurisdiction: 'RS',
    bodyId: 'WB',
    programCode: 'WB-VA-101',
    programTitle: 'Vulnerability assessment',
    competencies: ['VULNERABILITY_ASSESSMENT'],
    issuedOn: '2026-03-01',
    expiresOn: '2028-03-01',
    status: CertificateStatus.VALID,
    suspendedAt: null,
    suspensionReason: null,
    revokedAt: null,
    revocationReason: null,
    issuedAt,
    issuedBy: 'officer',
  });

  it('verifies against the published JWKS, as a credential, with the holder and no contact data', async () => {
    const issued = certificate();
    const { credential, kid } = await signCredential(keys, PUBLIC_URL, body, issued, 'Basic Court Belgrade');
    expect(kid).toBe(body.currentKid);
    const { payload, protectedHeader } = await jwtVerify(credential, createLocalJWKSet(jwksOf(body) as never), {
      issuer: issuerOf(PUBLIC_URL, 'WB'),
      typ: CREDENTIAL_TYPE,
      currentDate: issuedAt,
    });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', kid });
    expect(payload).toMatchObject({ sub: 'p1', jti: issued._id, exp: Date.parse('2028-03-01T00:00:00Z') / 1000 });
    expect((payload as { certificate: unknown }).certificate).toEqual({
      code: issued._id,
      holder: { name: 'Ana Petrović', role: 'JUDGE', jurisdiction: 'RS', organization: 'Basic Court Belgrade' },
      scope: { programCode: 'WB-VA-101', programTitle: 'Vulnerability assessment', role: 'JUDGE', competencies: ['VULNERABILITY_ASSESSMENT'] },
      body: { id: 'WB', name: 'Western Balkans Accreditation', region: 'Western Balkans' },
      issuedOn: '2026-03-01',
      expiresOn: '2028-03-01',
    });
    expect(JSON.stringify(payload)).not.toMatch(/@/);
  });

  it('signs the revocation list with the current key, never to be taken for a credential', async () => {
    const revoked = { ...certificate(), status: CertificateStatus.REVOKED, revokedAt: issuedAt, revocationReason: 'fraud', credential: 'x', kid: body.currentKid };
    const list = await signRevocationList(keys, PUBLIC_URL, body, [revoked], issuedAt);
    const jwks = createLocalJWKSet(jwksOf(body) as never);
    const { payload } = await jwtVerify(list, jwks, { typ: REVOCATION_LIST_TYPE, currentDate: issuedAt });
    expect(payload).toMatchObject({ body: 'WB', withdrawn: [{ code: revoked._id, status: 'REVOKED', since: issuedAt.toISOString() }] });
    expect(payload.exp! - payload.iat!).toBe(7 * 86_400);
    await expect(jwtVerify(list, jwks, { typ: CREDENTIAL_TYPE, currentDate: issuedAt })).rejects.toThrow();
  });

  it('keeps a rotated key published, retired when its successor was made, and signs with the new one', async () => {
    const old = body.currentKid;
    const rotatedAt = new Date('2026-06-01T00:00:00Z');
    const next = keys.create('WB', 'officer', rotatedAt);
    const rotated = { ...body, keys: [...body.keys, next], currentKid: next.kid };
    expect(keysWithRetirement(rotated).map((k) => [k.kid, k.retiredAt])).toEqual([
      [old, rotatedAt],
      [next.kid, null],
    ]);
    const published = jwksOf(rotated).keys;
    expect(published.map((k) => [k.kid, 'exp' in k ? k.exp : undefined])).toEqual([
      [old, rotatedAt.getTime() / 1000],
      [next.kid, undefined],
    ]);
    const { credential } = await signCredential(keys, PUBLIC_URL, rotated, certificate(), 'Court');
    expect(decodeProtectedHeader(credential).kid).toBe(next.kid);
  });

  it('signs nothing with a key this instance cannot read, and reaches no file outside its directory', async () => {
    const elsewhere = new SigningKeys(path.join(dir, 'another-volume'));
    await expect(signCredential(elsewhere, PUBLIC_URL, body, certificate(), 'Court')).rejects.toBeInstanceOf(SigningKeyMissing);
    expect(() => keys.privateKey('../WB', body.currentKid)).toThrow('not a signing key of an accreditation body');
    expect(() => keys.privateKey('WB', '../../etc/passwd')).toThrow('not a signing key of an accreditation body');
  });
});
