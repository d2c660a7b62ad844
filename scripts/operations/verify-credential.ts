import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLocalJWKSet, decodeJwt, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { CREDENTIAL_TYPE, REVOCATION_LIST_TYPE } from '../../subgraphs/training/domain/credential';

// `npm run --silent verify-credential -- <jws> [--jwks <file-or-url>] [--revocations <file-or-url>] [--hub <url>]`
// checks an accreditation credential against its body's published keys — offline with a
// saved JWKS (and revocation list) — and prints the verified claims as JSON. Exit 1 with
// the reason on a bad signature, an unknown key, expiry, a key retired before the
// credential was signed, a revocation list not signed by the body's current key, or a
// listed code. Without --jwks the keys are fetched from the hub (`--hub`, default
// http://127.0.0.1:4000).

const USAGE = 'usage: verify-credential <jws | file> [--jwks <file-or-url>] [--revocations <file-or-url>] [--hub <url>]';
const TIMEOUT_MS = 5_000;
const ALGORITHMS = ['ES256', 'EdDSA'];

class Invalid extends Error {}

/** A file, or an http(s) URL fetched once. */
async function load(source: string, what: string): Promise<string> {
  if (/^https?:\/\//i.test(source)) {
    const res = await fetch(source, { signal: AbortSignal.timeout(TIMEOUT_MS) }).catch((error: Error) => {
      throw new Invalid(`the ${what} could not be fetched from ${source} (${error.name})`);
    });
    if (!res.ok) throw new Invalid(`the ${what} could not be fetched from ${source} (HTTP ${res.status})`);
    return res.text();
  }
  if (!existsSync(source)) throw new Invalid(`no ${what} file ${source}`);
  return readFileSync(source, 'utf8');
}

function jwksFrom(text: string): JSONWebKeySet {
  try {
    const jwks = JSON.parse(text) as JSONWebKeySet;
    if (!Array.isArray(jwks.keys)) throw new Error();
    return jwks;
  } catch {
    throw new Invalid('the JWKS is not a JSON Web Key Set ({"keys": [...]})');
  }
}

const dateOf = (seconds: unknown) => (typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : 'an unknown time');

/**
 * When the key `kid` was retired (its JWK's `exp`, as OpenID Federation's historical keys
 * publish it), or null while it is current. A retired key stays in the JWKS so that what
 * it signed before keeps verifying; what it "signed" later was not the body's doing.
 */
function retirementOf(jwks: JSONWebKeySet, kid: string | undefined): number | null {
  const key = jwks.keys.find((k) => k.kid === kid) as (JSONWebKeySet['keys'][number] & { exp?: unknown }) | undefined;
  if (!key || key.exp === undefined) return null;
  if (typeof key.exp !== 'number' || !Number.isFinite(key.exp)) throw new Invalid(`the JWKS gives key ${kid} a retirement time ("exp") that is not a number of seconds`);
  return key.exp;
}

/** jose's errors as the reasons a person reads. */
function reason(error: unknown, what: string): string {
  if (error instanceof errors.JWKSNoMatchingKey) return `unknown key: the ${what}'s kid is not in the JWKS (signed by another key or body)`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return `bad signature: the ${what} was changed, or not signed by this body's key`;
  if (error instanceof errors.JWTExpired) return `expired: the ${what} expired on ${new Date(Number((error.payload as JWTPayload).exp) * 1000).toISOString().slice(0, 10)}`;
  if (error instanceof errors.JWTClaimValidationFailed) return `not a valid ${what}: ${error.message}`;
  if (error instanceof errors.JOSEAlgNotAllowed) return `not a valid ${what}: its algorithm is not ES256 or EdDSA`;
  if (error instanceof errors.JOSEError) return `not a valid ${what}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { jwks: { type: 'string' }, revocations: { type: 'string' }, hub: { type: 'string' } } });
  if (positionals.length !== 1) throw new Invalid(USAGE);
  const jws = (existsSync(positionals[0]) ? readFileSync(positionals[0], 'utf8') : positionals[0]).trim();

  let bodyId: string;
  try {
    bodyId = String((decodeJwt(jws) as { certificate?: { body?: { id?: unknown } } }).certificate?.body?.id ?? '');
  } catch {
    throw new Invalid('not a credential: expected a compact JWS (three base64url parts separated by dots)');
  }
  if (!/^[0-9A-Z]{2,4}$/.test(bodyId)) throw new Invalid('not a credential: it names no accreditation body');
  const hub = (values.hub ?? 'http://127.0.0.1:4000').replace(/\/+$/, '');
  const jwks = jwksFrom(await load(values.jwks ?? `${hub}/.well-known/accreditation/${bodyId}/jwks.json`, 'JWKS'));
  const keys = createLocalJWKSet(jwks);

  let claims: JWTPayload;
  let kid: string | undefined;
  try {
    const verified = await jwtVerify(jws, keys, { typ: CREDENTIAL_TYPE, algorithms: ALGORITHMS, requiredClaims: ['exp', 'jti', 'iss', 'iat'] });
    claims = verified.payload;
    kid = verified.protectedHeader.kid;
  } catch (error) {
    throw new Invalid(reason(error, 'credential'));
  }
  // The signed issuance time decides: from `exp` on, the key no longer speaks for the body.
  const retired = retirementOf(jwks, kid);
  if (retired !== null && !(Number(claims.iat) < retired)) {
    throw new Invalid(`signed by a retired key: ${kid} was retired at ${dateOf(retired)}, and this credential was signed at ${dateOf(claims.iat)}, after that`);
  }

  if (values.revocations) {
    let list: JWTPayload & { body?: string; withdrawn?: Array<{ code: string; status: string; since: string | null }> };
    let listKid: string | undefined;
    try {
      const verified = await jwtVerify(await load(values.revocations, 'revocation list'), keys, { typ: REVOCATION_LIST_TYPE, algorithms: ALGORITHMS, requiredClaims: ['exp', 'iat'] });
      list = verified.payload;
      listKid = verified.protectedHeader.kid;
    } catch (error) {
      throw new Invalid(error instanceof Invalid ? error.message : reason(error, 'revocation list'));
    }
    // Only the current key: a list signed before a rotation, however valid its signature and
    // `exp`, may predate a revocation, and one signed after it with the old key is a forgery.
    const listRetired = retirementOf(jwks, listKid);
    if (listRetired !== null) {
      throw new Invalid(`the revocation list is signed by a retired key (${listKid}, retired at ${dateOf(listRetired)}): revocation lists are accepted only from the body's current key`);
    }
    if (list.iss !== claims.iss || list.body !== bodyId || !Array.isArray(list.withdrawn)) throw new Invalid(`the revocation list is not ${bodyId}'s`);
    const listed = list.withdrawn.find((entry) => entry.code === claims.jti);
    if (listed) throw new Invalid(`${listed.status.toLowerCase()}: ${claims.jti} is ${listed.status} since ${listed.since ?? 'an unknown date'} (revocation list of ${new Date(Number(list.iat) * 1000).toISOString()})`);
    process.stderr.write(`not revoked or suspended as of the revocation list of ${new Date(Number(list.iat) * 1000).toISOString()}\n`);
  } else {
    process.stderr.write('signature and expiry checked; revocation not checked (pass --revocations, or ask verifyCertificate online)\n');
  }
  process.stdout.write(JSON.stringify({ kid, ...claims }, null, 2) + '\n');
}

main().catch((error) => {
  process.stderr.write(`invalid: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
