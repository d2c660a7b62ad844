import { SignJWT } from 'jose';
import { CREDENTIAL_ALG, type SigningKeys } from './keys';
import { encodedList, STATUS_PURPOSES, statusSlotOf, type StatusPurpose } from './status-list';
import type { BodyRecord, CertificateRecord } from '../models';

/**
 * What a certificate's holder carries: a W3C Verifiable Credential 2.0 secured with JOSE
 * (VC-JOSE-COSE: a compact JWS whose payload is the credential, header `typ: vc+jwt`,
 * `cty: vc`, `kid`), shaped as an Open Badges 3.0 `OpenBadgeCredential` and signed by the
 * issuing body's key (ES256), verifiable by anyone with the body's JWKS, offline too. It
 * names the holder, role, program, competencies, body, dates and code — never contact
 * data. A signature cannot be taken back, so its `credentialStatus` points to the body's
 * Bitstring Status Lists (revocation and suspension, status-list.ts), and
 * `verifyCertificate` answers online.
 */

/** Explicit types (RFC 8725): VC-JOSE-COSE's media type; which credential it is, its `type` says. */
export const CREDENTIAL_TYPE = 'vc+jwt';
export const CREDENTIAL_CONTENT_TYPE = 'vc';
export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const CERTIFICATE_TYPES = ['VerifiableCredential', 'OpenBadgeCredential'];
export const STATUS_LIST_TYPES = ['VerifiableCredential', 'BitstringStatusListCredential'];

/** A status list is good for a week: an offline verifier refuses an older one (`validUntil`, `exp`). */
export const STATUS_LIST_DAYS = 7;

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

/** Where a body publishes (through the gateway's port): its issuer id (the profile's), JWKS and status lists. */
export function issuerOf(publicUrl: string, bodyId: string): string {
  return `${base(publicUrl)}/.well-known/accreditation/${bodyId}`;
}
export const jwksUrlOf = (publicUrl: string, bodyId: string) => `${issuerOf(publicUrl, bodyId)}/jwks.json`;
export const statusListUrlOf = (publicUrl: string, bodyId: string, purpose: StatusPurpose, list = 1) => `${issuerOf(publicUrl, bodyId)}/status/${purpose}/${list}`;
/** The page people reach from the printed certificate's QR code (the gateway's /verify/<code>); also the credential's id. */
export const verificationPageOf = (publicUrl: string, code: string) => `${base(publicUrl)}/verify/${code}`;

/** Midnight UTC of a calendar day. */
const midnightOf = (day: string) => new Date(`${day}T00:00:00Z`);
const seconds = (at: Date) => Math.floor(at.getTime() / 1000);
const iso = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

type Issued = Omit<CertificateRecord, 'credential' | 'kid' | '_listed'>;

/** The body as an Open Badges `Profile`: its id is the issuer URL its keys and lists are published under. */
export function issuerProfile(publicUrl: string, body: Pick<BodyRecord, '_id' | 'name' | 'region'>) {
  return { id: issuerOf(publicUrl, body._id), type: ['Profile'], name: body.name, description: `Accreditation body of ${body.region}` };
}

/** One `BitstringStatusListEntry` per purpose, at the index the body gave the certificate. */
export function credentialStatusOf(publicUrl: string, bodyId: string, statusPosition: number) {
  const { list, index } = statusSlotOf(statusPosition);
  return STATUS_PURPOSES.map((purpose) => ({
    id: `${statusListUrlOf(publicUrl, bodyId, purpose, list)}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: purpose,
    statusListIndex: String(index),
    statusListCredential: statusListUrlOf(publicUrl, bodyId, purpose, list),
  }));
}

/**
 * The certificate as an `OpenBadgeCredential`: the id is its page (`/verify/<code>`, the
 * typeable code at its end), the achievement the program (its code as `humanCode`, its
 * competencies as `tag`), the subject the holder (name and jurisdiction as identifiers,
 * the profession as `role`).
 */
export function openBadgeCredential(publicUrl: string, certificate: Issued, body: Pick<BodyRecord, '_id' | 'name' | 'region'>) {
  const issuer = issuerProfile(publicUrl, body);
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: verificationPageOf(publicUrl, certificate._id),
    type: CERTIFICATE_TYPES,
    name: `${certificate.programTitle} (${certificate._id})`,
    issuer,
    validFrom: iso(certificate.issuedAt),
    validUntil: iso(midnightOf(certificate.expiresOn)),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: certificate.holderName },
        { type: 'IdentityObject', identityType: 'identifier', hashed: false, identityHash: certificate.practitionerId },
      ],
      role: certificate.holderRole,
      achievement: {
        id: `${issuer.id}/programs/${certificate.programCode}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        humanCode: certificate.programCode,
        name: certificate.programTitle,
        description: `${certificate.programTitle}, a training program of ${body.name} for practitioners who handle trafficking cases`,
        criteria: { narrative: `A passing assessment of every module of ${certificate.programCode}.` },
        tag: certificate.competencies,
      },
    },
    credentialStatus: credentialStatusOf(publicUrl, body._id, certificate.statusPosition),
  };
}

/** Signs a certificate's credential with the body's current key: `iss`, `jti`, `iat` and `exp` repeat what the credential says. */
export async function signCredential(keys: SigningKeys, publicUrl: string, body: BodyRecord, certificate: Issued): Promise<{ credential: string; kid: string }> {
  const kid = body.currentKid;
  const vc = openBadgeCredential(publicUrl, certificate, body);
  const credential = await new SignJWT(vc as never)
    .setProtectedHeader({ alg: CREDENTIAL_ALG, kid, typ: CREDENTIAL_TYPE, cty: CREDENTIAL_CONTENT_TYPE })
    .setIssuer(vc.issuer.id)
    .setJti(vc.id)
    .setIssuedAt(seconds(certificate.issuedAt))
    .setExpirationTime(seconds(midnightOf(certificate.expiresOn)))
    .sign(keys.privateKey(body._id, kid));
  return { credential, kid };
}

/**
 * A body's `BitstringStatusListCredential` for one purpose and list number: the bits of
 * `setIndexes` set, signed with its current key, valid for STATUS_LIST_DAYS.
 */
export async function signStatusList(keys: SigningKeys, publicUrl: string, body: BodyRecord, purpose: StatusPurpose, list: number, setIndexes: number[], now: Date): Promise<string> {
  const id = statusListUrlOf(publicUrl, body._id, purpose, list);
  const until = new Date(now.getTime() + STATUS_LIST_DAYS * 86_400_000);
  const vc = {
    '@context': [VC_CONTEXT],
    id,
    type: STATUS_LIST_TYPES,
    issuer: issuerOf(publicUrl, body._id),
    validFrom: iso(now),
    validUntil: iso(until),
    credentialSubject: { id: `${id}#list`, type: 'BitstringStatusList', statusPurpose: purpose, encodedList: encodedList(setIndexes) },
  };
  return new SignJWT(vc as never)
    .setProtectedHeader({ alg: CREDENTIAL_ALG, kid: body.currentKid, typ: CREDENTIAL_TYPE, cty: CREDENTIAL_CONTENT_TYPE })
    .setIssuer(vc.issuer)
    .setJti(id)
    .setIssuedAt(seconds(now))
    .setExpirationTime(seconds(until))
    .sign(keys.privateKey(body._id, body.currentKid));
}
