import type { Model } from 'mongoose';
import type { FeedStore } from './contracts';
import { isDuplicateKey } from './unique-ids';

/**
 * Dense logs: the one structure lists, feeds and hash chains are built from, made only of
 * the two operations that every backend serves from an index — inserting a document with
 * a new unique `_id`, and reading a batch of `_id`s. (The embedded database scans the
 * collection for any other filter, sort or count; see docs/decisions/.)
 *
 * A log, e.g. `victims/jurisdiction=DE`, holds entries `{_id: "<log>#<position>", …}` at
 * positions 1…n. A writer takes position head+1 by inserting there; the unique `_id`
 * refuses a position already taken, so concurrent writers in any process never share one
 * and never leave a gap, without transactions. Its length is found by probing positions
 * (a few batched reads).
 */

const MAX_APPEND_ATTEMPTS = 100;
const MAX_IDS_PER_READ = 5_000;
/** Offsets from the known length probed first: every small one, then doubling. */
const GALLOP = [1, 2, 3, 4, 5, 6, 7, 8, ...Array.from({ length: 17 }, (_, i) => 2 ** (i + 4))];
/** Up to this many logs, a multi-log append goes through the per-log writers. */
const FEW_LOGS = 8;
/** Known lengths kept per process; a lower bound, so a stale value only costs a probe. */
const MAX_CACHED_LENGTHS = 100_000;

export function entryId(list: string, position: number): string {
  return `${list}#${position}`;
}

export function listOf(entry: string): string {
  return entry.slice(0, entry.lastIndexOf('#'));
}

export function positionOf(entry: string): number {
  return Number(entry.slice(entry.lastIndexOf('#') + 1));
}

/**
 * A dense log in one collection (documents `<log>#1` … `<log>#n`): its length by probing,
 * appends at its head. Lists are made of two; the audit chain is one.
 */
export class DenseLog<D extends { _id: string }> implements FeedStore<D> {
  private readonly known = new Map<string, number>();

  constructor(readonly model: Model<D>) {}

  private remember(log: string, length: number): void {
    if ((this.known.get(log) ?? 0) >= length) return;
    if (this.known.size >= MAX_CACHED_LENGTHS) this.known.clear();
    this.known.set(log, length);
  }

  /** Which of these positions exist, for several logs in one read. */
  private async existing(positions: Array<[string, number]>): Promise<Set<string>> {
    const ids = positions.map(([log, p]) => entryId(log, p));
    const found = new Set<string>();
    // In reads of a bounded size: the embedded database sends up to 10,000 ids to its index.
    for (let from = 0; from < ids.length; from += MAX_IDS_PER_READ) {
      const docs = await this.model.find({ _id: { $in: ids.slice(from, from + MAX_IDS_PER_READ) } }, { _id: 1 }).lean();
      for (const doc of docs as unknown as Array<{ _id: string }>) found.add(doc._id);
    }
    return found;
  }

  /** The number of entries of one log (see `lengths`). */
  async length(log: string): Promise<number> {
    return (await this.lengths([log])).get(log)!;
  }

  /**
   * The number of entries of each log, probed together: each round is one read for all
   * of them. Existence is monotone in position (dense), so: gallop from the known length
   * (positions +1 … +8, then +16, +32, …), then narrow each gap with 16 evenly spaced
   * positions per round until it closes. A log of up to 8 entries takes one read.
   */
  async lengths(logs: string[]): Promise<Map<string, number>> {
    const bounds = new Map([...new Set(logs)].map((log) => [log, { low: this.known.get(log) ?? 0, high: -1 }]));
    let open = [...bounds.keys()];
    while (open.length > 0) {
      const found = await this.existing(open.flatMap((log) => GALLOP.map((step): [string, number] => [log, bounds.get(log)!.low + step])));
      open = open.filter((log) => {
        const b = bounds.get(log)!;
        const steps = GALLOP.map((step) => b.low + step);
        const firstMissing = steps.find((p) => !found.has(entryId(log, p)));
        if (firstMissing === undefined) {
          b.low = steps[steps.length - 1];
          return true;
        }
        b.high = firstMissing;
        b.low = Math.max(b.low, ...steps.filter((p) => p < firstMissing));
        return false;
      });
    }
    open = [...bounds.keys()].filter((log) => bounds.get(log)!.high - bounds.get(log)!.low > 1);
    while (open.length > 0) {
      const probes = new Map<string, number[]>();
      for (const log of open) {
        const { low, high } = bounds.get(log)!;
        const stride = Math.max(1, Math.floor((high - low) / 16));
        const positions: number[] = [];
        for (let p = low + stride; p < high; p += stride) positions.push(p);
        probes.set(log, positions);
      }
      const found = await this.existing([...probes].flatMap(([log, positions]) => positions.map((p): [string, number] => [log, p])));
      open = open.filter((log) => {
        const b = bounds.get(log)!;
        for (const p of probes.get(log)!) {
          if (!found.has(entryId(log, p))) {
            b.high = p;
            break;
          }
          b.low = p;
        }
        return b.high - b.low > 1;
      });
    }
    const result = new Map<string, number>();
    for (const [log, { low }] of bounds) {
      this.remember(log, low);
      result.set(log, low);
    }
    return result;
  }

  /** Appends waiting per log in this process, written together by one writer. */
  private readonly waiting = new Map<string, Array<{ docs: Array<Omit<D, '_id'>>; resolve: (ids: string[]) => void; reject: (error: unknown) => void }>>();

  /**
   * Appends documents at the head, in order; resolves to their ids (an empty id for a
   * document `onConflict` found done already). Within a process, appends to one log
   * that arrive meanwhile are written in one batch, so they never race each other.
   */
  append(log: string, docs: Array<Omit<D, '_id'>>): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(log);
      if (queue) return void queue.push({ docs, resolve, reject });
      const fresh = [{ docs, resolve, reject }];
      this.waiting.set(log, fresh);
      void this.writeWaiting(log, fresh);
    });
  }

  private async writeWaiting(log: string, queue: Array<{ docs: Array<Omit<D, '_id'>>; resolve: (ids: string[]) => void; reject: (error: unknown) => void }>) {
    while (queue.length > 0) {
      const batch = queue.splice(0);
      try {
        const ids = await this.appendNow(log, batch.flatMap((request) => request.docs));
        let next = 0;
        for (const request of batch) {
          request.resolve(ids.slice(next, next + request.docs.length));
          next += request.docs.length;
        }
      } catch (error) {
        for (const request of batch) request.reject(error);
      }
    }
    this.waiting.delete(log);
  }

  /**
   * A lone writer inserts at the length it knows in one round trip; when another process
   * took a position first, what landed is kept and the rest goes after the new head.
   */
  private async appendNow(log: string, docs: Array<Omit<D, '_id'>>): Promise<string[]> {
    const ids: string[] = [];
    let pending = docs;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_APPEND_ATTEMPTS) throw new Error(`list ${log}: could not append after repeated contention`);
      const head = attempt === 0 && this.known.has(log) ? this.known.get(log)! : await this.length(log);
      const batch = pending.map((doc, i) => ({ ...doc, _id: entryId(log, head + 1 + i) }));
      try {
        await this.model.collection.insertMany(batch as never[], { ordered: true });
        ids.push(...batch.map((d) => d._id));
        this.remember(log, head + batch.length);
        return ids;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const landed = error.writeErrors?.[0]?.index ?? error.result?.insertedCount ?? 0;
        ids.push(...batch.slice(0, landed).map((d) => d._id));
        this.remember(log, head + landed);
        pending = pending.slice(landed);
        if (await this.onConflict(batch[landed] as unknown as D)) {
          ids.push('');
          pending = pending.slice(1);
        }
      }
    }
    return ids;
  }

  /**
   * Bulk load (seeding, rebuilding): appends to many logs with one probe of their heads
   * and one unordered insert; a document whose position another writer took meanwhile
   * is appended again the ordinary way.
   */
  async appendAll(groups: Map<string, Array<Omit<D, '_id'>>>): Promise<Map<string, string[]>> {
    const logs = [...groups.keys()];
    if (logs.length <= FEW_LOGS) return new Map(await Promise.all(logs.map(async (log) => [log, await this.append(log, groups.get(log)!)] as const)));
    // Most logs of a bulk load are new: one read of their first positions settles those.
    const unknown = logs.filter((log) => !this.known.has(log));
    const started = await this.existing(unknown.map((log): [string, number] => [log, 1]));
    const heads = await this.lengths(unknown.filter((log) => started.has(entryId(log, 1))));
    const planned = logs.flatMap((log) => {
      const head = this.known.get(log) ?? heads.get(log) ?? 0;
      return groups.get(log)!.map((doc, i) => ({ log, slot: i, doc: { ...doc, _id: entryId(log, head + 1 + i) } }));
    });
    const refused = new Set<number>();
    try {
      await this.model.collection.insertMany(planned.map((p) => p.doc) as never[], { ordered: false });
    } catch (error) {
      if (!isDuplicateKey(error) || !error.writeErrors) throw error;
      for (const { index } of error.writeErrors) refused.add(index);
    }
    const ids = new Map<string, string[]>(logs.map((log) => [log, []]));
    await Promise.all(
      planned.map(async ({ log, slot, doc }, i) => {
        if (refused.has(i)) {
          const { _id, ...rest } = doc;
          [ids.get(log)![slot]] = await this.append(log, [rest as Omit<D, '_id'>]);
        } else {
          ids.get(log)![slot] = doc._id;
          this.remember(log, positionOf(doc._id));
        }
      }),
    );
    return ids;
  }

  /** Whether a document refused for a duplicate key is done already (else its position was taken). */
  onConflict: (refused: D) => Promise<boolean> = async () => false;

  /** Every entry of each log, read in growing windows (one read per window for all logs). */
  async readAll(logs: string[]): Promise<Map<string, D[]>> {
    const result = new Map<string, D[]>(logs.map((log) => [log, []]));
    let open = [...new Set(logs)];
    let from = 0;
    let window = 8;
    while (open.length > 0) {
      const ids = open.flatMap((log) => Array.from({ length: window }, (_, i) => entryId(log, from + 1 + i)));
      const docs = (await this.model.find({ _id: { $in: ids } }).lean()) as unknown as D[];
      const byId = new Map(docs.map((d) => [String(d._id), d]));
      const stillOpen: string[] = [];
      for (const log of open) {
        let complete = false;
        for (let p = from + 1; p <= from + window; p++) {
          const doc = byId.get(entryId(log, p));
          if (!doc) {
            complete = true;
            break;
          }
          result.get(log)!.push(doc);
        }
        if (!complete) stillOpen.push(log);
        else this.remember(log, result.get(log)!.length);
      }
      open = stillOpen;
      from += window;
      window *= 4;
    }
    return result;
  }

  /** Entries at positions after `after`, at most `count`, in order; fewer means the end. */
  async read(log: string, after: number, count: number): Promise<D[]> {
    const ids = Array.from({ length: count }, (_, i) => entryId(log, after + 1 + i));
    const docs = (await this.model.find({ _id: { $in: ids } }).lean()) as unknown as D[];
    const byId = new Map(docs.map((d) => [String(d._id), d]));
    const inOrder: D[] = [];
    for (const id of ids) {
      const doc = byId.get(id);
      if (!doc) break;
      inOrder.push(doc);
    }
    return inOrder;
  }
}

