import DataLoader from 'dataloader';
import type { Model } from 'mongoose';
import { databaseUnavailable } from '../../../platform/http';
import type { ListedRecords } from './contracts';
import { listOf } from './dense-log';
import { listsOf, type ListEntry, type Lists } from './lists';
import { asEntity, type Entity } from './loaders';
import { KeyedSets } from './sets';
import { newId } from '../validate';

/** Records read at once by `relist`. */
const RELIST_BATCH = 500;

/**
 * A collection whose records are kept in lists (lists.ts) by the keys it declares,
 * e.g. victims by `jurisdiction`: a key maps a record to the values it is listed under
 * (none, one, or several for an array field). Every write goes through `create` or
 * `update` here, which keep the lists; reads of a list page, count or group records
 * without any sort, count or non-`_id` filter on the collection.
 *
 * Each record holds the ids of its live entries in `_listed`. An entry is live when its
 * record still names it and still belongs to its list, so an entry left behind by a
 * record that moved (status changed) or never got written is skipped, not shown.
 */
export type ListKeys<T> = Record<string, (record: T) => Array<string | null | undefined>>;

/** Fields to set on a record (never its id or its list entries). */
export type Change<T> = Partial<Omit<T, '_id' | '_listed'>>;

export interface ListedRecord {
  _id: unknown;
  _listed?: string[];
}

/** The schema path every listed collection declares: `_listed: listedField`. */
export const listedField = { type: [String], default: [] };

export interface CollectionOptions<T, K extends string, S extends string> {
  /**
   * What records are found by when the value is itself personal data (sets.ts): a
   * set of ids per value, gone with its last member, instead of a list.
   */
  sets?: ListKeys<T> & Record<S, unknown>;
  /**
   * Keys whose lists are change feeds: a record moves to the end of its feed lists
   * whenever it changes, so a feed read from a position gives every record changed
   * since, each once, at its latest change (pagination.ts `changesSince`).
   */
  feeds?: Array<NoInfer<K>>;
}

export class ListedCollection<T extends ListedRecord, K extends string = string, S extends string = never> implements ListedRecords<T, K, S> {
  readonly lists: Lists;
  readonly sets: KeyedSets;

  private readonly setKeys: ListKeys<T> & Record<S, unknown>;
  private readonly feeds: readonly K[];

  /** `keys`: what the records are listed by (see `CollectionOptions` for sets and feeds). */
  constructor(
    readonly model: Model<T>,
    private readonly keys: ListKeys<T> & Record<K, unknown>,
    options: CollectionOptions<T, K, S> = {},
  ) {
    if (!model.schema.path('_listed')) throw new Error(`${model.modelName}: a listed collection's schema needs \`_listed: listedField\``);
    if (model.schema.path('_id')?.instance !== 'String') throw new Error(`${model.modelName}: a listed collection's schema needs \`_id: String\` (ids from newId())`);
    this.setKeys = options.sets ?? ({} as ListKeys<T> & Record<S, unknown>);
    this.feeds = options.feeds ?? [];
    this.lists = listsOf(model.db);
    this.sets = new KeyedSets(model.db);
  }

  /** The set of the records with `value` under a set key. */
  set(key: S, value: string): string {
    return `${this.model.collection.collectionName}/${key}=${encodeURIComponent(value)}`;
  }

  private setsOfRecord(record: T): string[] {
    const names = new Set<string>();
    for (const [key, valuesOf] of Object.entries(this.setKeys) as Array<[S, (r: T) => Array<string | null | undefined>]>) {
      for (const value of valuesOf(record)) if (value !== null && value !== undefined && value !== '') names.add(this.set(key, value));
    }
    return [...names];
  }

  /** The list of the records with `value` under `key`, e.g. `victims/jurisdiction=DE`. */
  list(key: K, value: string): string {
    return `${this.model.collection.collectionName}/${key}=${encodeURIComponent(value)}`;
  }

  /** The lists a record is on under one key, from its current values (none for an empty value). */
  private listsUnder(key: K, record: T): string[] {
    return (this.keys[key] as (r: T) => Array<string | null | undefined>)(record).flatMap((value) => (value ? [this.list(key, value)] : []));
  }

  /** The feed lists a record belongs to (it moves to their end on every change). */
  private feedListsOf(record: T): string[] {
    return this.feeds.flatMap((key) => this.listsUnder(key, record));
  }

  /** Whether a change of the record is being written now (its lock is held). */
  isChanging(id: string): Promise<boolean> {
    return this.lists.isHeld(this.lockOf(id));
  }

  private lockOf(id: string): string {
    return `${this.model.collection.collectionName}/${id}`;
  }

  /** Whether the record's current values put it on `list` (one key's values, not every list it is on). */
  private isListedOn(record: T, list: string): boolean {
    const prefix = `${this.model.collection.collectionName}/`;
    const equals = list.indexOf('=', prefix.length);
    if (!list.startsWith(prefix) || equals < 0) return false;
    const key = list.slice(prefix.length, equals) as K;
    return Object.hasOwn(this.keys, key) && this.listsUnder(key, record).includes(list);
  }

  /** Every list a record belongs to, from its current values. */
  listsOfRecord(record: T): string[] {
    return [...new Set((Object.keys(this.keys) as K[]).flatMap((key) => this.listsUnder(key, record)))];
  }

  async create(record: Omit<T, '_id' | '_listed'> & { _id?: T['_id'] }): Promise<Entity<T>> {
    const [created] = await this.createMany([record]);
    return created;
  }

  /**
   * Takes list positions first, then writes the records: a record is never written
   * without its entries (it would be missing from every list). When the write fails,
   * the entries are removed again; they were never live. When it failed because the
   * database stopped answering, that undo goes on without the caller: each of its steps
   * would wait out server selection (storage/db.ts) before the caller heard of the failure.
   */
  async createMany(records: Array<Omit<T, '_id' | '_listed'> & { _id?: T['_id'] }>): Promise<Array<Entity<T>>> {
    const withIds = records.map((r) => ({ ...r, _id: r._id ?? newId() }) as unknown as T);
    const members = new Map<string, number[]>();
    withIds.forEach((record, i) => {
      for (const list of this.listsOfRecord(record)) void (members.get(list)?.push(i) ?? members.set(list, [i]));
    });
    const listed: string[][] = withIds.map(() => []);
    const appended = await this.lists.appendAll(new Map([...members].map(([list, indexes]) => [list, indexes.map((i) => String(withIds[i]._id))])));
    for (const [list, indexes] of members) indexes.forEach((i, k) => listed[i].push(appended.get(list)![k]));
    const inSets = new Map<string, string[]>();
    for (const record of withIds) for (const set of this.setsOfRecord(record)) void (inSets.get(set)?.push(String(record._id)) ?? inSets.set(set, [String(record._id)]));
    await this.sets.addAll(inSets);
    try {
      const docs = await this.model.insertMany(withIds.map((record, i) => ({ ...record, _listed: listed[i] })));
      return docs.map((doc) => asEntity(doc.toObject() as T));
    } catch (error) {
      const undo = async () => {
        await this.lists.remove(listed.flat()).catch(() => {});
        for (const [set, ids] of inSets) for (const id of ids) await this.sets.remove(set, id).catch(() => {});
      };
      if (databaseUnavailable(error)) void undo();
      else await undo();
      throw error;
    }
  }

  /**
   * Changes one record: `change` gives the fields to set, or computes them from the
   * record as it is now (return null to leave it as it is). It runs under the record's
   * lock, so concurrent changes of one record take turns in any process (the embedded
   * database applies an update as a read and a write, and would lose one of two), and it
   * moves the record between lists when its keys change. The write is also a
   * compare-and-set on `_listed`, so a writer that skipped the lock can never make entries
   * live that the lists do not count. Resolves to the record after the change, or null
   * when there is no such record.
   */
  async update(id: string, change: Change<T> | ((current: Entity<T>) => Change<T> | null | Promise<Change<T> | null>)): Promise<Entity<T> | null> {
    return this.lists.exclusive(this.lockOf(id), async () => {
      const current = (await this.model.findById(id).lean()) as T | null;
      if (!current) return null;
      const set = typeof change === 'function' ? await change(asEntity({ ...current })) : change;
      if (!set) return asEntity(current);
      const before = current._listed ?? [];
      const wanted = this.listsOfRecord({ ...current, ...set } as T);
      const feeds = this.feedListsOf({ ...current, ...set } as T);
      const kept = before.filter((entry) => wanted.includes(listOf(entry)) && !feeds.includes(listOf(entry)));
      const joined = wanted.filter((list) => !kept.some((entry) => listOf(entry) === list));
      const added = (await Promise.all(joined.map((list) => this.lists.append(list, [id])))).flat();
      const setsBefore = this.setsOfRecord(current);
      const setsAfter = this.setsOfRecord({ ...current, ...set } as T);
      for (const name of setsAfter.filter((s) => !setsBefore.includes(s))) await this.sets.add(name, [id]);
      const updated = (await this.model
        .findOneAndUpdate({ _id: id, _listed: before } as never, { $set: { ...set, _listed: [...kept, ...added] } }, { returnDocument: 'after' })
        .lean()) as T | null;
      if (!updated) {
        await this.lists.remove(added);
        throw new Error(`${this.model.modelName} ${id} was changed without its lock`);
      }
      await this.lists.remove(before.filter((entry) => !kept.includes(entry)));
      for (const name of setsBefore.filter((s) => !setsAfter.includes(s))) await this.sets.remove(name, id);
      return asEntity(updated);
    });
  }

  /**
   * Lists every record in the lists of its current values that it is missing from: for a
   * deployment whose records were written before a key was declared (a new indicator's
   * list). One read of the whole collection (an operator's command, `npm run relist`,
   * never a request); each record missing a list is then changed as `update` does (under
   * its lock, a compare-and-set on `_listed`), and its sets likewise. A record keeps
   * its place in the feed lists it is in (relisting is no change: a sync client must not
   * see every record again). Idempotent; safe while the subgraph runs.
   */
  async relist(): Promise<{ records: number; relisted: number; entries: number }> {
    const missingLists = (record: T) => {
      const listed = new Set((record._listed ?? []).map(listOf));
      return this.listsOfRecord(record).filter((list) => !listed.has(list));
    };
    const counts = { records: 0, relisted: 0, entries: 0 };
    let batch: T[] = [];
    const relistBatch = async () => {
      const inSets = batch.flatMap((record) => this.setsOfRecord(record).map((set) => ({ set, id: String(record._id) })));
      const members = await this.sets.members([...new Set(inSets.map((s) => s.set))]);
      for (const { set, id } of inSets) if (!members.get(set)!.includes(id)) await this.sets.add(set, [id]);
      for (const record of batch.filter((r) => missingLists(r).length > 0)) {
        const added = await this.relistOne(String(record._id), missingLists);
        if (added > 0) [counts.relisted, counts.entries] = [counts.relisted + 1, counts.entries + added];
      }
      batch = [];
    };
    for await (const doc of this.model.find({}).lean().cursor({ batchSize: RELIST_BATCH })) {
      counts.records += 1;
      batch.push(doc as T);
      if (batch.length === RELIST_BATCH) await relistBatch();
    }
    await relistBatch();
    return counts;
  }

  /** One record into the lists it is missing from, as `update` writes (its lock, a compare-and-set on `_listed`); the number of entries added. */
  private relistOne(id: string, missingLists: (record: T) => string[]): Promise<number> {
    return this.lists.exclusive(this.lockOf(id), async () => {
      const current = (await this.model.findById(id).lean()) as T | null;
      const missing = current ? missingLists(current) : [];
      if (!current || missing.length === 0) return 0;
      const before = current._listed ?? [];
      const appended = (await Promise.all(missing.map((list) => this.lists.append(list, [id])))).flat();
      const updated = await this.model.findOneAndUpdate({ _id: id, _listed: before } as never, { $set: { _listed: [...before, ...appended] } }).lean();
      if (!updated) {
        await this.lists.remove(appended);
        throw new Error(`${this.model.modelName} ${id} was changed without its lock`);
      }
      return appended.length;
    });
  }

  /** The live records of these entries, by entry id (one read of the collection). */
  async members(entries: ListEntry[]): Promise<Map<string, Entity<T>>> {
    const live = new Map<string, Entity<T>>();
    if (entries.length === 0) return live;
    const docs = (await this.model.find({ _id: { $in: [...new Set(entries.map((e) => e.ref))] } } as never).lean()) as unknown as T[];
    const byId = new Map(docs.map((doc) => [String(doc._id), doc]));
    for (const entry of entries) {
      const record = byId.get(entry.ref);
      if (record && record._listed?.includes(entry.id) && this.isListedOn(record, listOf(entry.id))) {
        live.set(entry.id, asEntity({ ...record }));
      }
    }
    return live;
  }

  /** Per request: the live records listed under each value of `key`, in list order. */
  loaderBy(key: K): DataLoader<string, Array<Entity<T>>> {
    return new DataLoader(async (values) => {
      const names = values.map((value) => this.list(key, value));
      const all = await this.lists.readAll(names);
      const live = await this.members([...all.values()].flat());
      return names.map((name) => all.get(name)!.flatMap((entry) => live.get(entry.id) ?? []));
    });
  }

  /** Per request: the records in the set of each value of a set key (those that still hold the value). */
  loaderBySet(key: S): DataLoader<string, Array<Entity<T>>> {
    return new DataLoader(async (values) => {
      const names = values.map((value) => this.set(key, value));
      const members = await this.sets.members(names);
      const ids = [...new Set([...members.values()].flat())];
      const docs = ids.length ? ((await this.model.find({ _id: { $in: ids } } as never).lean()) as unknown as T[]) : [];
      const byId = new Map(docs.map((doc) => [String(doc._id), doc]));
      return names.map((name) =>
        members
          .get(name)!
          .flatMap((id) => (byId.has(id) && this.setsOfRecord(byId.get(id)!).includes(name) ? [asEntity({ ...byId.get(id)! })] : [])),
      );
    });
  }
}
