import { Schema, type Connection, type Model } from 'mongoose';
import type { LockStore, SetStore } from './contracts';
import { Locks } from './locks';
import { isDuplicateKey } from './unique-ids';

/**
 * Sets by value, for keys whose value is itself personal data (an identity hash): one
 * document `{ _id: "<collection>/<key>=<value>", members: [record ids] }`, found by `_id`.
 * When its last member leaves, the document is deleted, so no trace of the value stays
 * in the database once no record holds it — which a list cannot give (its entries' ids
 * carry the value for ever). Changes of one set take its lock (locks.ts).
 */

interface SetDoc {
  _id: string;
  members: string[];
}

const setSchema = new Schema<SetDoc>({ _id: String, members: [String] }, { collection: 'keyedSets', versionKey: false });

export class KeyedSets implements SetStore {
  readonly model: Model<SetDoc>;
  private readonly locks: LockStore;

  constructor(connection: Connection) {
    this.model = connection.models.KeyedSet ?? connection.model<SetDoc>('KeyedSet', setSchema);
    this.locks = new Locks(connection);
  }

  async add(set: string, ids: string[]): Promise<void> {
    await this.locks.exclusive(`sets/${set}`, async () => {
      const current = await this.model.findById(set).lean();
      if (!current) await this.model.collection.insertOne({ _id: set, members: ids } as never);
      else await this.model.updateOne({ _id: set }, { $set: { members: [...new Set([...current.members, ...ids])] } });
    });
  }

  /** Bulk load: new sets in one insert; a set that exists already gets its members the ordinary way. */
  async addAll(groups: Map<string, string[]>): Promise<void> {
    const docs = [...groups].map(([_id, members]) => ({ _id, members }));
    if (docs.length === 0) return;
    const refused = new Set<number>();
    try {
      await this.model.collection.insertMany(docs as never[], { ordered: false });
    } catch (error) {
      if (!isDuplicateKey(error) || !error.writeErrors) throw error;
      for (const { index } of error.writeErrors) refused.add(index);
    }
    for (const index of refused) await this.add(docs[index]._id, docs[index].members);
  }

  async remove(set: string, id: string): Promise<void> {
    await this.locks.exclusive(`sets/${set}`, async () => {
      const current = await this.model.findById(set).lean();
      if (!current) return;
      const members = current.members.filter((m) => m !== id);
      if (members.length === 0) await this.model.deleteOne({ _id: set });
      else await this.model.updateOne({ _id: set }, { $set: { members } });
    });
  }

  /** The members of each set, in one read. */
  async members(sets: string[]): Promise<Map<string, string[]>> {
    const docs = sets.length ? await this.model.find({ _id: { $in: sets } }).lean() : [];
    const byId = new Map(docs.map((d) => [d._id, d.members]));
    return new Map(sets.map((set) => [set, byId.get(set) ?? []]));
  }
}
