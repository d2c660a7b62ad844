import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { badToken } from './errors';
import { isCountryCode } from './countries';

export const ROLES = [
  'judge',
  'prosecutor',
  'law_enforcement',
  'social_worker',
  'legal_aid_attorney',
  'shelter_staff',
  'accreditation_officer',
  'partner_system',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: only ever built from a verified token. */
export interface Caller {
  sub: string;
  role: Role;
  jurisdiction: string;
  org: string;
  issuer: string;
}

/**
 * One trusted regional issuer. Keys come from a JWKS URL (production), a JWKS file
 * (development issuer, air-gapped deployments) or an inline JWKS.
 */
export interface TrustedIssuer {
  issuer: string;
  audience: string;
  jwksUri?: string;
  jwksFile?: string;
  jwks?: { keys: object[] };
}

// Asymmetric algorithms only: a shared-secret (HS*) or unsigned (`none`) token is refused.
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const CLOCK_TOLERANCE_SECONDS = 5;

/** Parses `TRUSTED_ISSUERS` (a JSON array of TrustedIssuer); fails at start with a clear message. */
export function parseTrustedIssuers(json: string | undefined): TrustedIssuer[] {
  if (!json) throw new Error('TRUSTED_ISSUERS is not set: give a JSON array of {issuer, audience, jwksUri|jwksFile|jwks}');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('TRUSTED_ISSUERS is not valid JSON');
  }
  if (!Array.isArray(parsed) || parsed.length === 0) throw new Error('TRUSTED_ISSUERS must be a non-empty JSON array');
  for (const [i, entry] of parsed.entries()) {
    const e = entry as TrustedIssuer;
    if (typeof e?.issuer !== 'string' || typeof e.audience !== 'string') {
      throw new Error(`TRUSTED_ISSUERS[${i}] needs "issuer" and "audience" strings`);
    }
    if ([e.jwksUri, e.jwksFile, e.jwks].filter(Boolean).length !== 1) {
      throw new Error(`TRUSTED_ISSUERS[${i}] (${e.issuer}) needs exactly one of "jwksUri", "jwksFile", "jwks"`);
    }
  }
  return parsed as TrustedIssuer[];
}

function keySetFor(issuer: TrustedIssuer): JWTVerifyGetKey {
  if (issuer.jwksUri) return createRemoteJWKSet(new URL(issuer.jwksUri));
  const jwks = issuer.jwks ?? JSON.parse(readFileSync(issuer.jwksFile!, 'utf8'));
  return createLocalJWKSet(jwks);
}

/** Verifies bearer tokens against the trusted issuers. One per service; cheap to call per request. */
export class TokenVerifier {
  private readonly issuers: Map<string, { config: TrustedIssuer; keys: JWTVerifyGetKey }>;

  constructor(issuers: TrustedIssuer[]) {
    this.issuers = new Map(issuers.map((config) => [config.issuer, { config, keys: keySetFor(config) }]));
  }

  /**
   * No Authorization header: `null` (anonymous; public fields only).
   * A header that is not a valid token from a trusted issuer: throws UNAUTHENTICATED.
   */
  async verify(authorization: string | undefined): Promise<Caller | null> {
    if (authorization === undefined || authorization === '') return null;
    const match = /^Bearer ([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*)$/.exec(authorization);
    if (!match) throw badToken('Authorization header must be "Bearer <JWT>"');
    const token = match[1];

    let claimedIssuer: string | undefined;
    try {
      claimedIssuer = decodeJwt(token).iss;
    } catch {
      throw badToken('Bearer token is not a JWT');
    }
    const trusted = claimedIssuer ? this.issuers.get(claimedIssuer) : undefined;
    if (!trusted) throw badToken('Token issuer is not trusted');

    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, trusted.keys, {
        issuer: trusted.config.issuer,
        audience: trusted.config.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      const reason = (error as { code?: string }).code ?? 'invalid';
      throw badToken(`Token rejected (${reason})`);
    }
    return callerFromClaims(payload, trusted.config.issuer);
  }
}

function callerFromClaims(claims: Record<string, unknown>, issuer: string): Caller {
  const { sub, role, jurisdiction, org } = claims;
  if (typeof sub !== 'string' || sub === '') throw badToken('Token has no subject');
  if (!ROLES.includes(role as Role)) throw badToken('Token has no recognised role');
  if (!isCountryCode(jurisdiction)) throw badToken('Token jurisdiction is not an ISO 3166-1 alpha-2 code');
  if (typeof org !== 'string' || org === '') throw badToken('Token has no organisation');
  return { sub, role: role as Role, jurisdiction, org, issuer };
}

/** The purpose a caller declares for a request (X-Purpose), recorded in the audit trail. */
export function purposeFrom(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  return value.slice(0, 200);
}
