import { Schema, type Connection } from 'mongoose';
import type { ListStore, LockStore } from './contracts';
import { DenseLog, listOf, positionOf } from './dense-log';
import { Locks } from './locks';

/**
 * Lists: the platform's secondary indexes. A list, e.g. `victims/jurisdiction=DE`, is a
 * dense log of entries `{_id: "<list>#<position>", ref}` (dense-log.ts), so concurrent
 * writers never share a position or leave a gap. Removals go to a second dense log with a
 * unique `of`, so `size = appended − removed` is exact and a removal counts once.
 */

export interface ListEntry {
  /** `<list>#<position>` */
  id: string;
  position: number;
  ref: string;
}

interface EntryDoc {
  _id: string;
  ref: string;
}

interface RemovalDoc {
  _id: string;
  /** The entry removed: unique, so removing an entry twice counts once. */
  of: string;
}

const entrySchema = new Schema<EntryDoc>({ _id: String, ref: String }, { collection: 'listEntries', versionKey: false });
const removalSchema = new Schema<RemovalDoc>(
  { _id: String, of: { type: String, required: true, unique: true } },
  { collection: 'listRemovals', versionKey: false },
);

export class Lists implements ListStore, LockStore {
  private readonly entries: DenseLog<EntryDoc>;
  private readonly removals: DenseLog<RemovalDoc>;
  /** The locks of the same database (locks.ts); `exclusive` and `isHeld` here are theirs. */
  readonly locks: Locks;

  constructor(connection: Connection) {
    this.locks = new Locks(connection);
    this.entries = new DenseLog(connection.models.ListEntry ?? connection.model<EntryDoc>('ListEntry', entrySchema));
    this.removals = new DenseLog(connection.models.ListRemoval ?? connection.model<RemovalDoc>('ListRemoval', removalSchema));
    // A refused removal is either a position another remover took (try the next) or an
    // entry removed before (`of` is unique): then it is done.
    this.removals.onConflict = async (refused) => !(await this.removals.model.exists({ _id: refused._id }));
  }

  async init(): Promise<void> {
    await Promise.all([this.entries.model.init(), this.removals.model.init(), this.locks.init()]);
  }

  /** Runs `work` holding the lock named `key` (locks.ts): kept here because subgraphs reach locks through their collection's lists. */
  exclusive<R>(key: string, work: () => Promise<R>): Promise<R> {
    return this.locks.exclusive(key, work);
  }

  /** Whether the lock named `key` is held now by a live process (locks.ts). */
  isHeld(key: string): Promise<boolean> {
    return this.locks.isHeld(key);
  }

  /** Appends to many lists at once (bulk loads); returns the entry ids per list. */
  async appendAll(refs: Map<string, string[]>): Promise<Map<string, string[]>> {
    return this.entries.appendAll(new Map([...refs].map(([list, r]) => [list, r.map((ref) => ({ ref }))])));
  }

  /** Appends references to a list; returns their entry ids in order. */
  async append(list: string, refs: string[]): Promise<string[]> {
    return this.entries.append(list, refs.map((ref) => ({ ref })));
  }

  /** Marks entries removed (idempotent): `size` no longer counts them. */
  async remove(entries: string[]): Promise<void> {
    await Promise.all(entries.map((of) => this.removals.append(listOf(of), [{ of }])));
  }

  /** Entries not removed: exact, in a few batched reads. */
  async size(list: string): Promise<number> {
    const [appended, removed] = await Promise.all([this.entries.length(list), this.removals.length(list)]);
    return appended - removed;
  }

  async read(list: string, after: number, count: number): Promise<ListEntry[]> {
    return (await this.entries.read(list, after, count)).map(toEntry);
  }

  /** The position of the last entry ever appended (dead entries included): where a newest-first read starts. */
  head(list: string): Promise<number> {
    return this.entries.length(list);
  }

  async readAll(lists: string[]): Promise<Map<string, ListEntry[]>> {
    const all = await this.entries.readAll(lists);
    return new Map([...all].map(([list, docs]) => [list, docs.map(toEntry)]));
  }
}

function toEntry(doc: EntryDoc): ListEntry {
  return { id: doc._id, position: positionOf(doc._id), ref: doc.ref };
}

const perConnection = new WeakMap<Connection, Lists>();

/** One `Lists` per database connection (its cache of known lengths is per process). */
export function listsOf(connection: Connection): Lists {
  let lists = perConnection.get(connection);
  if (!lists) {
    lists = new Lists(connection);
    perConnection.set(connection, lists);
  }
  return lists;
}
