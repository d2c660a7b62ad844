import { decodeJwt, jwtVerify, SignJWT } from 'jose';
import { badToken } from './errors';

/**
 * Tokens of the hub's own services, e.g. the shelters subgraph reading the victims
 * subgraph's erasure feed. They are not persons' tokens and are kept apart from them:
 * their own issuer, an audience per use, HMAC with SERVICE_TOKEN_KEY (a secret only the
 * subgraphs hold; the gateway does not, so it refuses them like any untrusted issuer),
 * and a lifetime of a minute. platform/auth.ts still refuses HS* for persons.
 */

export const SERVICE_ISSUER = 'justice-hub/services';

/** What a service token is for: reading the erasure feed, nudging a follower to read it now, or reading a subgraph's outbox (webhooks). */
export type ServiceAudience = 'erasure-feed' | 'erasure-nudge' | 'outbox-feed';

/** A hub service, as a verified service token names it. */
export interface ServicePrincipal {
  service: string;
  audience: ServiceAudience;
}

const LIFETIME_SECONDS = 60;
const CLOCK_TOLERANCE_SECONDS = 5;
const SERVICE_NAME = /^[a-z][a-z0-9-]{0,39}$/;

const audienceOf = (use: ServiceAudience) => `justice-hub/${use}`;

export class ServiceTokens {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  /** A fresh token of `service` for one use, valid for a minute. */
  sign(service: string, use: ServiceAudience): Promise<string> {
    if (!SERVICE_NAME.test(service)) throw new Error(`not a service name: ${service}`);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(SERVICE_ISSUER)
      .setAudience(audienceOf(use))
      .setSubject(service)
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_SECONDS}s`)
      .sign(this.key);
  }

  /**
   * The service a bearer token of the service issuer names, checked for `use`; null when
   * the header holds no service token (a person's token, or none: the caller verifies
   * those). A service token that does not verify is refused (UNAUTHENTICATED, 401).
   */
  async verify(authorization: string | undefined, use: ServiceAudience | ServiceAudience[]): Promise<ServicePrincipal | null> {
    const uses = Array.isArray(use) ? use : [use];
    const token = isServiceToken(authorization);
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: SERVICE_ISSUER,
        audience: uses.map(audienceOf),
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        maxTokenAge: LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS,
      });
      // A token signed to live longer than a minute is not one of ours.
      if ((payload.exp as number) - (payload.iat as number) > LIFETIME_SECONDS) throw new Error('lifetime');
      if (!SERVICE_NAME.test(payload.sub!)) throw new Error('subject');
      const audience = uses.find((u) => [payload.aud].flat().includes(audienceOf(u)))!;
      return { service: payload.sub!, audience };
    } catch {
      throw badToken('Service token rejected');
    }
  }
}

/** The token of an `Authorization: Bearer …` header when its issuer is the hub's services (not yet verified), else null. */
export function isServiceToken(authorization: string | undefined): string | null {
  const match = /^Bearer +([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*)$/i.exec(authorization ?? '');
  if (!match) return null;
  try {
    return decodeJwt(match[1]).iss === SERVICE_ISSUER ? match[1] : null;
  } catch {
    return null;
  }
}
