import { Schema, type Connection, type Model } from 'mongoose';
import { conflict } from '../../../platform/errors';
import { databaseUnavailable } from '../../../platform/http';
import type { LockStore } from './contracts';
import { insertUnlessTaken, isDuplicateKey } from './unique-ids';

/**
 * Locks by name, across processes: the embedded database applies an update as a read and
 * a write (no atomic compare-and-set), so a change that reads a record to decide what to
 * write takes the record's lock. A lock is a document with a unique `_id` in `recordLocks`;
 * one left behind by a process that died is broken once stale.
 */

interface LockDoc {
  _id: string;
  at: Date;
}

const lockSchema = new Schema<LockDoc>({ _id: String, at: Date }, { collection: 'recordLocks', versionKey: false });

/** A lock older than this is taken to be left by a process that died holding it. */
export const STALE_LOCK_MS = 10_000;
const LOCK_WAIT_MS = 15_000;

export class Locks implements LockStore {
  readonly model: Model<LockDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.RecordLock ?? connection.model<LockDoc>('RecordLock', lockSchema);
  }

  async init(): Promise<void> {
    await this.model.init();
  }

  /** Runs `work` while holding the lock named `key`, in any process; CONFLICT when it stays held too long. */
  async exclusive<R>(key: string, work: () => Promise<R>): Promise<R> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      const at = new Date();
      try {
        await this.model.collection.insertOne({ _id: key, at } as never);
        break;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const held = await this.model.findById(key).lean();
      if (held && at.getTime() - held.at.getTime() > STALE_LOCK_MS) await this.model.deleteOne({ _id: key, at: held.at });
      // The caller's answer: CONFLICT, try again (the key is not said: it may carry a keyed hash of personal data).
      else if (Date.now() > deadline) throw conflict(`This record is busy: another change of it did not finish within ${LOCK_WAIT_MS / 1000} s; nothing was changed, try again`);
      else await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8));
    }
    let failure: unknown;
    try {
      return await work();
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      const release = this.model.deleteOne({ _id: key }).exec();
      // When the database stopped answering, the release would wait out server selection
      // too (storage/db.ts) before the caller hears: it goes on without the caller, and a
      // lock it cannot remove is broken once stale.
      if (failure !== undefined && databaseUnavailable(failure)) release.catch(() => {});
      else await release;
    }
  }

  /**
   * Takes at once those of the locks `keys` that are free (one insert), for a bulk change:
   * the caller changes what they guard, then releases them with `releaseAll`, well within
   * STALE_LOCK_MS; a lock held elsewhere is not waited for (the caller takes it alone).
   */
  async holdAll(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const at = new Date();
    const refused = new Set((await insertUnlessTaken(this.model.collection, keys.map((key) => ({ _id: key, at })))).map((lock) => lock._id));
    return new Set(keys.filter((key) => !refused.has(key)));
  }

  async releaseAll(keys: Iterable<string>): Promise<void> {
    const all = [...keys];
    if (all.length > 0) await this.model.deleteMany({ _id: { $in: all } });
  }

  /** Whether the lock named `key` is held now (by a live process: a stale lock does not count). */
  async isHeld(key: string): Promise<boolean> {
    const held = await this.model.findById(key).lean();
    return held !== null && Date.now() - held.at.getTime() <= STALE_LOCK_MS;
  }
}
