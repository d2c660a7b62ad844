import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { DenseLog, entryId } from './storage';

/**
 * Signed checkpoints of an audit chain: every N events or M seconds, the head (sequence,
 * hash, time) is signed with the deployment's Ed25519 key and stored. Whoever holds the
 * public key (served as a JWKS) can check that the chain still holds every checkpointed
 * event, unchanged: rewriting history needs the chain key and the signing key, and
 * removing the newest events is caught against the last checkpoint.
 */

export interface AuditKeys {
  /** HMAC key of the chain hashes. */
  chainKey: string;
  signingKey: KeyObject;
  publicKey: KeyObject;
  /** Key id: base64url SHA-256 of the raw public key. */
  kid: string;
}

export interface CheckpointPolicy {
  every: number;
  seconds: number;
}

export const DEFAULT_CHECKPOINTS: CheckpointPolicy = { every: 100, seconds: 300 };

export function auditKeys(chainKey: string, signingKeyPem: string): AuditKeys {
  const signingKey = createPrivateKey(signingKeyPem);
  const publicKey = createPublicKey(signingKey);
  const raw = publicKey.export({ format: 'jwk' }).x as string;
  return { chainKey, signingKey, publicKey, kid: createHash('sha256').update(raw).digest('base64url') };
}

/** The public key, as served at /.well-known/audit-jwks.json. */
export function auditJwks(keys: AuditKeys) {
  return { keys: [{ ...keys.publicKey.export({ format: 'jwk' }), kid: keys.kid, alg: 'EdDSA', use: 'sig' }] };
}

export interface Checkpoint {
  service: string;
  sequence: number;
  hash: string;
  at: Date;
  kid: string;
  /** base64url Ed25519 signature of the JSON array [service, sequence, hash, at (ISO 8601)]. */
  signature: string;
}

const LOG = 'checkpoint';

const checkpointSchema = new Schema<Checkpoint & { _id: string }>(
  { _id: String, service: String, sequence: Number, hash: String, at: Date, kid: String, signature: String },
  { collection: 'auditCheckpoints', versionKey: false },
);

function signed(c: Pick<Checkpoint, 'service' | 'sequence' | 'hash' | 'at'>): Buffer {
  return Buffer.from(JSON.stringify([c.service, c.sequence, c.hash, c.at.toISOString()]));
}

export function signatureHolds(checkpoint: Checkpoint, keys: AuditKeys): boolean {
  return checkpoint.kid === keys.kid && verify(null, signed(checkpoint), keys.publicKey, Buffer.from(checkpoint.signature, 'base64url'));
}

export class Checkpoints {
  readonly model: Model<Checkpoint & { _id: string }>;
  private readonly log: DenseLog<Checkpoint & { _id: string }>;
  private last: { sequence: number; at: number } | null = null;
  private writing: Promise<boolean> = Promise.resolve(false);

  constructor(
    connection: Connection,
    private readonly service: string,
    private readonly keys: AuditKeys,
    private readonly policy: CheckpointPolicy,
  ) {
    this.model = connection.models.AuditCheckpoint ?? connection.model<Checkpoint & { _id: string }>('AuditCheckpoint', checkpointSchema);
    this.log = new DenseLog(this.model);
  }

  private async lastOne(): Promise<{ sequence: number; at: number }> {
    if (!this.last) {
      const count = await this.log.length(LOG);
      const doc = count > 0 ? await this.model.findById(entryId(LOG, count)).lean() : null;
      this.last = doc ? { sequence: doc.sequence, at: doc.at.getTime() } : { sequence: 0, at: 0 };
    }
    return this.last;
  }

  /** After an append: a checkpoint of `head` when N events or M seconds have passed since the last one (or `force`); whether one was written. */
  maybe(head: { sequence: number; hash: string }, force = false): Promise<boolean> {
    // One at a time; a failed write does not stop the next.
    const written = this.writing.catch(() => false).then(async () => {
      const last = await this.lastOne();
      const due = head.sequence - last.sequence >= this.policy.every || Date.now() - last.at >= this.policy.seconds * 1000;
      if (head.sequence <= last.sequence || !(due || force)) return false;
      const at = new Date();
      const checkpoint = { service: this.service, sequence: head.sequence, hash: head.hash, at, kid: this.keys.kid };
      const signature = sign(null, signed(checkpoint), this.keys.signingKey).toString('base64url');
      await this.log.append(LOG, [{ ...checkpoint, signature }]);
      this.last = { sequence: head.sequence, at: at.getTime() };
      return true;
    });
    this.writing = written;
    return written;
  }

  /** Checkpoints in order, from the `from`-th (0 = the first), at most `first`. */
  async list(from: number, first: number): Promise<Checkpoint[]> {
    return this.log.read(LOG, from, first);
  }

  async all(): Promise<Checkpoint[]> {
    return (await this.log.readAll([LOG])).get(LOG)!;
  }
}
