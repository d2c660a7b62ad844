import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { AnswerStore, Claim } from './contracts';
import { isDuplicateKey } from './unique-ids';

/**
 * Answers kept under a client's key, so a retried request is answered once (the
 * Idempotency-Key of common/idempotency.ts). A key is claimed by inserting its document:
 * the unique `_id` refuses a second claimant, even in another process, so two concurrent
 * requests with one key never both run. The claimant then keeps its answer, or releases
 * the key when it changed nothing (a retry is then a new attempt).
 *
 * An answer may hold personal data, so it is kept encrypted (AES-256-GCM) under the
 * collection's current answer key, a random key in its own document; withholding every
 * answer (an erasure) replaces that key, one write however many answers are kept: what
 * was encrypted under the old key can never be read again (crypto-shredding). A claim
 * records the key it started under (as its process last read it), and an answer is kept
 * only under the key that is current when it is kept and only if that is the claim's, so
 * a request running across an erasure keeps nothing. Rewriting every answer instead took 14 s at 10,000 keys on the embedded
 * database (docs/benchmarks.md). Everything here reads and writes by `_id`, but the sweep
 * of expired keys, which scans the collection (bounded by the expiry) off the request path.
 */

interface AnswerDoc {
  _id: string;
  /** What the request was (its operation, variables and purpose, hashed): the same key for another request is refused. */
  fingerprint: string;
  state: 'RUNNING' | 'ANSWERED' | 'WITHHELD';
  /** The answer key the claim was made under. */
  keyId: string;
  /** The answer as sent (JSON), encrypted: iv, tag and ciphertext, base64. */
  answer?: string;
  at: Date;
  expiresAt: Date;
}

interface AnswerKeyDoc {
  _id: typeof ANSWER_KEY;
  keyId: string;
  key: string;
}

/** The one document that is no claim (claims are hashes, hexadecimal). */
const ANSWER_KEY = '~answer-key';

const answerSchema = new Schema({ _id: String, fingerprint: String, state: String, keyId: String, answer: String, at: Date, expiresAt: Date, key: String }, { collection: 'idempotencyKeys', versionKey: false });

const newKey = (): AnswerKeyDoc => ({ _id: ANSWER_KEY, keyId: randomBytes(8).toString('hex'), key: randomBytes(32).toString('base64') });

function seal(plain: string, key: AnswerKeyDoc): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key.key, 'base64'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64')).join('.');
}

function open(sealed: string, key: AnswerKeyDoc): string {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key.key, 'base64'), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

export class KeptAnswers implements AnswerStore {
  readonly model: Model<AnswerDoc>;
  /** The answer key as this process last read or made it. */
  private current?: AnswerKeyDoc;

  constructor(connection: Connection) {
    this.model = connection.models.IdempotencyKey ?? connection.model<AnswerDoc>('IdempotencyKey', answerSchema as Schema<AnswerDoc>);
  }

  async claim(id: string, fingerprint: string, now: Date, expiresAt: Date): Promise<Claim> {
    // Under the answer key as this process last read it: if another process has replaced it
    // since, the claim's key is older than the current one and `keep` keeps nothing (safe).
    const keyId = (this.current ??= (await this.read(ANSWER_KEY))[1]).keyId;
    // Twice at most: an expired key is removed (only if unchanged meanwhile) and claimed anew.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        await this.model.collection.insertOne({ _id: id, fingerprint, state: 'RUNNING', keyId, at: now, expiresAt } as never);
        return { outcome: 'CLAIMED' };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const [kept, key] = await this.read(id);
      if (!kept) continue; // released meanwhile: claim it
      if (kept.expiresAt.getTime() <= now.getTime()) {
        await this.model.deleteOne({ _id: id, at: kept.at });
        continue;
      }
      if (kept.fingerprint !== fingerprint) return { outcome: 'OTHER_REQUEST', at: kept.at };
      if (kept.state === 'RUNNING') return { outcome: 'RUNNING', at: kept.at };
      if (kept.state === 'ANSWERED' && kept.answer !== undefined && kept.keyId === key.keyId) return { outcome: 'ANSWERED', answer: open(kept.answer, key), at: kept.at };
      return { outcome: 'WITHHELD', at: kept.at };
    }
    return { outcome: 'RUNNING', at: now }; // claimed by another request between our two attempts
  }

  async keep(id: string, answer: string): Promise<void> {
    const [claim, key] = await this.read(id);
    if (claim?.state !== 'RUNNING') return;
    // A claim made under a key since replaced (an erasure meanwhile) keeps nothing: its answer may hold what was erased.
    const change = claim.keyId === key.keyId ? { state: 'ANSWERED', answer: seal(answer, key) } : { state: 'WITHHELD' };
    await this.model.updateOne({ _id: id, state: 'RUNNING' }, { $set: change });
  }

  async release(id: string): Promise<void> {
    await this.model.deleteOne({ _id: id, state: 'RUNNING' });
  }

  async withholdAll(): Promise<void> {
    const key = newKey();
    await this.model.collection.replaceOne({ _id: ANSWER_KEY } as never, key as never, { upsert: true });
    this.current = key;
  }

  async sweep(now: Date): Promise<number> {
    const { deletedCount } = await this.model.deleteMany({ expiresAt: { $lte: now } });
    return deletedCount;
  }

  /** The claim of `id` (if any) and the current answer key (made on first use), in one read; the key is remembered. */
  private async read(id: string): Promise<[AnswerDoc | undefined, AnswerKeyDoc]> {
    const docs = (await this.model.find({ _id: { $in: [id, ANSWER_KEY] } }).lean()) as unknown as Array<AnswerDoc | AnswerKeyDoc>;
    const claim = docs.find((d): d is AnswerDoc => d._id === id && id !== ANSWER_KEY);
    const key = docs.find((d): d is AnswerKeyDoc => d._id === ANSWER_KEY);
    if (key) return [claim, (this.current = key)];
    const made = newKey();
    try {
      await this.model.collection.insertOne(made as never);
      return [claim, (this.current = made)];
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return [claim, (this.current = (await this.model.collection.findOne({ _id: ANSWER_KEY } as never)) as unknown as AnswerKeyDoc)]; // made meanwhile by another process
    }
  }
}
