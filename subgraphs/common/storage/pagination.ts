import 'reflect-metadata';
import { Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from '../../../platform/errors';
import { PAGE } from '../../../platform/cost';
import type { Entity } from './loaders';
import type { ListedCollection, ListedRecord } from './store';

/** Relay page info, shared by every subgraph's connections. */
@Directive('@shareable')
@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/**
 * The Relay connection of a node type, declared once for every subgraph: an
 * `<Name>Edge { cursor node }` and the base of `<Name>Connection { edges pageInfo
 * totalCount }`, e.g. `@ObjectType() export class ShelterConnection extends
 * connectionOf('Shelter', () => Shelter) {}`. Each call makes its own classes, so
 * subgraphs never share one (type-graphql keeps a class's fields with the class).
 */
export function connectionOf<T extends object>(name: string, node: () => ClassType<T>, totalCount?: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(node)
    node!: T;
  }

  // An object type so that its fields pass to `<Name>Connection`, which extends it; no
  // field returns it, so it is in no schema itself.
  @ObjectType()
  abstract class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, totalCount ? { description: totalCount } : {})
    totalCount!: number;
  }
  return Connection;
}

/** The largest page; the cost limit counts a list with `first` by the same numbers (platform/cost.ts). */
export const MAX_PAGE = PAGE.max;

export function pageSize(first: number | undefined | null): number {
  const n = first ?? PAGE.default;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw badInput('first', `must be between 1 and ${MAX_PAGE}`);
  return n;
}

/**
 * One part of a connection: the records of one list, optionally narrowed in memory by
 * `where`. A connection runs through its segments in order (e.g. the caller's own
 * jurisdiction, then what other jurisdictions shared with it).
 */
export interface Segment<T extends ListedRecord> {
  records: ListedCollection<T, any>;
  list: string;
  /** Narrows the list in memory: reads and counts then walk the whole list, so keep it for short lists. */
  where?: (record: Entity<T>) => boolean;
  /**
   * Brings the list up to date before it is read or counted (e.g. sharing that ended since
   * the last read): a page that is full before this segment never pays for it.
   */
  ready?: () => Promise<void>;
}

interface Position {
  segment: number;
  position: number;
}

/** Cursors are opaque to clients: base64url of the segment and the list position. */
export function encodeCursor({ segment, position }: Position): string {
  return Buffer.from(`${segment}:${position}`, 'utf8').toString('base64url');
}

/** `argument`: the argument the cursor came in (`after`; a change feed's `since`), named when it is not a cursor. */
export function decodeCursor(cursor: string | undefined | null, segments: number, argument = 'after'): Position {
  if (cursor === undefined || cursor === null) return { segment: 0, position: 0 };
  const m = /^(\d{1,3}):(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m || +m[1] >= segments) throw badInput(argument, 'is not a cursor of this list (use an endCursor or cursor from it)');
  return { segment: +m[1], position: +m[2] };
}

/** The live records of a segment after a position, in list order, read in growing chunks. */
async function* recordsAfter<T extends ListedRecord>(segment: Segment<T>, after: number, firstChunk: number) {
  await segment.ready?.();
  let position = after;
  let chunk = firstChunk;
  for (;;) {
    const entries = await segment.records.lists.read(segment.list, position, chunk);
    const live = await segment.records.members(entries);
    for (const entry of entries) {
      const record = live.get(entry.id);
      if (record && (!segment.where || segment.where(record))) yield { position: entry.position, record };
    }
    if (entries.length < chunk) return;
    position = entries[entries.length - 1].position;
    chunk = Math.min(chunk * 4, 1000);
  }
}

/** Exact: the list's size, or with `where` a walk through the list. */
async function countOf<T extends ListedRecord>(segment: Segment<T>): Promise<number> {
  if (!segment.where) {
    await segment.ready?.();
    return segment.records.lists.size(segment.list);
  }
  let count = 0;
  for await (const _ of recordsAfter(segment, 0, 200)) count++;
  return count;
}

/** A page as every connection type exposes it. */
export interface Page<T> {
  edges: Array<{ cursor: string; node: Entity<T> }>;
  pageInfo: PageInfo;
  /** Computed when read: GraphQL reads it only when the field is asked for. */
  readonly totalCount: Promise<number>;
}

/**
 * A Relay connection over list segments: one page costs a read of the entries and one
 * of the records, whatever the length of the lists. `totalCount` is computed only when
 * asked for, and is exact.
 */
export async function pageOf<T extends ListedRecord>(segments: Array<Segment<T>>, args: { first?: number | null; after?: string | null }): Promise<Page<T>> {
  const size = pageSize(args.first);
  const start = decodeCursor(args.after, segments.length);
  const found: Array<{ cursor: string; node: Entity<T> }> = [];
  for (let s = start.segment; s < segments.length && found.length <= size; s++) {
    const after = s === start.segment ? start.position : 0;
    for await (const { position, record } of recordsAfter(segments[s], after, size + 2 - found.length)) {
      found.push({ cursor: encodeCursor({ segment: s, position }), node: record });
      if (found.length > size) break;
    }
  }
  const edges = found.slice(0, size);
  return {
    edges,
    pageInfo: { hasNextPage: found.length > size, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    get totalCount() {
      return Promise.all(segments.map(countOf)).then((counts) => counts.reduce((a, b) => a + b, 0));
    },
  };
}

/**
 * A Relay connection over one list, newest entry first (an inbox: the latest referral on
 * top): it reads backwards from the list's head in growing chunks, so a page costs about
 * as much as `pageOf`'s, whatever the length of the list. Cursors are list positions, so
 * entries appended while a client pages come on a fresh first page, never twice.
 */
export async function newestFirstPageOf<T extends ListedRecord>(segment: Omit<Segment<T>, 'where' | 'ready'>, args: { first?: number | null; after?: string | null }): Promise<Page<T>> {
  const size = pageSize(args.first);
  // Positions below `below` are still to be read; the first page starts above the head.
  let below = args.after == null ? (await segment.records.lists.head(segment.list)) + 1 : decodeCursor(args.after, 1).position;
  const found: Array<{ cursor: string; node: Entity<T> }> = [];
  let chunk = size + 2;
  while (below > 1 && found.length <= size) {
    const from = Math.max(0, below - 1 - chunk);
    const entries = await segment.records.lists.read(segment.list, from, below - 1 - from);
    const live = await segment.records.members(entries);
    for (const entry of entries.reverse()) {
      const record = live.get(entry.id);
      if (record) found.push({ cursor: encodeCursor({ segment: 0, position: entry.position }), node: record });
      if (found.length > size) break;
    }
    below = from + 1;
    chunk = Math.min(chunk * 4, 1000);
  }
  const edges = found.slice(0, size);
  return {
    edges,
    pageInfo: { hasNextPage: found.length > size, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    get totalCount() {
      return segment.records.lists.size(segment.list);
    },
  };
}

/** Lists read whole for a sorted page are at most this long; a longer one is a design error (an internal error, not the caller's). */
export const MAX_SORTED_LIST = 5_000;

/**
 * A Relay connection over one short list in another order than the list's, e.g. the
 * pending items of a jurisdiction by deadline: it reads the whole list (so keep it for
 * lists that stay short, such as undecided orders) and sorts it in memory. Cursors carry
 * the sort value and the id, so a page continues right after the last one shown.
 */
export async function sortedPageOf<T extends ListedRecord>(
  segment: Segment<T>,
  order: (record: Entity<T>) => number,
  args: { first?: number | null; after?: string | null },
): Promise<Page<T>> {
  const size = pageSize(args.first);
  let start: { value: number; id: string } | null = null;
  if (args.after != null) {
    const m = /^(-?\d+(?:\.\d+)?):([A-Za-z0-9_-]+)$/.exec(Buffer.from(args.after, 'base64url').toString('utf8'));
    if (!m) throw badInput('after', 'is not a cursor of this list (use an endCursor or cursor from it)');
    start = { value: Number(m[1]), id: m[2] };
  }
  const all: Array<Entity<T>> = [];
  for await (const { record } of recordsAfter(segment, 0, 200)) {
    all.push(record);
    if (all.length > MAX_SORTED_LIST) throw new Error(`${segment.list}: more than ${MAX_SORTED_LIST} entries to sort; page it in list order instead`);
  }
  const key = (r: Entity<T>) => ({ value: order(r), id: r.id });
  const before = (a: { value: number; id: string }, b: { value: number; id: string }) => a.value - b.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sorted = all.sort((a, b) => before(key(a), key(b)));
  const rest = start ? sorted.filter((r) => before(key(r), start!) > 0) : sorted;
  const cursor = (r: Entity<T>) => Buffer.from(`${order(r)}:${r.id}`, 'utf8').toString('base64url');
  const edges = rest.slice(0, size).map((node) => ({ cursor: cursor(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rest.length > size, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount: Promise.resolve(all.length),
  };
}

/** A page of a change feed: the records changed after a cursor, oldest change first. */
export interface Changes<T> {
  changes: Array<{ cursor: string; record: Entity<T> }>;
  /** Where the next read starts (the `since` of the next call); null only for an empty feed read from its start. */
  cursor: string | null;
  /** More changes are there already: read again from `cursor` now. */
  hasMore: boolean;
}

/**
 * Reads a change feed (a `feeds` list of a ListedCollection) after the cursor `since`
 * (null: from the start): each record appears once, at its latest change, so a reader
 * that follows the cursors gets every record, and a record changed while it pages comes
 * again later with the change. An entry whose record does not name it either moved on
 * (a later change) or is being written right now: the read stops before such an entry
 * while its record's lock is held, so no reader steps past a change it has not seen.
 */
export async function changesSince<T extends ListedRecord>(
  records: ListedCollection<T, any, any>,
  list: string,
  args: { since?: string | null; first?: number | null },
): Promise<Changes<T>> {
  const size = pageSize(args.first);
  let scanned = decodeCursor(args.since, 1, 'since').position;
  const changes: Changes<T>['changes'] = [];
  let waiting = false;
  reading: for (;;) {
    const chunk = size - changes.length + 8;
    const entries = await records.lists.read(list, scanned, chunk);
    const live = await records.members(entries);
    for (const entry of entries) {
      let record = live.get(entry.id);
      if (!record) {
        if (await records.isChanging(entry.ref)) {
          waiting = true;
          break reading;
        }
        // Its writer may have finished between the two reads: ask the record again.
        record = (await records.members([entry])).get(entry.id);
      }
      scanned = entry.position;
      if (record) changes.push({ cursor: encodeCursor({ segment: 0, position: scanned }), record });
      if (changes.length === size) break reading;
    }
    if (entries.length < chunk) break;
  }
  const hasMore = waiting || (await records.lists.read(list, scanned, 1)).length > 0;
  return { changes, cursor: scanned > 0 ? encodeCursor({ segment: 0, position: scanned }) : (args.since ?? null), hasMore };
}
