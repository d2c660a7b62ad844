import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { byIds } from './loaders';
import type { Locks } from './locks';
import { insertUnlessTaken } from './unique-ids';

/**
 * Postings split into blocks in the listing order (newest first: order descending, then
 * id), so that a reader takes the newest entries first and stops when it has enough
 * (search.ts). A posting `p` is a head `{_id: p, count, packed}` whose lines describe its
 * blocks, newest first: `<block number> <last order> <last id> <highest weight> <size>`;
 * and the blocks `{_id: "p#<number>", packed}` with one line per entry:
 * `<id>:<order>[:<weight>]`. All found by `_id`; a posting is changed under its lock, and a
 * change rewrites only the blocks its entries fall in (a load in decision order rewrites
 * the newest block and adds new ones).
 */

export interface PostingDoc {
  _id: string;
  packed?: string;
  count?: number;
  next?: number;
}

export interface Entry {
  id: string;
  order: number;
  /** A term's weighted count in the document; 1 for a facet. */
  weight: number;
}

export interface BlockHead {
  number: number;
  /** Its last (oldest) entry's key. */
  last: { order: number; id: string };
  maxWeight: number;
  size: number;
}

export interface Head {
  count: number;
  next: number;
  blocks: BlockHead[];
  maxWeight: number;
}

/** Entries per block when written; a block is split once it holds twice as many. */
export const BLOCK = 128;

/** The listing order: newest first, then by id. Negative: `a` comes first. */
export function compareKeys(a: { order: number; id: string }, b: { order: number; id: string }): number {
  return b.order - a.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function parseHead(doc: PostingDoc | null | undefined): Head {
  const blocks = (doc?.packed ? doc.packed.split('\n') : []).map((line) => {
    const [number, order, id, maxWeight, size] = line.split(' ');
    return { number: Number(number), last: { order: Number(order), id }, maxWeight: Number(maxWeight), size: Number(size) };
  });
  return { count: doc?.count ?? 0, next: doc?.next ?? 0, blocks, maxWeight: Math.max(0, ...blocks.map((b) => b.maxWeight)) };
}

export function parseBlock(doc: PostingDoc | null | undefined): Entry[] {
  return (doc?.packed ? doc.packed.split('\n') : []).map((line) => {
    const [id, order, weight] = line.split(':');
    return { id, order: Number(order), weight: weight === undefined ? 1 : Number(weight) };
  });
}

function packEntry(e: Entry, weighted: boolean): string {
  return weighted ? `${e.id}:${e.order}:${e.weight}` : `${e.id}:${e.order}`;
}

/** The block of the head an entry belongs in: the first whose last entry is not before it (else the last). */
function blockFor(head: Head, key: Entry): number {
  const at = head.blocks.findIndex((b) => compareKeys(b.last, key) >= 0);
  return at < 0 ? head.blocks.length - 1 : at;
}

/** A change of one posting: which of its blocks the entries fall in. */
interface Plan {
  postingId: string;
  head: Head;
  touched: Map<number, { out: Entry[]; add: Entry[] }>;
  weighted: boolean;
}

export interface PostingChange {
  postingId: string;
  out: Entry[];
  add: Entry[];
  weighted: boolean;
}

function planOf({ postingId, out, add, weighted }: PostingChange, headDoc: PostingDoc | null | undefined): Plan {
  const head = parseHead(headDoc);
  // A new posting starts with one empty block.
  if (head.blocks.length === 0) head.blocks.push({ number: head.next++, last: { order: -Infinity, id: '' }, maxWeight: 0, size: 0 });
  const touched = new Map<number, { out: Entry[]; add: Entry[] }>();
  const slot = (i: number) => touched.get(i) ?? touched.set(i, { out: [], add: [] }).get(i)!;
  for (const e of out) slot(blockFor(head, e)).out.push(e);
  for (const e of add) slot(blockFor(head, e)).add.push(e);
  return { postingId, head, touched, weighted };
}

function blocksRead(plan: Plan): string[] {
  return [...plan.touched.keys()].map((i) => `${plan.postingId}#${plan.head.blocks[i].number}`);
}

/** What a change writes: documents as they are to be (a head, blocks) and the ids of those to delete. */
interface Writes {
  put: PostingDoc[];
  deleted: string[];
}

/** The writes of a change, given the blocks it touches as they are. */
function writesOf({ postingId, head, touched, weighted }: Plan, blocks: Map<string, Entry[]>): Writes {
  const writes: Writes = { put: [], deleted: [] };
  const replaced = new Map<number, BlockHead[]>();
  let count = head.count;
  for (const [i, change] of [...touched].sort(([a], [b]) => a - b)) {
    const { number } = head.blocks[i];
    // An entry put again replaces the one it had (as after an interrupted removal).
    const gone = new Set([...change.out, ...change.add].map((e) => e.id));
    const before = blocks.get(`${postingId}#${number}`) ?? [];
    const entries = [...before.filter((e) => !gone.has(e.id)), ...change.add].sort(compareKeys);
    count += entries.length - before.length;
    const heads: BlockHead[] = [];
    for (const [k, part] of (entries.length > 2 * BLOCK ? chunks(entries, BLOCK) : [entries]).entries()) {
      if (part.length === 0) continue;
      const n = k === 0 ? number : head.next++;
      heads.push({ number: n, last: { order: part[part.length - 1].order, id: part[part.length - 1].id }, maxWeight: Math.max(...part.map((e) => e.weight)), size: part.length });
      writes.put.push({ _id: `${postingId}#${n}`, packed: part.map((e) => packEntry(e, weighted)).join('\n') });
    }
    if (heads.length === 0 || heads[0].number !== number) writes.deleted.push(`${postingId}#${number}`);
    replaced.set(i, heads);
  }
  const all = head.blocks.flatMap((b, i) => replaced.get(i) ?? [b]);
  if (all.length === 0) writes.deleted.push(postingId);
  else {
    const packed = all.map((b) => `${b.number} ${b.last.order} ${b.last.id} ${b.maxWeight} ${b.size}`).join('\n');
    writes.put.push({ _id: postingId, packed, count, next: head.next });
  }
  return writes;
}

/** Updates and deletes sent in one bulk write. */
const BULK_WRITES = 500;
/** Postings changed at once in a bulk change, under locks taken together. */
const BULK_GROUP = 400;

export class Postings {
  constructor(
    private readonly model: Model<PostingDoc>,
    private readonly locks: Locks,
  ) {}

  /**
   * Changes one posting under its lock: entries of `out` (by id and old key) leave, `add` come
   * in. Only the blocks they fall in are read and rewritten; a block grown past twice its
   * size is cut in blocks of BLOCK entries.
   */
  async change(postingId: string, out: Entry[], add: Entry[], weighted: boolean): Promise<void> {
    if (out.length === 0 && add.length === 0) return;
    await this.locks.exclusive(`search/${postingId}`, async () => {
      const head = await this.model.findById(postingId).lean();
      const plan = planOf({ postingId, out, add, weighted }, head);
      const blocks = await this.blocks(blocksRead(plan));
      await this.write([writesOf(plan, blocks)], new Set([...(head ? [postingId] : []), ...blocks.keys()]));
    });
  }

  /**
   * Changes many postings (a step of a bulk load), each as `change` would, a group at a time:
   * the group's free locks taken in one insert, its heads and blocks read in one read each,
   * written in one write; a posting whose lock is held elsewhere is changed on its own.
   */
  async changeAll(changes: PostingChange[]): Promise<void> {
    for (let from = 0; from < changes.length; from += BULK_GROUP) {
      const group = changes.slice(from, from + BULK_GROUP).filter((c) => c.out.length + c.add.length > 0);
      const held = await this.locks.holdAll(group.map((c) => `search/${c.postingId}`));
      const mine = group.filter((c) => held.has(`search/${c.postingId}`));
      try {
        if (mine.length > 0) {
          const heads = new Map((await byIds<PostingDoc>(this.model, mine.map((c) => c.postingId))).map((d) => [d._id, d]));
          const plans = mine.map((c) => planOf(c, heads.get(c.postingId)));
          const blocks = await this.blocks(plans.flatMap(blocksRead));
          await this.write(plans.map((plan) => writesOf(plan, blocks)), new Set([...heads.keys(), ...blocks.keys()]));
        }
      } finally {
        await this.locks.releaseAll(held);
      }
      for (const c of group.filter((c) => !held.has(`search/${c.postingId}`))) await this.change(c.postingId, c.out, c.add, c.weighted);
    }
  }

  /**
   * Writes a change's documents, knowing which of them exist (read under the postings'
   * locks, so none appears or vanishes meanwhile): the existing ones are updated in
   * unordered bulk writes; the new ones (a new posting's head and blocks, a block cut off)
   * are inserted, all in one write. A new one that exists all the same (left by a change
   * interrupted before its head was written) is refused and updated with the others.
   * Neither is an upsert, and each is one command for many documents: one upsert at a time
   * made loading 10,000 precedents take 220 s (docs/benchmarks.md, 2026-12-03).
   */
  private async write(changes: Writes[], existing: ReadonlySet<string>): Promise<void> {
    const put = changes.flatMap((c) => c.put);
    const taken = await insertUnlessTaken(this.model.collection, put.filter((doc) => !existing.has(doc._id)));
    const ops: AnyBulkWriteOperation<PostingDoc>[] = [
      ...[...put.filter((doc) => existing.has(doc._id)), ...taken].map(({ _id, ...fields }): AnyBulkWriteOperation<PostingDoc> => ({ updateOne: { filter: { _id }, update: { $set: fields } } })),
      ...changes.flatMap((c) => c.deleted).map((_id): AnyBulkWriteOperation<PostingDoc> => ({ deleteOne: { filter: { _id } } })),
    ];
    for (let from = 0; from < ops.length; from += BULK_WRITES) await this.model.bulkWrite(ops.slice(from, from + BULK_WRITES), { ordered: false });
  }

  /** Runs `work` as the only holder of `key` (a document's changes take turns). */
  exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.locks.exclusive(key, work);
  }

  async heads(ids: string[]): Promise<Map<string, Head>> {
    const found = new Map((await byIds<PostingDoc>(this.model, ids)).map((d) => [d._id, parseHead(d)]));
    return new Map(ids.map((id) => [id, found.get(id) ?? parseHead(null)]));
  }

  async blocks(ids: string[]): Promise<Map<string, Entry[]>> {
    return new Map((await byIds<PostingDoc>(this.model, ids)).map((d) => [d._id, parseBlock(d)]));
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let from = 0; from < items.length; from += size) out.push(items.slice(from, from + size));
  return out;
}
