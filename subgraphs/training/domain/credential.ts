import { SignJWT } from 'jose';
import { CREDENTIAL_ALG, type SigningKeys } from './keys';
import type { BodyRecord, CertificateRecord } from '../models';

/**
 * What a certificate's holder carries: a compact JWS signed by the issuing body's key
 * (`kid` in the header), verifiable by anyone with the body's JWKS, offline too. It names
 * the holder, role, scope, body, dates and code — never contact data. A signature
 * cannot be taken back, so revocation is checked online (`verifyCertificate`) or against
 * the body's signed revocation list, which names every suspended or revoked code.
 */

/** Explicit types (RFC 8725): a revocation list is never taken for a credential, nor either for an access token. */
export const CREDENTIAL_TYPE = 'accreditation+jwt';
export const REVOCATION_LIST_TYPE = 'revocation-list+jwt';

/** A revocation list is good for a week: an offline verifier refuses an older one. */
export const REVOCATION_LIST_DAYS = 7;

/** Where a body publishes (through the gateway's port): its issuer id, JWKS and revocation list. */
export function issuerOf(publicUrl: string, bodyId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/.well-known/accreditation/${bodyId}`;
}
export const jwksUrlOf = (publicUrl: string, bodyId: string) => `${issuerOf(publicUrl, bodyId)}/jwks.json`;
export const revocationListUrlOf = (publicUrl: string, bodyId: string) => `${issuerOf(publicUrl, bodyId)}/revocations.jwt`;

/** Midnight UTC of a calendar day, in seconds (JWT NumericDate). */
const secondsOf = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000);

export interface CredentialClaims {
  code: string;
  holder: { name: string; role: string; jurisdiction: string; organization: string };
  scope: { programCode: string; programTitle: string; role: string; competencies: string[] };
  body: { id: string; name: string; region: string };
  issuedOn: string;
  expiresOn: string;
}

type Issued = Omit<CertificateRecord, 'credential' | 'kid' | '_listed'>;

export function credentialClaims(certificate: Issued, body: BodyRecord, organization: string): CredentialClaims {
  return {
    code: certificate._id,
    holder: { name: certificate.holderName, role: certificate.holderRole, jurisdiction: certificate.holderJurisdiction, organization },
    scope: { programCode: certificate.programCode, programTitle: certificate.programTitle, role: certificate.holderRole, competencies: certificate.competencies },
    body: { id: body._id, name: body.name, region: body.region },
    issuedOn: certificate.issuedOn,
    expiresOn: certificate.expiresOn,
  };
}

/** Signs a credential with the body's current key: expiry is the JWT `exp` (midnight UTC of expiresOn). */
export async function signCredential(keys: SigningKeys, publicUrl: string, body: BodyRecord, certificate: Issued, organization: string): Promise<{ credential: string; kid: string }> {
  const kid = body.currentKid;
  const credential = await new SignJWT({ certificate: credentialClaims(certificate, body, organization) } as never)
    .setProtectedHeader({ alg: CREDENTIAL_ALG, kid, typ: CREDENTIAL_TYPE })
    .setIssuer(issuerOf(publicUrl, body._id))
    .setSubject(certificate.practitionerId)
    .setJti(certificate._id)
    .setIssuedAt(Math.floor(certificate.issuedAt.getTime() / 1000))
    .setExpirationTime(secondsOf(certificate.expiresOn))
    .sign(keys.privateKey(body._id, kid));
  return { credential, kid };
}

/** The suspended and revoked codes of a body, signed with its current key; good for REVOCATION_LIST_DAYS. */
export async function signRevocationList(keys: SigningKeys, publicUrl: string, body: BodyRecord, withdrawn: CertificateRecord[], now: Date): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const entries = withdrawn.map((c) => ({ code: c._id, status: c.status, since: (c.status === 'REVOKED' ? c.revokedAt : c.suspendedAt)?.toISOString() ?? null }));
  return new SignJWT({ body: body._id, withdrawn: entries })
    .setProtectedHeader({ alg: CREDENTIAL_ALG, kid: body.currentKid, typ: REVOCATION_LIST_TYPE })
    .setIssuer(issuerOf(publicUrl, body._id))
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + REVOCATION_LIST_DAYS * 86_400)
    .sign(keys.privateKey(body._id, body.currentKid));
}
