import { Schema, type Connection, type Model } from 'mongoose';
import { badInput } from '../../../platform/errors';
import type { LockStore, SearchStore } from './contracts';
import { Locks } from './locks';
import { pageSize } from './pagination';
import { terms } from './text';

/**
 * Full-text search that works on every backend: the embedded FerretDB has no `$text`
 * and serves only `_id` lookups from an index, so the index is kept as documents found
 * by `_id` (docs/decisions/). One collection, `searchIndex`, holds per index:
 *
 * - a posting per term, `<index>/t/<term>`: lines `<id>:<weighted count>`;
 * - a posting per facet, `<index>/f/<facet>` (e.g. `jurisdiction=DE`): lines `<id>`;
 * - the catalog, `<index>/all`: lines `<id>:<order>`, every searchable document with its
 *   order value (e.g. the decision day): what is in the catalog is searchable, nothing else;
 * - per document, `<index>/doc/<id>`: what it was indexed under, so a change updates only
 *   the postings that differ.
 *
 * A search reads the catalog and the postings of its terms and facets in one read, and
 * ranks in memory: BM25's term-frequency saturation and inverse document frequency, no
 * length normalization. Terms come from text.ts (English stemming, British and
 * American spellings alike). Each posting is changed under its own lock (locks.ts).
 */

interface IndexDoc {
  _id: string;
  /**
   * A posting's entries, one per line: one string, because the embedded database decodes
   * a long array element by element (about 5 µs each) and a string at once.
   */
  packed?: string;
  /** A document's postings, */
  postings?: string[];
  /** and its entry in each of them, in the same order. */
  values?: string[];
  order?: number;
}

const indexSchema = new Schema<IndexDoc>({ _id: String, packed: String, postings: [String], values: [String], order: Number }, { collection: 'searchIndex', versionKey: false });

function unpack(doc: { packed?: string } | null | undefined): string[] {
  return doc?.packed ? doc.packed.split('\n') : [];
}

/** BM25's saturation constant: the tenth mention of a term counts far less than the first. */
const K1 = 1.2;
/** Postings changed at once when a document is indexed. */
const PARALLEL_WRITES = 8;
export const MAX_SEARCH_TERMS = 20;

export interface IndexedDocument {
  /** Text with a weight: each term's count in it is multiplied by the weight (e.g. keywords 2). */
  text: Array<{ text: string; weight: number }>;
  /** Exact values it is filtered by, e.g. `jurisdiction=DE`. */
  facets: string[];
  /** Its place in the default order, highest first (e.g. the decision day as 20230514); also filtered by range. */
  order: number;
}

export interface SearchQuery {
  /** Words to rank by (any of them matches); none: every document, by order. */
  text?: string | null;
  /** Every one of these facets must be present. */
  facets?: string[];
  orderFrom?: number | null;
  orderTo?: number | null;
  first?: number | null;
  after?: string | null;
}

export interface SearchHit {
  id: string;
  cursor: string;
  /** Relevance: null without search text. */
  score: number | null;
}

export interface SearchResult {
  hits: SearchHit[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
  /** The search text's terms, for highlighting. */
  terms: string[];
}

/** A count kept with an id in a posting: `<id>:<number>`. */
function split(entry: string): [string, number] {
  const at = entry.lastIndexOf(':');
  return at < 0 ? [entry, 1] : [entry.slice(0, at), Number(entry.slice(at + 1))];
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let from = 0; from < items.length; from += size) await Promise.all(items.slice(from, from + size).map(work));
}

export class SearchIndex implements SearchStore {
  private readonly model: Model<IndexDoc>;
  private readonly locks: LockStore;

  constructor(
    connection: Connection,
    readonly name: string,
  ) {
    this.model = connection.models.SearchIndex ?? connection.model<IndexDoc>('SearchIndex', indexSchema);
    this.locks = new Locks(connection);
  }

  private termId(term: string): string {
    return `${this.name}/t/${term}`;
  }

  private facetId(facet: string): string {
    return `${this.name}/f/${facet}`;
  }

  private get catalogId(): string {
    return `${this.name}/all`;
  }

  /** Rewrites one posting under its lock: the entries of `ids` out, `add` in. */
  private async rewrite(postingId: string, ids: ReadonlySet<string>, add: string[]): Promise<void> {
    await this.locks.exclusive(`search/${postingId}`, async () => {
      const current = await this.model.findById(postingId).lean();
      const entries = [...unpack(current).filter((e) => !ids.has(split(e)[0])), ...add];
      if (!current) {
        if (entries.length > 0) await this.model.collection.insertOne({ _id: postingId, packed: entries.join('\n') } as never);
      } else if (entries.length === 0) await this.model.deleteOne({ _id: postingId });
      else await this.model.updateOne({ _id: postingId }, { $set: { packed: entries.join('\n') } });
    });
  }

  private setEntry(postingId: string, id: string, entry: string | null): Promise<void> {
    return this.rewrite(postingId, new Set([id]), entry === null ? [] : [entry]);
  }

  /** The postings of a document: posting id → its entry there. */
  private postingsOf(id: string, doc: IndexedDocument): Map<string, string> {
    const counts = new Map<string, number>();
    for (const { text, weight } of doc.text) for (const term of terms(text)) counts.set(term, (counts.get(term) ?? 0) + weight);
    return new Map<string, string>([
      ...[...counts].map(([term, count]): [string, string] => [this.termId(term), `${id}:${count}`]),
      ...[...new Set(doc.facets)].map((facet): [string, string] => [this.facetId(facet), id]),
    ]);
  }

  /** Inserts documents in one unordered write; returns those refused because their `_id` exists. */
  private async insertNew(docs: IndexDoc[]): Promise<IndexDoc[]> {
    if (docs.length === 0) return [];
    try {
      await this.model.collection.insertMany(docs as never[], { ordered: false });
      return [];
    } catch (error) {
      const { code, writeErrors } = error as { code?: number; writeErrors?: Array<{ index: number }> };
      if (code !== 11000 || !writeErrors) throw error;
      return writeErrors.map(({ index }) => docs[index]);
    }
  }

  /**
   * Bulk load (seeding, benchmarks) of documents not indexed yet: each new posting is
   * written by one insert; one that exists already gets its entries under its lock.
   */
  async putAll(docs: Array<{ id: string; doc: IndexedDocument }>): Promise<void> {
    const postings = new Map<string, string[]>();
    const forward: IndexDoc[] = [];
    for (const { id, doc } of docs) {
      const mine = this.postingsOf(id, doc);
      for (const [posting, entry] of mine) postings.set(posting, [...(postings.get(posting) ?? []), entry]);
      forward.push({ _id: `${this.name}/doc/${id}`, postings: [...mine.keys()], values: [...mine.values()], order: doc.order });
    }
    const ids = new Set(docs.map((d) => d.id));
    const fresh = [...postings].map(([_id, entries]) => ({ _id, packed: entries.join('\n') }));
    const taken = await this.insertNew(fresh);
    await inBatches(taken, PARALLEL_WRITES, (doc) => this.rewrite(doc._id, ids, unpack(doc)));
    const indexedBefore = await this.insertNew(forward);
    await inBatches(indexedBefore, PARALLEL_WRITES, async (doc) => void (await this.model.updateOne({ _id: doc._id }, { $set: { postings: doc.postings, values: doc.values, order: doc.order } })));
    await this.rewrite(this.catalogId, ids, docs.map(({ id, doc }) => `${id}:${doc.order}`));
  }

  /** Indexes a document, or re-indexes it after a change: searchable once this resolves. Changes of one document take turns. */
  put(id: string, doc: IndexedDocument): Promise<void> {
    return this.locks.exclusive(`search/${this.name}/doc/${id}`, () => this.write(id, doc));
  }

  private async write(id: string, doc: IndexedDocument): Promise<void> {
    const wanted = this.postingsOf(id, doc);
    const before = await this.model.findById(`${this.name}/doc/${id}`).lean();
    const had = new Map((before?.postings ?? []).map((posting, i) => [posting, before!.values?.[i]]));
    const changed = [...new Set([...had.keys(), ...wanted.keys()])].filter((posting) => had.get(posting) !== wanted.get(posting));
    await inBatches(changed, PARALLEL_WRITES, (posting) => this.setEntry(posting, id, wanted.get(posting) ?? null));
    await this.model.updateOne({ _id: `${this.name}/doc/${id}` }, { $set: { postings: [...wanted.keys()], values: [...wanted.values()], order: doc.order } }, { upsert: true });
    await this.setEntry(this.catalogId, id, `${id}:${doc.order}`);
  }

  /** Takes a document out: from the catalog first, so it is never found half removed. */
  remove(id: string): Promise<void> {
    return this.locks.exclusive(`search/${this.name}/doc/${id}`, () => this.erase(id));
  }

  private async erase(id: string): Promise<void> {
    await this.setEntry(this.catalogId, id, null);
    const before = await this.model.findById(`${this.name}/doc/${id}`).lean();
    if (!before) return;
    await inBatches(before.postings ?? [], PARALLEL_WRITES, (posting) => this.setEntry(posting, id, null));
    await this.model.deleteOne({ _id: before._id });
  }

  /**
   * One page of matches: with text, by relevance (then order, then id); without, by order,
   * highest first. The cursor carries the last hit's sort key, so a page continues right
   * after it even when documents were added meanwhile.
   */
  async search(query: SearchQuery): Promise<SearchResult> {
    const size = pageSize(query.first);
    const wanted = query.text != null ? [...new Set(terms(query.text))] : [];
    if (query.text != null && wanted.length === 0) throw badInput('search', 'has no words to search for');
    if (wanted.length > MAX_SEARCH_TERMS) throw badInput('search', `has ${wanted.length} different words; at most ${MAX_SEARCH_TERMS}`);
    const facets = [...new Set(query.facets ?? [])];
    const ids = [this.catalogId, ...wanted.map((t) => this.termId(t)), ...facets.map((f) => this.facetId(f))];
    const docs = await this.model.find({ _id: { $in: ids } }).lean();
    const byId = new Map(docs.map((d) => [d._id, unpack(d)]));

    let candidates = new Map((byId.get(this.catalogId) ?? []).map(split));
    const total = candidates.size;
    for (const [id, order] of candidates) {
      if ((query.orderFrom != null && order < query.orderFrom) || (query.orderTo != null && order > query.orderTo)) candidates.delete(id);
    }
    for (const facet of facets) {
      const members = new Set(byId.get(this.facetId(facet)) ?? []);
      for (const id of candidates.keys()) if (!members.has(id)) candidates.delete(id);
    }
    const scores = new Map<string, number>();
    if (wanted.length > 0) {
      for (const term of wanted) {
        const posting = (byId.get(this.termId(term)) ?? []).map(split);
        const idf = Math.log(1 + (total - posting.length + 0.5) / (posting.length + 0.5));
        for (const [id, count] of posting) {
          if (candidates.has(id)) scores.set(id, (scores.get(id) ?? 0) + (idf * count * (K1 + 1)) / (count + K1));
        }
      }
      candidates = new Map([...candidates].filter(([id]) => scores.has(id)));
    }

    const keyOf = (id: string) => ({ score: wanted.length ? Math.round(scores.get(id)! * 10_000) / 10_000 : 0, order: candidates.get(id)!, id });
    type Key = ReturnType<typeof keyOf>;
    const before = (a: Key, b: Key) => b.score - a.score || b.order - a.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const sorted = [...candidates.keys()].map(keyOf).sort(before);
    let rest = sorted;
    if (query.after != null) {
      const m = /^(-?[\d.]+):(-?[\d.]+):([A-Za-z0-9_-]+)$/.exec(Buffer.from(query.after, 'base64url').toString('utf8'));
      if (!m) throw badInput('after', 'is not a cursor of this search (use an endCursor or cursor from it)');
      const start = { score: Number(m[1]), order: Number(m[2]), id: m[3] };
      rest = sorted.filter((key) => before(key, start) > 0);
    }
    const cursor = (key: Key) => Buffer.from(`${key.score}:${key.order}:${key.id}`, 'utf8').toString('base64url');
    const hits = rest.slice(0, size).map((key) => ({ id: key.id, cursor: cursor(key), score: wanted.length ? key.score : null }));
    return {
      hits,
      hasNextPage: rest.length > size,
      endCursor: hits.length ? hits[hits.length - 1].cursor : null,
      totalCount: sorted.length,
      terms: wanted,
    };
  }
}
