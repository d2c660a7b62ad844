import type { Model } from 'mongoose';
import type { LockStore } from './contracts';

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

export class Postings {
  constructor(
    private readonly model: Model<PostingDoc>,
    private readonly locks: LockStore,
  ) {}

  /**
   * Changes one posting under its lock: entries of `out` (by id and old key) leave, `add` come
   * in. Only the blocks they fall in are read and rewritten; a block grown past twice its
   * size is cut in blocks of BLOCK entries.
   */
  async change(postingId: string, out: Entry[], add: Entry[], weighted: boolean): Promise<void> {
    if (out.length === 0 && add.length === 0) return;
    await this.locks.exclusive(`search/${postingId}`, async () => {
      const headDoc = await this.model.findById(postingId).lean();
      const head = parseHead(headDoc);
      // Which block each change falls in (a new posting starts with one empty block).
      if (head.blocks.length === 0) head.blocks.push({ number: head.next++, last: { order: -Infinity, id: '' }, maxWeight: 0, size: 0 });
      const touched = new Map<number, { out: Entry[]; add: Entry[] }>();
      const slot = (i: number) => touched.get(i) ?? touched.set(i, { out: [], add: [] }).get(i)!;
      for (const e of out) slot(blockFor(head, e)).out.push(e);
      for (const e of add) slot(blockFor(head, e)).add.push(e);
      const indexes = [...touched.keys()].sort((a, b) => a - b);
      const read = await this.model.find({ _id: { $in: indexes.map((i) => `${postingId}#${head.blocks[i].number}`) } }).lean();
      const byId = new Map(read.map((d) => [d._id, parseBlock(d)]));
      const replaced = new Map<number, BlockHead[]>();
      const writes: Array<Promise<unknown>> = [];
      let count = head.count;
      for (const i of indexes) {
        const { number } = head.blocks[i];
        // An entry put again replaces the one it had (as after an interrupted removal).
        const gone = new Set([...touched.get(i)!.out, ...touched.get(i)!.add].map((e) => e.id));
        const before = byId.get(`${postingId}#${number}`) ?? [];
        const kept = before.filter((e) => !gone.has(e.id));
        const entries = [...kept, ...touched.get(i)!.add].sort(compareKeys);
        count += entries.length - before.length;
        const cut = entries.length > 2 * BLOCK ? chunks(entries, BLOCK) : [entries];
        const heads: BlockHead[] = [];
        for (const [k, part] of cut.entries()) {
          if (part.length === 0) continue;
          const n = k === 0 ? number : head.next++;
          heads.push({ number: n, last: { order: part[part.length - 1].order, id: part[part.length - 1].id }, maxWeight: Math.max(...part.map((e) => e.weight)), size: part.length });
          writes.push(this.model.updateOne({ _id: `${postingId}#${n}` }, { $set: { packed: part.map((e) => packEntry(e, weighted)).join('\n') } }, { upsert: true }));
        }
        if (heads.length === 0 || heads[0].number !== number) writes.push(this.model.deleteOne({ _id: `${postingId}#${number}` }));
        replaced.set(i, heads);
      }
      await Promise.all(writes);
      const blocks = head.blocks.flatMap((b, i) => replaced.get(i) ?? [b]);
      if (blocks.length === 0) await this.model.deleteOne({ _id: postingId });
      else {
        const packed = blocks.map((b) => `${b.number} ${b.last.order} ${b.last.id} ${b.maxWeight} ${b.size}`).join('\n');
        await this.model.updateOne({ _id: postingId }, { $set: { packed, count, next: head.next } }, { upsert: true });
      }
    });
  }

  /** Runs `work` as the only holder of `key` (a document's changes take turns). */
  exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.locks.exclusive(key, work);
  }

  async heads(ids: string[]): Promise<Map<string, Head>> {
    const docs = ids.length ? await this.model.find({ _id: { $in: ids } }).lean() : [];
    const found = new Map(docs.map((d) => [d._id, parseHead(d)]));
    return new Map(ids.map((id) => [id, found.get(id) ?? parseHead(null)]));
  }

  async blocks(ids: string[]): Promise<Map<string, Entry[]>> {
    const docs = ids.length ? await this.model.find({ _id: { $in: ids } }).lean() : [];
    return new Map(docs.map((d) => [d._id, parseBlock(d)]));
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let from = 0; from < items.length; from += size) out.push(items.slice(from, from + size));
  return out;
}
