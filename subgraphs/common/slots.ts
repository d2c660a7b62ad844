import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Places that must never be given twice — the beds of a shelter, the one active placement
 * a victim may have — without transactions: pool `p` of capacity n is the documents
 * `p#1` … `p#n` of one collection, and a place is taken by inserting its document, which
 * the unique `_id` refuses when it exists. That is atomic on the embedded database and on
 * MongoDB alike (a guarded `$inc` is not: FerretDB applies an update as a read and a
 * write). Who holds how many places is read by `_id` (one read for many pools), so it is
 * exact, and a released place is free again at once.
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

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === 11000;
}

const placeId = (pool: string, place: number) => `${pool}#${place}`;

export class Slots {
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

  /**
   * Gives a place back, if `holder` still holds it. (Filters by `_id` alone, which every
   * backend serves from its index; only the holder itself releases or hands over a place.)
   */
  async release(pool: string, place: number, holder: string): Promise<void> {
    const doc = await this.model.findById(placeId(pool, place)).lean();
    if (doc?.holder === holder) await this.model.deleteOne({ _id: doc._id });
  }

  /** Hands a held place to another holder (e.g. a placement replaced by its transfer); false if `from` does not hold it. */
  async handOver(pool: string, place: number, from: string, to: string): Promise<boolean> {
    const doc = await this.model.findById(placeId(pool, place)).lean();
    if (doc?.holder !== from) return false;
    await this.model.updateOne({ _id: doc._id }, { $set: { holder: to } });
    return true;
  }
}
