import { createHmac } from 'node:crypto';
import { Field, Int, ObjectType } from 'type-graphql';
import type { Model } from 'mongoose';
import { DenseLog, entryId } from './storage';

/**
 * Hash chains: each entry carries the keyed hash (HMAC-SHA256 with the deployment's chain
 * key) of its content and of the entry before it, so editing, removing or reordering a
 * stored entry breaks the chain from there. Entries of chain `c` are the dense log
 * `c#1 … c#n` of one collection (common/storage/dense-log.ts): a writer appends at head+1, the unique
 * `_id` refuses a position another writer took, and the writer re-chains what is left on
 * the new head — linear without transactions, across processes. The audit trail is one
 * chain; an evidence item's chain of custody is another.
 */

export const GENESIS = '0'.repeat(64);
const MAX_APPEND_ATTEMPTS = 200;
const READ_PAGE = 1000;

export interface Linked {
  sequence: number;
  prevHash: string;
  hash: string;
  /** Each part's hash, in order, when an entry has more than one part (the last is `hash`). */
  partHashes?: string[];
}

/**
 * What an entry's hash covers besides its sequence and prevHash, in a fixed order. An
 * entry may hold several parts (the audit trail: one entry per request, a part per
 * subject): each part is hashed as a whole entry would be, on the hash of the part before
 * it (the first on the entry's prevHash), and the entry's hash is its last part's. So a
 * part checks on its own with the one recipe, and the chain runs through every part.
 */
export type ChainContent<C> = ((entry: C) => unknown[]) | { parts: (entry: C) => unknown[][] };

export interface ChainCheck {
  valid: boolean;
  entries: number;
  /** Sequence of the first entry whose content, link or position does not verify. */
  firstBrokenAt: number | null;
  head: { sequence: number; hash: string } | null;
}

type Doc<C> = C & Linked & { _id: string };

export class HashChains<C extends object> {
  readonly log: DenseLog<Doc<C>>;
  /** The head of each chain as this process last wrote or read it. */
  private readonly heads = new Map<string, { sequence: number; hash: string }>();

  private readonly parts: (entry: C) => unknown[][];

  constructor(
    readonly model: Model<Doc<C>>,
    private readonly key: string,
    content: ChainContent<C>,
  ) {
    this.log = new DenseLog(model);
    this.parts = typeof content === 'function' ? (entry) => [content(entry)] : content.parts;
  }

  /** The hash of each part of an entry, in order (one for most entries): the entry's hash is the last. */
  hashesOf(entry: C & Pick<Linked, 'sequence' | 'prevHash'>): string[] {
    let prevHash = entry.prevHash;
    return this.parts(entry).map((content) => {
      prevHash = createHmac('sha256', this.key)
        .update(JSON.stringify([entry.sequence, ...content, prevHash]))
        .digest('hex');
      return prevHash;
    });
  }

  /** An entry as stored: linked after `prevHash`, with its hash (and its parts' when it has several). */
  private linked(entry: C, sequence: number, prevHash: string, chain: string): Doc<C> {
    const hashes = this.hashesOf({ ...entry, sequence, prevHash });
    const hash = hashes[hashes.length - 1];
    return { _id: entryId(chain, sequence), ...entry, sequence, prevHash, ...(hashes.length > 1 ? { partHashes: hashes } : {}), hash } as Doc<C>;
  }

  /** Found by probing entry ids (a few reads by _id), never by sorting. */
  async head(chain: string): Promise<{ sequence: number; hash: string }> {
    const sequence = await this.log.length(chain);
    if (sequence === 0) return { sequence: 0, hash: GENESIS };
    const head = await this.model.findById(entryId(chain, sequence), { hash: 1 }).lean();
    if (!head) throw new Error(`${chain}: entry ${sequence} vanished while the head was read`);
    return { sequence, hash: (head as unknown as Linked).hash };
  }

  /**
   * Appends at head+1 and resolves to the entries as stored. The head is cached, so a
   * lone writer never reads it back; when another writer took that position, what landed
   * is kept, the head is read again and the rest re-chained. `landed` sees each stored
   * batch (e.g. to index it) before the next attempt.
   */
  async append(chain: string, entries: C[], landed: (docs: Array<Doc<C>>) => Promise<void> = async () => {}): Promise<Array<Doc<C>>> {
    const stored: Array<Doc<C>> = [];
    let pending = entries;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_APPEND_ATTEMPTS) throw new Error(`${chain}: could not append after repeated contention`);
      const start = this.heads.get(chain) ?? (await this.head(chain));
      let { sequence, hash: prevHash } = start;
      const docs = pending.map((entry) => {
        const doc = this.linked(entry, ++sequence, prevHash, chain);
        prevHash = doc.hash;
        return doc;
      });
      try {
        await this.model.collection.insertMany(docs as never[], { ordered: true });
        this.heads.set(chain, { sequence, hash: prevHash });
        await landed(docs);
        return [...stored, ...docs];
      } catch (error) {
        this.heads.delete(chain);
        const e = error as { code?: number; writeErrors?: Array<{ index: number }>; result?: { insertedCount?: number } };
        if (e.code !== 11000) throw error;
        const count = e.writeErrors?.[0]?.index ?? e.result?.insertedCount ?? 0;
        await landed(docs.slice(0, count));
        stored.push(...docs.slice(0, count));
        pending = pending.slice(count);
      }
    }
    return stored;
  }

  /** The head this process knows without reading (null until it wrote or read one). */
  knownHead(chain: string): { sequence: number; hash: string } | null {
    return this.heads.get(chain) ?? null;
  }

  /**
   * Recomputes every hash of a chain in order, reading it a page of ids at a time (no
   * sort); `seen` gets each verified entry. A missing entry ends the chain there, so a
   * removed entry in the middle shows up as the entries after it not linking.
   */
  async verify(chain: string, seen: (entry: Doc<C>) => void = () => {}): Promise<ChainCheck> {
    let prevHash = GENESIS;
    let sequence = 0;
    for (;;) {
      const page = await this.log.read(chain, sequence, READ_PAGE);
      for (const entry of page) {
        const hashes = this.hashesOf(entry);
        const stored = entry.partHashes ?? [entry.hash];
        const holds = hashes.join() === stored.join() && stored[stored.length - 1] === entry.hash;
        if (entry.sequence !== sequence + 1 || entry.prevHash !== prevHash || !holds) {
          return { valid: false, entries: sequence + 1, firstBrokenAt: sequence + 1, head: null };
        }
        seen(entry);
        sequence++;
        prevHash = entry.hash;
      }
      if (page.length < READ_PAGE) break;
    }
    // An entry past a gap (one removed) is still there: the chain is broken at the gap.
    const beyond = await this.model.exists({ _id: entryId(chain, sequence + 2) } as never);
    if (beyond) return { valid: false, entries: sequence, firstBrokenAt: sequence + 1, head: null };
    return { valid: true, entries: sequence, firstBrokenAt: null, head: sequence > 0 ? { sequence, hash: prevHash } : null };
  }
}

/** What a chain check answers over GraphQL (`verifyCustody`, `verifyDelivery`). */
export interface ChainCheckAnswer {
  valid: boolean;
  events: number;
  firstBrokenAt: number | null;
}

/**
 * The GraphQL type of a chain check, one per chain (`CustodyCheck`, `DeliveryCheck`): a
 * new class per call, because type-graphql keeps a class's type name once.
 */
export function chainCheckType(typeName: string) {
  @ObjectType(typeName)
  class Check implements ChainCheckAnswer {
    @Field()
    valid!: boolean;

    @Field(() => Int)
    events!: number;

    @Field(() => Int, { nullable: true, description: 'The first event whose content, link or place does not verify' })
    firstBrokenAt!: number | null;
  }
  return Check;
}

export function chainCheckAnswer(check: ChainCheck): ChainCheckAnswer {
  return { valid: check.valid, events: check.entries, firstBrokenAt: check.firstBrokenAt };
}
