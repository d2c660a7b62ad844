import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import type { BodyRecord } from '../models';
import { CertificateStatus } from '../schema/vocabulary';
import { newCertificateCode } from './code';
import { CREDENTIAL_TYPE, issuerOf, signCredential, signStatusList } from './credential';
import { bitOf, encodedList, LIST_BITS, statusSlotOf } from './status-list';
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
    statusPosition: 7,
  });

  it('is an OpenBadgeCredential (VC 2.0) secured as vc+jwt, verified against the published JWKS, with the holder and no contact data', async () => {
    const issued = certificate();
    const { credential, kid } = await signCredential(keys, PUBLIC_URL, body, issued);
    expect(kid).toBe(body.currentKid);
    const { payload, protectedHeader } = await jwtVerify(credential, createLocalJWKSet(jwksOf(body) as never), {
      issuer: issuerOf(PUBLIC_URL, 'WB'),
      typ: CREDENTIAL_TYPE,
      currentDate: issuedAt,
    });
    expect(protectedHeader).toEqual({ alg: 'ES256', kid, typ: 'vc+jwt', cty: 'vc' });
    expect(payload).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: `https://hub.example/verify/${issued._id}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'https://hub.example/.well-known/accreditation/WB', type: ['Profile'], name: 'Western Balkans Accreditation' },
      validFrom: '2026-03-01T10:00:00Z',
      validUntil: '2028-03-01T00:00:00Z',
      jti: `https://hub.example/verify/${issued._id}`,
      exp: Date.parse('2028-03-01T00:00:00Z') / 1000,
      credentialSubject: {
        type: ['AchievementSubject'],
        role: 'JUDGE',
        identifier: [{ identityType: 'name', identityHash: 'Ana Petrović' }, { identityType: 'identifier', identityHash: 'p1' }],
        achievement: { id: 'https://hub.example/.well-known/accreditation/WB/programs/WB-VA-101', type: ['Achievement'], name: 'Vulnerability assessment', humanCode: 'WB-VA-101', tag: ['VULNERABILITY_ASSESSMENT'] },
      },
      credentialStatus: [
        { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '6', statusListCredential: 'https://hub.example/.well-known/accreditation/WB/status/revocation/1' },
        { type: 'BitstringStatusListEntry', statusPurpose: 'suspension', statusListIndex: '6', statusListCredential: 'https://hub.example/.well-known/accreditation/WB/status/suspension/1' },
      ],
    });
    expect(JSON.stringify(payload)).not.toMatch(/@(?!context)/);
  });

  it('puts position 131,073 on the second list, and signs a 16 KB status list with its bits set', async () => {
    expect(statusSlotOf(1)).toEqual({ list: 1, index: 0 });
    expect(statusSlotOf(LIST_BITS + 1)).toEqual({ list: 2, index: 0 });
    const list = await signStatusList(keys, PUBLIC_URL, body, 'revocation', 1, [0, 9, LIST_BITS - 1], issuedAt);
    const { payload, protectedHeader } = await jwtVerify(list, createLocalJWKSet(jwksOf(body) as never), { typ: CREDENTIAL_TYPE, currentDate: issuedAt });
    expect(protectedHeader.kid).toBe(body.currentKid);
    expect(payload).toMatchObject({ type: ['VerifiableCredential', 'BitstringStatusListCredential'], issuer: issuerOf(PUBLIC_URL, 'WB'), credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' } });
    expect(payload.exp! - payload.iat!).toBe(7 * 86_400);
    const encoded = (payload as any).credentialSubject.encodedList as string;
    expect([0, 1, 8, 9, 10, LIST_BITS - 1].map((i) => bitOf(encoded, i))).toEqual([true, false, false, true, false, true]);
    expect(() => bitOf(encoded, LIST_BITS)).toThrow(/outside a list of 131072 entries/);
    expect(() => encodedList([LIST_BITS])).toThrow(/out of the list/);
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
    const { credential } = await signCredential(keys, PUBLIC_URL, rotated, certificate());
    expect(decodeProtectedHeader(credential).kid).toBe(next.kid);
  });

  it('signs nothing with a key this instance cannot read, and reaches no file outside its directory', async () => {
    const elsewhere = new SigningKeys(path.join(dir, 'another-volume'));
    await expect(signCredential(elsewhere, PUBLIC_URL, body, certificate())).rejects.toBeInstanceOf(SigningKeyMissing);
    expect(() => keys.privateKey('../WB', body.currentKid)).toThrow('not a signing key of an accreditation body');
    expect(() => keys.privateKey('WB', '../../etc/passwd')).toThrow('not a signing key of an accreditation body');
  });
});
