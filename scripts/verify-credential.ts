import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLocalJWKSet, decodeJwt, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { CREDENTIAL_TYPE, REVOCATION_LIST_TYPE } from '../subgraphs/training/credential';

// `npm run --silent verify-credential -- <jws> [--jwks <file-or-url>] [--revocations <file-or-url>] [--hub <url>]`
// checks an accreditation credential against its body's published keys — offline with a
// saved JWKS (and revocation list) — and prints the verified claims as JSON. Exit 1 with
// the reason on a bad signature, an unknown key, expiry or a listed code. Without --jwks
// the keys are fetched from the hub (`--hub`, default http://127.0.0.1:4000).

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
  const keys = createLocalJWKSet(jwksFrom(await load(values.jwks ?? `${hub}/.well-known/accreditation/${bodyId}/jwks.json`, 'JWKS')));

  let claims: JWTPayload;
  let kid: string | undefined;
  try {
    const verified = await jwtVerify(jws, keys, { typ: CREDENTIAL_TYPE, algorithms: ALGORITHMS, requiredClaims: ['exp', 'jti', 'iss'] });
    claims = verified.payload;
    kid = verified.protectedHeader.kid;
  } catch (error) {
    throw new Invalid(reason(error, 'credential'));
  }

  if (values.revocations) {
    let list: JWTPayload & { body?: string; withdrawn?: Array<{ code: string; status: string; since: string | null }> };
    try {
      list = (await jwtVerify(await load(values.revocations, 'revocation list'), keys, { typ: REVOCATION_LIST_TYPE, algorithms: ALGORITHMS, requiredClaims: ['exp', 'iat'] })).payload;
    } catch (error) {
      throw new Invalid(error instanceof Invalid ? error.message : reason(error, 'revocation list'));
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
