import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isBodyId } from './code';

/**
 * The accreditation bodies' signing keys. The private halves live outside the database,
 * one PEM file per key in a directory of their own (`ACCREDITATION_KEY_DIR`:
 * `<dir>/<bodyId>/<kid>.pem`, readable by this service only); the database and the graph
 * hold only the public halves (the JWKS). A body gets a key when it is established and
 * one more on each rotation; old ones stay published, so credentials they signed before
 * their retirement keep verifying. Every instance of the subgraph must see the same
 * directory (a shared volume, or a secret store mounted as files).
 */

export const CREDENTIAL_ALG = 'ES256';

/** The public half of a P-256 key, as a JWK. */
export interface PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

/** A body's signing key as the database keeps it: its id, public half and when it was made. */
export interface SigningKeyRecord {
  kid: string;
  alg: string;
  jwk: PublicJwk;
  createdAt: Date;
  createdBy: string;
}

/** A private key this instance cannot read (a volume not shared, a file removed): nothing is signed. */
export class SigningKeyMissing extends Error {
  override name = 'SigningKeyMissing';
}

/** RFC 7638 thumbprint: the key's id is derived from the key itself. */
function thumbprint(jwk: PublicJwk): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

export class SigningKeys {
  private readonly cache = new Map<string, KeyObject>();

  constructor(readonly dir: string) {}

  private fileOf(bodyId: string, kid: string): string {
    // Both are checked before they become a path: nothing outside the directory is reached.
    if (!isBodyId(bodyId) || !/^[A-Za-z0-9_-]{43}$/.test(kid)) throw new Error('not a signing key of an accreditation body');
    return path.join(this.dir, bodyId, `${kid}.pem`);
  }

  /** A new key pair of a body: the private half written (complete or not at all), the public half returned for the database. */
  create(bodyId: string, createdBy: string, at: Date): SigningKeyRecord {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const { x, y } = publicKey.export({ format: 'jwk' });
    const jwk: PublicJwk = { kty: 'EC', crv: 'P-256', x: x!, y: y! };
    const kid = thumbprint(jwk);
    const file = this.fileOf(bodyId, kid);
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
    writeFileSync(partial, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    renameSync(partial, file);
    this.cache.set(file, privateKey);
    return { kid, alg: CREDENTIAL_ALG, jwk, createdAt: at, createdBy };
  }

  /** Removes a key whose public half never reached the database (a failed rotation). */
  discard(bodyId: string, kid: string): void {
    const file = this.fileOf(bodyId, kid);
    this.cache.delete(file);
    rmSync(file, { force: true });
  }

  /** The private half of a body's key, read once per process. */
  privateKey(bodyId: string, kid: string): KeyObject {
    const file = this.fileOf(bodyId, kid);
    let key = this.cache.get(file);
    if (!key) {
      if (!existsSync(file)) throw new SigningKeyMissing(`the signing key ${kid} of ${bodyId} is not in this service's key directory`);
      key = createPrivateKey(readFileSync(file));
      this.cache.set(file, key);
    }
    return key;
  }
}

/** A signing key and when it was retired: when the next one took over (null while it is current). */
export type KeyWithRetirement = SigningKeyRecord & { retiredAt: Date | null };

/** Keys are kept oldest first and a rotation appends the new one, so a key retires when its successor is made. */
export function keysWithRetirement(body: { keys: SigningKeyRecord[]; currentKid: string }): KeyWithRetirement[] {
  return body.keys.map((key, i) => ({ ...key, retiredAt: key.kid === body.currentKid ? null : (body.keys[i + 1]?.createdAt ?? key.createdAt) }));
}

/**
 * A body's published keys: every one it ever had, so what they signed keeps verifying,
 * each with `iat` (made) and, once retired, `exp` — as OpenID Federation's historical
 * keys do: a retired key verifies only what it signed before `exp`, and no revocation
 * list (scripts/operations/verify-credential.ts). `exp` is rounded up to the second, so nothing
 * signed before the rotation is ever refused; generic JOSE libraries ignore both.
 */
export function jwksOf(body: { keys: SigningKeyRecord[]; currentKid: string }) {
  return {
    keys: keysWithRetirement(body).map((k) => ({
      ...k.jwk,
      kid: k.kid,
      alg: k.alg,
      use: 'sig',
      iat: Math.floor(k.createdAt.getTime() / 1000),
      ...(k.retiredAt ? { exp: Math.ceil(k.retiredAt.getTime() / 1000) } : {}),
    })),
  };
}

/** A body's keys as the graph shows them: oldest first, which one is current, and when each other one retired. */
export function signingKeysOf(body: { keys: SigningKeyRecord[]; currentKid: string }) {
  return keysWithRetirement(body).map((k) => ({ kid: k.kid, alg: k.alg, createdAt: k.createdAt, current: k.kid === body.currentKid, retiredAt: k.retiredAt }));
}
