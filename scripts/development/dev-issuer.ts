import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { Role, TrustedIssuer } from '../../platform/auth';
import { DEMO_JURISDICTIONS } from '../../subgraphs/common/demo';

/**
 * A token issuer for development and tests: an ES256 key pair kept in a folder
 * (.data/dev-issuer for `npm start`; never committed). Production trusts the regional
 * issuers' own JWKS instead.
 */

export const DEV_AUDIENCE = 'justice-hub';
/** The development issuer's `iss` (demo practitioners are registered with it: subgraphs/training/seed.ts). */
export const DEV_ISSUER = 'urn:justice-hub:dev-issuer';

export interface TokenClaims {
  role: Role | string;
  jurisdiction: string;
  sub?: string;
  org?: string;
  ttlSeconds?: number;
  /** An auditor's regional oversight (jurisdictions it audits). */
  oversees?: string[];
}

export interface Issuer {
  trusted: TrustedIssuer;
  sign(claims: TokenClaims): Promise<string>;
  /** Signs exactly these claims with this header (tests of malformed tokens). */
  signRaw(payload: Record<string, unknown>, header?: Record<string, unknown>): Promise<string>;
}

/** What an issuer may assert: the jurisdictions it speaks for, and optionally the roles it grants. */
export interface IssuerScope {
  jurisdictions: string[];
  roles?: Role[];
  /** The `typ` of its access tokens (then set on every token it signs, and required by the hub). */
  typ?: string;
}

/** The development issuer speaks for the demo jurisdictions (subgraphs/common/demo.ts). */
export async function loadOrCreateIssuer(
  dir: string,
  issuer = DEV_ISSUER,
  audience = DEV_AUDIENCE,
  scope: IssuerScope = { jurisdictions: DEMO_JURISDICTIONS },
): Promise<Issuer> {
  const privatePath = path.join(dir, 'private.jwk.json');
  const jwksPath = path.join(dir, 'jwks.json');
  if (!existsSync(privatePath)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = `dev-${Date.now().toString(36)}`;
    writeFileSync(privatePath, JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'ES256' }), { mode: 0o600 });
    writeFileSync(jwksPath, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] }));
  }
  const privateJwk = JSON.parse(readFileSync(privatePath, 'utf8')) as JWK;
  const key = await importJWK(privateJwk, 'ES256');
  return {
    trusted: { issuer, audience, jwksFile: jwksPath, ...scope },
    async signRaw(payload, header = {}) {
      return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid, ...header }).sign(key);
    },
    async sign(claims: TokenClaims) {
      return new SignJWT({
        role: claims.role,
        jurisdiction: claims.jurisdiction,
        org: claims.org ?? `${claims.jurisdiction}-demo-org`,
        ...(claims.oversees ? { oversees: claims.oversees } : {}),
      })
        .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid, ...(scope.typ ? { typ: scope.typ } : {}) })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject(claims.sub ?? `${claims.role}@${claims.jurisdiction.toLowerCase()}.example`)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + (claims.ttlSeconds ?? 3600))
        .sign(key);
    },
  };
}
