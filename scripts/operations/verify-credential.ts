import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLocalJWKSet, decodeJwt, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { CREDENTIAL_TYPE } from '../../subgraphs/training/domain/credential';
import { bitOf } from '../../subgraphs/training/domain/status-list';

// `npm run --silent verify-credential -- <vc+jwt | file> [--jwks <file-or-url>] [--hub <url>]
//   [--status-list <file-or-url>]… [--no-status-check]`
// checks an accreditation credential (a W3C Verifiable Credential 2.0, an Open Badges 3.0
// OpenBadgeCredential secured as vc+jwt) against its body's published keys — offline with
// a saved JWKS and saved status lists — and prints the verified credential as JSON. Exit 1
// with the reason on a bad signature, an unknown key, expiry, a key retired before the
// credential was signed, or a credential revoked or suspended by its body's Bitstring
// Status Lists; exit 2 when its status could not be checked (a list not reachable, not
// the body's, not signed by its current key or out of date), unless --no-status-check.
// Without --jwks the keys are fetched from the hub (`--hub`, default
// http://127.0.0.1:4000); the status lists from the credential's `credentialStatus`
// URLs, unless saved ones with the same ids are given with --status-list.

const USAGE = 'usage: verify-credential <vc+jwt | file> [--jwks <file-or-url>] [--hub <url>] [--status-list <file-or-url>]… [--no-status-check]';
const TIMEOUT_MS = 5_000;
const ALGORITHMS = ['ES256', 'EdDSA'];
const STATUS_LIST_TYPE = 'BitstringStatusListCredential';

class Invalid extends Error {}
/** The credential verified, but whether its body withdrew it could not be told. */
class StatusUnknown extends Error {}

/** A file, or an http(s) URL fetched once; what cannot be had is `Failure`. */
async function load(source: string, what: string, Failure: new (message: string) => Error = Invalid): Promise<string> {
  if (/^https?:\/\//i.test(source)) {
    const res = await fetch(source, { signal: AbortSignal.timeout(TIMEOUT_MS) }).catch((error: Error) => {
      throw new Failure(`the ${what} could not be fetched from ${source} (${error.name})`);
    });
    if (!res.ok) throw new Failure(`the ${what} could not be fetched from ${source} (HTTP ${res.status})`);
    return res.text();
  }
  if (!existsSync(source)) throw new Failure(`no ${what} file ${source}`);
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

interface StatusEntry {
  type?: unknown;
  statusPurpose?: unknown;
  statusListIndex?: unknown;
  statusListCredential?: unknown;
}

type Credential = JWTPayload & { type?: unknown; issuer?: { id?: unknown } | string; credentialStatus?: StatusEntry | StatusEntry[] };

const typesOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
const issuerIdOf = (vc: Credential): string => String(typeof vc.issuer === 'string' ? vc.issuer : vc.issuer?.id ?? '');

/**
 * A status list accepted for this credential: signed by the body's current key (a list
 * signed before a rotation may predate a withdrawal, one signed after it with the old key
 * is a forgery), of the same issuer, for the entry's purpose, not past `validUntil`.
 * Anything less leaves the status unknown.
 */
async function checkedList(jwt: string, jwks: JSONWebKeySet, issuer: string, entry: { purpose: string; url: string }): Promise<{ encodedList: string; validFrom: string }> {
  let list: JWTPayload & { id?: unknown; type?: unknown; issuer?: unknown; validFrom?: unknown; validUntil?: unknown; credentialSubject?: { statusPurpose?: unknown; encodedList?: unknown } };
  let kid: string | undefined;
  try {
    const verified = await jwtVerify(jwt.trim(), createLocalJWKSet(jwks), { typ: CREDENTIAL_TYPE, algorithms: ALGORITHMS, requiredClaims: ['exp', 'iat'] });
    list = verified.payload;
    kid = verified.protectedHeader.kid;
  } catch (error) {
    throw new StatusUnknown(reason(error, `${entry.purpose} status list`));
  }
  const retired = retirementOf(jwks, kid);
  if (retired !== null) throw new StatusUnknown(`the ${entry.purpose} status list is signed by a retired key (${kid}, retired at ${dateOf(retired)}): status lists are accepted only from the body's current key`);
  if (!typesOf(list.type).includes(STATUS_LIST_TYPE)) throw new StatusUnknown(`${entry.url} is not a ${STATUS_LIST_TYPE}`);
  if (list.issuer !== issuer || list.id !== entry.url) throw new StatusUnknown(`the ${entry.purpose} status list is not ${issuer}'s list ${entry.url}`);
  if (typeof list.validUntil === 'string' && Date.parse(list.validUntil) <= Date.now()) throw new StatusUnknown(`the ${entry.purpose} status list expired at ${list.validUntil}`);
  const subject = list.credentialSubject;
  if (subject?.statusPurpose !== entry.purpose || typeof subject.encodedList !== 'string') throw new StatusUnknown(`the ${entry.purpose} status list does not list ${entry.purpose}s`);
  return { encodedList: subject.encodedList, validFrom: String(list.validFrom ?? dateOf(list.iat)) };
}

/** Saved lists (`--status-list`), by their `id`. */
async function savedLists(sources: string[]): Promise<Map<string, string>> {
  const byId = new Map<string, string>();
  for (const source of sources) {
    const jwt = (await load(source, 'status list', StatusUnknown)).trim();
    let id: unknown;
    try {
      id = (decodeJwt(jwt) as { id?: unknown }).id;
    } catch {
      throw new StatusUnknown(`${source} is not a status list credential (a vc+jwt)`);
    }
    byId.set(String(id), jwt);
  }
  return byId;
}

/** Each `BitstringStatusListEntry` of the credential checked: a set bit is a withdrawal (Invalid); what cannot be checked, StatusUnknown. */
async function checkStatus(vc: Credential, jwks: JSONWebKeySet, saved: Map<string, string>): Promise<string[]> {
  const entries = typesOf(vc.credentialStatus ?? []).filter((e): e is StatusEntry => typeof e === 'object' && e !== null && (e as StatusEntry).type === 'BitstringStatusListEntry');
  if (entries.length === 0) throw new StatusUnknown('the credential names no BitstringStatusListEntry in credentialStatus');
  const checked: string[] = [];
  for (const entry of entries) {
    const purpose = String(entry.statusPurpose);
    const url = String(entry.statusListCredential);
    const index = Number(entry.statusListIndex);
    if (!/^[0-9]+$/.test(String(entry.statusListIndex)) || !Number.isSafeInteger(index)) throw new StatusUnknown(`the ${purpose} entry's statusListIndex is not a number`);
    const jwt = saved.get(url) ?? (saved.size > 0 ? null : await load(url, `${purpose} status list`, StatusUnknown));
    if (jwt === null) throw new StatusUnknown(`no saved status list ${url} (--status-list)`);
    const list = await checkedList(jwt, jwks, issuerIdOf(vc), { purpose, url });
    let set: boolean;
    try {
      set = bitOf(list.encodedList, index);
    } catch (error) {
      throw new StatusUnknown(`the ${purpose} status list cannot be read: ${(error as Error).message}`);
    }
    if (set) throw new Invalid(`${purpose === 'revocation' ? 'revoked' : purpose === 'suspension' ? 'suspended' : `withdrawn (${purpose})`}: ${vc.id} is set in the ${purpose} status list of ${list.validFrom}`);
    checked.push(`${purpose} (list of ${list.validFrom})`);
  }
  return checked;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { jwks: { type: 'string' }, hub: { type: 'string' }, 'status-list': { type: 'string', multiple: true }, 'no-status-check': { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new Invalid(USAGE);
  const jws = (existsSync(positionals[0]) ? readFileSync(positionals[0], 'utf8') : positionals[0]).trim();

  let decoded: Credential;
  try {
    decoded = decodeJwt(jws) as Credential;
  } catch {
    throw new Invalid('not a credential: expected a vc+jwt (a compact JWS: three base64url parts separated by dots)');
  }
  if (!typesOf(decoded.type).includes('OpenBadgeCredential')) throw new Invalid('not a credential: its type is not OpenBadgeCredential');
  const bodyId = /\/\.well-known\/accreditation\/([0-9A-Z]{2,4})$/.exec(issuerIdOf(decoded))?.[1];
  if (!bodyId) throw new Invalid('not a credential: its issuer is no accreditation body');
  const hub = (values.hub ?? 'http://127.0.0.1:4000').replace(/\/+$/, '');
  const jwks = jwksFrom(await load(values.jwks ?? `${hub}/.well-known/accreditation/${bodyId}/jwks.json`, 'JWKS'));

  let vc: Credential;
  let kid: string | undefined;
  try {
    const verified = await jwtVerify(jws, createLocalJWKSet(jwks), { typ: CREDENTIAL_TYPE, algorithms: ALGORITHMS, requiredClaims: ['exp', 'jti', 'iss', 'iat'] });
    vc = verified.payload as Credential;
    kid = verified.protectedHeader.kid;
  } catch (error) {
    throw new Invalid(reason(error, 'credential'));
  }
  if (vc.iss !== issuerIdOf(vc)) throw new Invalid('not a valid credential: its "iss" is not its issuer\'s id');
  // The signed issuance time decides: from `exp` on, the key no longer speaks for the body.
  const retired = retirementOf(jwks, kid);
  if (retired !== null && !(Number(vc.iat) < retired)) {
    throw new Invalid(`signed by a retired key: ${kid} was retired at ${dateOf(retired)}, and this credential was signed at ${dateOf(vc.iat)}, after that`);
  }

  if (values['no-status-check']) {
    process.stderr.write('signature and expiry checked; status not checked (--no-status-check): ask verifyCertificate online, or check its status lists\n');
  } else {
    const checked = await checkStatus(vc, jwks, await savedLists(values['status-list'] ?? []));
    process.stderr.write(`not revoked or suspended: ${checked.join(', ')}\n`);
  }
  process.stdout.write(JSON.stringify({ kid, ...vc }, null, 2) + '\n');
}

main().catch((error) => {
  if (error instanceof StatusUnknown) {
    process.stderr.write(`status unknown: ${error.message} (pass --no-status-check to accept it without)\n`);
    process.exit(2);
  }
  process.stderr.write(`invalid: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
