import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Caller, TokenVerifier } from './auth';

/** Requests a minute per caller, unless configured (RATE_LIMIT_PER_MINUTE). */
export const DEFAULT_RATE_PER_MINUTE = 600;

const verifications = new WeakMap<Request, Promise<Caller | null>>();

/**
 * The request's caller, verified once per request: the rate limit asks first, the
 * GraphQL context then gets the same answer (the caller, null without a token, or the
 * same rejection with its 401) without checking the signature again.
 */
export function verifiedCaller(verifier: TokenVerifier, request: Request): Promise<Caller | null> {
  let verification = verifications.get(request);
  if (!verification) verifications.set(request, (verification = verifier.verify(request.headers.authorization)));
  return verification;
}

/**
 * Who a request counts against: a caller whose token verified (its issuer and subject),
 * else the client address. A token is never just decoded here: one that does not verify
 * (forged, expired, of an untrusted issuer) counts against the address it came from, so
 * nobody can use up another caller's quota with tokens that merely name that caller.
 */
async function callerKey(verifier: TokenVerifier, request: Request): Promise<string> {
  const caller = await verifiedCaller(verifier, request).catch(() => null); // refused with 401 right after
  return caller ? `caller:${caller.issuer}|${caller.sub}` : `ip:${ipKeyGenerator(request.ip ?? 'unknown')}`;
}

/** A fixed window of one minute per caller (express-rate-limit, in memory per instance); 429 past it. */
export function perCallerRateLimit(perMinute: number, verifier: TokenVerifier): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (request) => callerKey(verifier, request),
    handler: (_req, res) => {
      res.status(429).json({ errors: [{ message: `Too many requests: at most ${perMinute} a minute per caller`, extensions: { code: 'RATE_LIMITED' } }] });
    },
  });
}
