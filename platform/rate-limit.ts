import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { decodeJwt } from 'jose';

/** Requests a minute per caller, unless configured (RATE_LIMIT_PER_MINUTE). */
export const DEFAULT_RATE_PER_MINUTE = 600;

/**
 * Who a request counts against: the token's issuer and subject, else the client address.
 * The token is only decoded here; it is verified right after, so a forged one is refused
 * (401) whatever it claims.
 */
function callerKey(request: Request): string {
  const token = /^bearer +(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (token) {
    try {
      const { iss, sub } = decodeJwt(token);
      if (iss && sub) return `token:${iss}|${sub}`;
    } catch {
      // not a JWT: counted by address, and refused by verification
    }
  }
  return `ip:${ipKeyGenerator(request.ip ?? 'unknown')}`;
}

/** A fixed window of one minute per caller (express-rate-limit, in memory per instance); 429 past it. */
export function perCallerRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: callerKey,
    handler: (_req, res) => {
      res.status(429).json({ errors: [{ message: `Too many requests: at most ${perMinute} a minute per caller`, extensions: { code: 'RATE_LIMITED' } }] });
    },
  });
}
