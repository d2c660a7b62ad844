import type DataLoader from 'dataloader';
import type { ListEntry } from './lists';
import type { Entity } from './loaders';
import type { IndexedDocument, SearchQuery, SearchResult } from './search';
import type { TakenPlace } from './slots';
import type { Change } from './store';

/**
 * What a subgraph programs against: the guarantees below hold on every backend (the
 * embedded database and MongoDB alike; the contract tests next to this file check them
 * on whichever MONGODB_URI names). The classes of this folder implement them; nothing
 * outside this folder needs to know how. See README.md for which to use for what.
 */

/** Named locks across processes: one holder at a time; a lock left by a dead process is taken over once stale. */
export interface LockStore {
  /** Runs `work` holding the lock `key`; waits for a live holder, and answers CONFLICT if it waits too long. */
  exclusive<R>(key: string, work: () => Promise<R>): Promise<R>;
  /** Whether a live holder holds `key` now. */
  isHeld(key: string): Promise<boolean>;
}

/**
 * Feeds (and hash chains): ordered, dense, append-only logs read by position. Concurrent
 * appends, from any process, never share a position or leave a gap; positions start at 1.
 */
export interface FeedStore<D extends { _id: string }> {
  /** Appends at the head, in order; resolves to the new entries' ids (`<log>#<position>`). */
  append(log: string, docs: Array<Omit<D, '_id'>>): Promise<string[]>;
  /** Appends to many logs at once (bulk loads), with the same guarantees. */
  appendAll(groups: Map<string, Array<Omit<D, '_id'>>>): Promise<Map<string, string[]>>;
  /** The number of entries (the last position). */
  length(log: string): Promise<number>;
  lengths(logs: string[]): Promise<Map<string, number>>;
  /** Entries after position `after`, at most `count`, in order; fewer means the end. */
  read(log: string, after: number, count: number): Promise<D[]>;
  readAll(logs: string[]): Promise<Map<string, D[]>>;
}

/**
 * Lists: a secondary index as an append-only log of references (`ref`s) with removals.
 * Positions are dense and never shared; `size` is exact; removing an entry twice counts once.
 */
export interface ListStore {
  append(list: string, refs: string[]): Promise<string[]>;
  appendAll(refs: Map<string, string[]>): Promise<Map<string, string[]>>;
  /** Marks entries (by id) removed; idempotent. */
  remove(entries: string[]): Promise<void>;
  /** Entries appended and not removed. */
  size(list: string): Promise<number>;
  /** The last position ever appended (removed entries included). */
  head(list: string): Promise<number>;
  read(list: string, after: number, count: number): Promise<ListEntry[]>;
  readAll(lists: string[]): Promise<Map<string, ListEntry[]>>;
}

/**
 * A collection whose records are listed by the keys it declares (store.ts): every write
 * keeps the lists, every read of a list pages, counts or groups without a filter, sort
 * or count over the collection.
 */
export interface ListedRecords<T extends { _id: unknown }, K extends string, S extends string> {
  readonly lists: ListStore & LockStore;
  /** The list of the records with `value` under `key`. */
  list(key: K, value: string): string;
  /** The set of the records with `value` under a set key. */
  set(key: S, value: string): string;
  create(record: Omit<T, '_id' | '_listed'> & { _id?: T['_id'] }): Promise<Entity<T>>;
  createMany(records: Array<Omit<T, '_id' | '_listed'> & { _id?: T['_id'] }>): Promise<Array<Entity<T>>>;
  /** Changes one record under its lock, moving it between lists; null when there is no such record. */
  update(id: string, change: Change<T> | ((current: Entity<T>) => Change<T> | null | Promise<Change<T> | null>)): Promise<Entity<T> | null>;
  /** The live records of these entries, by entry id. */
  members(entries: ListEntry[]): Promise<Map<string, Entity<T>>>;
  loaderBy(key: K): DataLoader<string, Array<Entity<T>>>;
  loaderBySet(key: S): DataLoader<string, Array<Entity<T>>>;
  /** Whether a change of the record is being written now. */
  isChanging(id: string): Promise<boolean>;
}

/**
 * Keyed sets, for values that are themselves personal data: add, remove and membership are
 * idempotent, and a set is gone (no trace of its value) once its last member leaves.
 */
export interface SetStore {
  add(set: string, ids: string[]): Promise<void>;
  addAll(groups: Map<string, string[]>): Promise<void>;
  remove(set: string, id: string): Promise<void>;
  /** The members of each set (none for a set that does not exist). */
  members(sets: string[]): Promise<Map<string, string[]>>;
}

/**
 * Slots: places in pools of a given capacity, never given twice, even to concurrent
 * claimants in several processes; a holding is ended only by its holder's ender.
 */
export interface SlotStore {
  taken(pools: Array<{ pool: string; capacity: number }>): Promise<Map<string, TakenPlace[]>>;
  /** A free place for `holder`, or null when every place is taken. */
  claim(pool: string, capacity: number, holder: string, at: Date): Promise<number | null>;
  /** Gives the place back if `holder` still holds it. */
  release(pool: string, place: number, holder: string): Promise<void>;
  /** Hands the place from one holder to another; false if `from` does not hold it. */
  handOver(pool: string, place: number, from: string, to: string): Promise<boolean>;
}

/**
 * A search index: documents found by a query of words, phrases and operators (query.ts),
 * each document read in its language (ranked by BM25 without length normalization),
 * filtered by facets and an order range, paged by cursor. A document is
 * searchable once `put` resolves and not at all once `remove` resolves.
 */
export interface SearchStore {
  put(id: string, doc: IndexedDocument): Promise<void>;
  putAll(docs: Array<{ id: string; doc: IndexedDocument }>): Promise<void>;
  remove(id: string): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
}

/** What a claim of a key found: the key is ours now, or the first request's state. */
export type Claim =
  | { outcome: 'CLAIMED' }
  | { outcome: 'ANSWERED'; answer: string; at: Date }
  | { outcome: 'RUNNING' | 'WITHHELD' | 'OTHER_REQUEST'; at: Date };

/**
 * Answers kept under a key until it expires, so a request retried with the same key is
 * answered once: one claimant per key at a time, even across processes; an answer is
 * kept only by its claimant; an expired key is claimed anew.
 */
export interface AnswerStore {
  /** Claims `id` for the request `fingerprint`, or says what the first request with it left. */
  claim(id: string, fingerprint: string, now: Date, expiresAt: Date): Promise<Claim>;
  /** Keeps the claimant's answer (not if the claim was withheld meanwhile). */
  keep(id: string, answer: string): Promise<void>;
  /** Gives up a running claim (the request changed nothing): the key is free again. */
  release(id: string): Promise<void>;
  /** Makes every answer kept so far unreadable, and running claims keep none (an erasure): their keys stay claimed, never answered again. */
  withholdAll(): Promise<void>;
  /** Deletes the expired keys. */
  sweep(now: Date): Promise<number>;
}
