import { readFileSync } from 'node:fs';
import { z } from 'zod';
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
  'registrar',
  'defence_counsel',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles that act only where they are appointed, never for their jurisdiction (decision
 * 111): defence counsel. A record is known to them only on a basis that names them (an
 * appointment in its proceeding), never because it is of their jurisdiction, and they
 * read even CASE fields only of records they may know of (subgraphs/common/access.ts);
 * every other record of the hub answers to them as an unknown id.
 */
export const APPOINTED_ROLES: readonly Role[] = ['defence_counsel'];

/** Who is asking: only ever built from a verified token. */
export interface Caller {
  sub: string;
  role: Role;
  jurisdiction: string;
  org: string;
  issuer: string;
  /** For an auditor: the jurisdictions whose records it audits (its own, or a regional body's `oversees` claim). */
  oversight: string[];
}

/**
 * One trusted regional issuer, and what it may assert: the jurisdictions it speaks for
 * and, optionally, the roles it may grant. Keys come from a JWKS URL (production), a JWKS
 * file (development issuer, air-gapped deployments) or an inline JWKS.
 */
const trustedIssuerSchema = z
  .object({
    issuer: z.string().min(1),
    audience: z.string().min(1),
    /** ISO 3166-1 alpha-2 codes: a token claiming another jurisdiction is refused. */
    jurisdictions: z.array(z.string().refine(isCountryCode, 'must be ISO 3166-1 alpha-2 codes')).min(1, 'must name the jurisdictions the issuer speaks for'),
    /** Roles it may grant (default: any). */
    roles: z.array(z.enum(ROLES)).min(1).optional(),
    /** The JWT `typ` its access tokens carry (e.g. "at+jwt"): then any other typ, such as an ID token's, is refused. */
    typ: z.string().min(1).optional(),
    /** Tokens issued longer ago than this are refused (default 12 hours). */
    maxTokenAgeSeconds: z.number().int().positive().optional(),
    jwksUri: z.url({ protocol: /^https?$/ }).optional(),
    jwksFile: z.string().min(1).optional(),
    jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1) }).optional(),
  })
  .strict()
  .refine((e) => [e.jwksUri, e.jwksFile, e.jwks].filter(Boolean).length === 1, 'needs exactly one of "jwksUri", "jwksFile", "jwks"');

export type TrustedIssuer = z.infer<typeof trustedIssuerSchema>;

// Asymmetric algorithms only: a shared-secret (HS*) or unsigned (`none`) token is refused.
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const CLOCK_TOLERANCE_SECONDS = 5;
const MAX_TOKEN_AGE_SECONDS = 12 * 3600;

/** Parses `TRUSTED_ISSUERS` (a JSON array of TrustedIssuer); fails at start with a message naming the entry and field. */
export function parseTrustedIssuers(json: string | undefined): TrustedIssuer[] {
  if (!json) throw new Error('TRUSTED_ISSUERS is not set: give a JSON array of {issuer, audience, jurisdictions, jwksUri|jwksFile|jwks}');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('TRUSTED_ISSUERS is not valid JSON');
  }
  const result = z.array(trustedIssuerSchema).min(1, 'must be a non-empty JSON array').safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    throw new Error(`TRUSTED_ISSUERS${where} ${issue.message}`);
  }
  return result.data;
}

function keySetFor(issuer: TrustedIssuer): JWTVerifyGetKey {
  if (issuer.jwksUri) return createRemoteJWKSet(new URL(issuer.jwksUri));
  const jwks = issuer.jwks ?? JSON.parse(readFileSync(issuer.jwksFile!, 'utf8'));
  return createLocalJWKSet(jwks);
}

/** How long a verified token is taken again without checking its signature (its time claims are checked every time). */
const VERIFIED_FOR_MS = 60_000;
const VERIFIED_MAX = 10_000;

interface Verified {
  caller: Caller;
  exp: number;
  /** When the token is too old (`iat` + the issuer's maximum age), in seconds. */
  tooOldAt: number;
  until: number;
}

/**
 * Verifies bearer tokens against the trusted issuers. One per service; cheap to call per
 * request: a token that verified is remembered for a minute (at most 10,000 of them), so
 * a client's requests, and the gateway's hops to several subgraphs with the same token,
 * pay for the signature once (about 0.3 ms each). Expiry and maximum age are checked on
 * every request all the same; a key withdrawn from a JWKS stops being honoured within the
 * minute (jose keeps a fetched JWKS for ten).
 */
export class TokenVerifier {
  private readonly issuers: Map<string, { config: TrustedIssuer; keys: JWTVerifyGetKey }>;
  private readonly verified = new Map<string, Verified>();

  constructor(issuers: TrustedIssuer[]) {
    this.issuers = new Map(issuers.map((config) => [config.issuer, { config, keys: keySetFor(config) }]));
  }

  private remembered(token: string): Caller | undefined {
    const known = this.verified.get(token);
    if (!known) return undefined;
    const seconds = Date.now() / 1000;
    if (Date.now() < known.until && seconds < known.exp + CLOCK_TOLERANCE_SECONDS && seconds < known.tooOldAt + CLOCK_TOLERANCE_SECONDS) return known.caller;
    this.verified.delete(token); // verified again below, and refused if it has expired
    return undefined;
  }

  private remember(token: string, caller: Caller, payload: Record<string, unknown>, maxAgeSeconds: number): void {
    if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value!); // the oldest
    const iat = payload.iat as number;
    this.verified.set(token, { caller, exp: payload.exp as number, tooOldAt: iat + maxAgeSeconds, until: Date.now() + VERIFIED_FOR_MS });
  }

  /**
   * No Authorization header: `null` (anonymous; public fields only).
   * A header that is not a valid token from a trusted issuer: throws UNAUTHENTICATED.
   */
  async verify(authorization: string | undefined): Promise<Caller | null> {
    if (authorization === undefined || authorization === '') return null;
    const match = /^Bearer +([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*)$/i.exec(authorization);
    if (!match) throw badToken('Authorization header must be "Bearer <JWT>"');
    const token = match[1];
    const known = this.remembered(token);
    if (known) return known;

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
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        maxTokenAge: trusted.config.maxTokenAgeSeconds ?? MAX_TOKEN_AGE_SECONDS,
        ...(trusted.config.typ ? { typ: trusted.config.typ } : {}),
      }));
    } catch (error) {
      const { code, claim, reason } = error as { code?: string; claim?: string; reason?: string };
      throw badToken(claim ? `Token rejected: "${claim}" ${reason === 'check_failed' ? 'check failed' : (reason ?? 'invalid')}` : `Token rejected (${code ?? 'invalid'})`);
    }
    const caller = callerFromClaims(payload, trusted.config);
    this.remember(token, caller, payload, trusted.config.maxTokenAgeSeconds ?? MAX_TOKEN_AGE_SECONDS);
    return caller;
  }
}

/** The caller, from claims the issuer may make: its jurisdictions and roles bound what a token can assert. */
function callerFromClaims(claims: Record<string, unknown>, trusted: TrustedIssuer): Caller {
  const { sub, role, jurisdiction, org, oversees } = claims;
  if (typeof sub !== 'string' || sub === '') throw badToken('Token has no subject');
  if (!ROLES.includes(role as Role)) throw badToken('Token has no recognised role');
  if (!isCountryCode(jurisdiction)) throw badToken('Token jurisdiction is not an ISO 3166-1 alpha-2 code');
  if (typeof org !== 'string' || org === '') throw badToken('Token has no organisation');
  if (!trusted.jurisdictions.includes(jurisdiction)) {
    throw badToken(`Token claims jurisdiction "${jurisdiction}", which issuer ${trusted.issuer} does not speak for`);
  }
  if (trusted.roles && !trusted.roles.includes(role as Role)) {
    throw badToken(`Token claims role "${String(role)}", which issuer ${trusted.issuer} may not grant`);
  }
  let oversight = role === 'auditor' ? [jurisdiction] : [];
  if (oversees !== undefined) {
    if (role !== 'auditor') throw badToken('Token claims "oversees", which only an auditor may hold');
    if (!Array.isArray(oversees) || oversees.length === 0 || !oversees.every(isCountryCode)) {
      throw badToken('Token claim "oversees" must be a non-empty list of ISO 3166-1 alpha-2 codes');
    }
    const outside = oversees.find((code) => !trusted.jurisdictions.includes(code));
    if (outside) throw badToken(`Token claims oversight of "${outside}", which issuer ${trusted.issuer} does not speak for`);
    oversight = [...new Set(oversees as string[])];
  }
  // Frozen: one caller serves every request that carries the same token.
  return Object.freeze({ sub, role: role as Role, jurisdiction, org, issuer: trusted.issuer, oversight: Object.freeze(oversight) as string[] });
}

