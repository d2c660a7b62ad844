import { Schema, type Connection, type Model } from 'mongoose';
import type { SlotStore } from './contracts';
import { isDuplicateKey } from './unique-ids';

/**
 * Places that must never be given twice — the beds of a shelter, the one active placement
 * a victim may have — without transactions: pool `p` of capacity n is the documents
 * `p#1` … `p#n` of one collection, and a place is taken by inserting its document, which
 * the unique `_id` refuses when it exists. That is atomic on the embedded database and on
 * MongoDB alike (a guarded `$inc` is not: FerretDB applies an update as a read and a
 * write). Who holds how many places is read by `_id` (one read for many pools), so it is
 * exact, and a released place is free again at once.
 *
 * Ending a holding (a release, a hand-over) is the dangerous part: a place released by
 * `_id` alone after someone else released it and a third holder took it frees the third
 * holder's place (overbooking). So a holding is ended only under the holder's condition
 * (`{_id, holder}`), and by one ender at a time: the ender first inserts the holding's
 * ending ticket (`end:<place>:<holder>`, unique like a place), and whoever finds a ticket
 * leaves the end to its owner. Both are needed on the embedded database, which runs a
 * conditional delete or update as a read and then a write by `_id`. A holder holds a
 * place at most once (holders are fresh ids), so a late ender finds nothing to end.
 */

interface SlotDoc {
  _id: string;
  /** What holds the place (e.g. a placement id). */
  holder: string;
  at: Date;
}

const slotSchema = new Schema<SlotDoc>({ _id: String, holder: String, at: Date }, { collection: 'slots', versionKey: false });

export interface TakenPlace {
  place: number;
  holder: string;
  at: Date;
}

const placeId = (pool: string, place: number) => `${pool}#${place}`;
const endingId = (pool: string, place: number, holder: string) => `end:${placeId(pool, place)}:${holder}`;

/** An ending ticket older than this was left by a process that died while ending: it is taken over. */
const STALE_ENDING_MS = 10_000;

export class Slots implements SlotStore {
  readonly model: Model<SlotDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.Slot ?? connection.model<SlotDoc>('Slot', slotSchema);
  }

  /** The places taken in each pool, in one read. */
  async taken(pools: Array<{ pool: string; capacity: number }>): Promise<Map<string, TakenPlace[]>> {
    const ids = pools.flatMap(({ pool, capacity }) => Array.from({ length: capacity }, (_, i) => placeId(pool, i + 1)));
    const docs = ids.length ? await this.model.find({ _id: { $in: ids } }).lean() : [];
    const byId = new Map(docs.map((d) => [d._id, d]));
    return new Map(
      pools.map(({ pool, capacity }) => [
        pool,
        Array.from({ length: capacity }, (_, i) => byId.get(placeId(pool, i + 1)))
          .map((doc, i) => (doc ? { place: i + 1, holder: doc.holder, at: doc.at } : null))
          .filter((p): p is TakenPlace => p !== null),
      ]),
    );
  }

  /**
   * Takes a free place of the pool for `holder`: the free ones (as last read) in random
   * order, each by one insert, until one is granted. Null when every place is taken.
   */
  async claim(pool: string, capacity: number, holder: string, at: Date): Promise<number | null> {
    const held = new Set((await this.taken([{ pool, capacity }])).get(pool)!.map((p) => p.place));
    const free = Array.from({ length: capacity }, (_, i) => i + 1).filter((place) => !held.has(place));
    for (let i = free.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [free[i], free[j]] = [free[j], free[i]];
    }
    for (const place of free) {
      try {
        await this.model.collection.insertOne({ _id: placeId(pool, place), holder, at } as never);
        return place;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    return null;
  }

  /** Gives a place back, if `holder` still holds it (or leaves that to the ender already at work). */
  async release(pool: string, place: number, holder: string): Promise<void> {
    await this.ending(pool, place, holder, async () => {
      await this.model.deleteOne({ _id: placeId(pool, place), holder });
    });
  }

  /** Hands a held place to another holder (e.g. a placement replaced by its transfer); false if `from` does not hold it (or is being ended). */
  async handOver(pool: string, place: number, from: string, to: string): Promise<boolean> {
    const done = await this.ending(pool, place, from, async () => (await this.model.updateOne({ _id: placeId(pool, place), holder: from }, { $set: { holder: to } })).modifiedCount === 1);
    return done === true;
  }

  /** Runs `end` holding the ticket of `holder`'s holding of the place; undefined when another ender holds it. */
  private async ending<R>(pool: string, place: number, holder: string, end: () => Promise<R>): Promise<R | undefined> {
    const _id = endingId(pool, place, holder);
    for (let attempt = 0; ; attempt++) {
      const at = new Date();
      try {
        await this.model.collection.insertOne({ _id, holder, at } as never);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const ticket = await this.model.findById(_id).lean();
        if (attempt > 0 || (ticket && Date.now() - ticket.at.getTime() < STALE_ENDING_MS)) return undefined;
        if (ticket) await this.model.deleteOne({ _id, at: ticket.at });
        continue;
      }
      try {
        return await end();
      } finally {
        await this.model.deleteOne({ _id, at });
      }
    }
  }
}
