import { Schema, type Connection, type Model } from 'mongoose';
import { badInput } from '../../../platform/errors';
import type { LockStore, SearchStore } from './contracts';
import { Locks } from './locks';
import { pageSize } from './pagination';
import { parseQuery, type QueryNode } from './query';
import { patternOf, tokenize, type TermPattern } from './text';

/**
 * Full-text search that works on every backend: the embedded FerretDB has no `$text`
 * and serves only `_id` lookups from an index, so the index is kept as documents found
 * by `_id` (docs/decisions/). One collection, `searchIndex`, holds per index:
 *
 * - a posting per term and language, `<index>/t/<term>` for English (the keys of before
 *   there were languages) and `<index>/t/<language>:<term>` for another: lines
 *   `<id>:<weighted count>`;
 * - a posting per facet, `<index>/f/<facet>` (e.g. `jurisdiction=DE`): lines `<id>`;
 * - the catalog, `<index>/all`: lines `<id>:<order>[:<language>]`, every searchable
 *   document with its order value (e.g. the decision day) and its language when not
 *   English: what is in the catalog is searchable, nothing else;
 * - per document, `<index>/doc/<id>`: what it was indexed under, so a change updates only
 *   the postings that differ, and where each term stands in it (word positions), read only
 *   for the documents a phrase may be in.
 *
 * A query (query.ts: words, "phrases", AND by default, OR, -exclusion, parentheses) is read
 * in each of its languages (`languages`); a word or phrase is found in a document when its
 * terms in the document's language are there (in a phrase, at consecutive positions), or,
 * failing that, its terms in another of the query's languages (which a document has from
 * text given in that language, e.g. its keywords' labels). A word that is a stop word in any
 * of the query's languages is left out. A search reads the catalog and the postings of its
 * terms and facets in one read, and ranks in memory: BM25's term-frequency saturation and
 * inverse document frequency, no length normalization, summed over the words and phrases
 * found. Each posting is changed under its own lock (locks.ts).
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
  /** and, for a term, its word positions there ('3 17 40'; '' for a facet), in the same order. */
  positions?: string[];
  order?: number;
}

const indexSchema = new Schema<IndexDoc>(
  { _id: String, packed: String, postings: [String], values: [String], positions: [String], order: Number },
  { collection: 'searchIndex', versionKey: false },
);

function unpack(doc: { packed?: string } | null | undefined): string[] {
  return doc?.packed ? doc.packed.split('\n') : [];
}

/** BM25's saturation constant: the tenth mention of a term counts far less than the first. */
const K1 = 1.2;
/** Postings changed at once when a document is indexed. */
const PARALLEL_WRITES = 8;
export const MAX_SEARCH_TERMS = 20;

export interface IndexedDocument {
  /** Its language (ISO 639-1; default English): the language its text is read in. */
  language?: string;
  /**
   * Text with a weight: each term's count in it is multiplied by the weight (e.g. keywords 2);
   * a part in another language than the document's says so (e.g. its keywords' labels in
   * every language of the region, so a query in any of them finds it).
   */
  text: Array<{ text: string; weight: number; language?: string }>;
  /** Exact values it is filtered by, e.g. `jurisdiction=DE`. */
  facets: string[];
  /** Its place in the default order, highest first (e.g. the decision day as 20230514); also filtered by range. */
  order: number;
}

export interface SearchQuery {
  /** A query (query.ts) to match and rank by; none: every document, by order. */
  text?: string | null;
  /** The languages the query is read in (default English). */
  languages?: readonly string[];
  /** The argument that holds the query, named in errors (default 'search'). */
  field?: string;
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
  /** The search text's terms (in its first language), for highlighting. */
  terms: string[];
  /** The words and phrases a hit is found by (not those excluded), each by language, for highlighting. */
  wanted: WantedText[];
}

/** A word or phrase of a query: its terms in each language it was read in. */
export type WantedText = Record<string, TermPattern>;

/** A count kept with an id in a posting: `<id>:<number>` (ids have no ':'). */
function split(entry: string): [string, number] {
  const at = entry.indexOf(':');
  return at < 0 ? [entry, 1] : [entry.slice(0, at), Number(entry.slice(at + 1))];
}

/** A catalog entry: `<id>:<order>` (English) or `<id>:<order>:<language>`. */
function catalogEntry(entry: string): [string, { order: number; language: string }] {
  const [id, order, language = 'en'] = entry.split(':');
  return [id, { order: Number(order), language }];
}

/** A word or phrase of the query tree, read in the query's languages. */
interface Leaf {
  kind: 'leaf';
  /** Language → its terms there (never empty: a word that is a stop word in some language is left out). */
  patterns: Map<string, TermPattern>;
}
type Node = Leaf | { kind: 'not'; node: Node } | { kind: 'and' | 'or'; nodes: Node[] };

/** The tree with its words read in every language, stop words left out (null: nothing is left). */
function analysed(node: QueryNode, languages: readonly string[]): Node | null {
  switch (node.kind) {
    case 'word':
    case 'phrase': {
      const patterns = new Map(languages.map((language) => [language, patternOf(node.text, language)]));
      return [...patterns.values()].some((p) => p.length === 0) ? null : { kind: 'leaf', patterns };
    }
    case 'not': {
      const inner = analysed(node.node, languages);
      return inner && { kind: 'not', node: inner };
    }
    default: {
      const nodes = node.nodes.map((n) => analysed(n, languages)).filter((n): n is Node => n !== null);
      if (nodes.length === 0 || nodes.every((n) => n.kind === 'not')) return null;
      return nodes.length === 1 ? nodes[0] : { kind: node.kind, nodes };
    }
  }
}

function leavesOf(node: Node, negated = false): Array<{ leaf: Leaf; negated: boolean }> {
  if (node.kind === 'leaf') return [{ leaf: node, negated }];
  if (node.kind === 'not') return leavesOf(node.node, true);
  return node.nodes.flatMap((n) => leavesOf(n, negated));
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

  private termId(term: string, language = 'en'): string {
    return language === 'en' ? `${this.name}/t/${term}` : `${this.name}/t/${language}:${term}`;
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

  /** The postings of a document: posting id → its entry there, and a term's word positions. */
  private postingsOf(id: string, doc: IndexedDocument): Map<string, { entry: string; positions: string }> {
    const counts = new Map<string, { count: number; positions: number[] }>();
    // Parts are apart by a position at least: a phrase never runs from one into the next.
    let base = 0;
    for (const { text, weight, language } of doc.text) {
      const tokens = tokenize(text, language ?? doc.language ?? 'en');
      for (const token of tokens) {
        const posting = this.termId(token.term, language ?? doc.language ?? 'en');
        const seen = counts.get(posting) ?? { count: 0, positions: [] };
        seen.count += weight;
        seen.positions.push(base + token.position);
        counts.set(posting, seen);
      }
      base += (tokens.at(-1)?.position ?? 0) + 2;
    }
    return new Map([
      ...[...counts].map(([posting, { count, positions }]): [string, { entry: string; positions: string }] => [posting, { entry: `${id}:${count}`, positions: positions.join(' ') }]),
      ...[...new Set(doc.facets)].map((facet): [string, { entry: string; positions: string }] => [this.facetId(facet), { entry: id, positions: '' }]),
    ]);
  }

  /** A document's line in the catalog. */
  private catalogLine(id: string, doc: IndexedDocument): string {
    return doc.language && doc.language !== 'en' ? `${id}:${doc.order}:${doc.language}` : `${id}:${doc.order}`;
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
      for (const [posting, { entry }] of mine) postings.set(posting, [...(postings.get(posting) ?? []), entry]);
      forward.push({ _id: `${this.name}/doc/${id}`, ...this.forwardOf(mine), order: doc.order });
    }
    const ids = new Set(docs.map((d) => d.id));
    const fresh = [...postings].map(([_id, entries]) => ({ _id, packed: entries.join('\n') }));
    const taken = await this.insertNew(fresh);
    await inBatches(taken, PARALLEL_WRITES, (doc) => this.rewrite(doc._id, ids, unpack(doc)));
    const indexedBefore = await this.insertNew(forward);
    await inBatches(indexedBefore, PARALLEL_WRITES, async (doc) => void (await this.model.updateOne({ _id: doc._id }, { $set: { postings: doc.postings, values: doc.values, positions: doc.positions, order: doc.order } })));
    await this.rewrite(this.catalogId, ids, docs.map(({ id, doc }) => this.catalogLine(id, doc)));
  }

  /** What a document's own entry keeps of its postings. */
  private forwardOf(postings: Map<string, { entry: string; positions: string }>): Pick<IndexDoc, 'postings' | 'values' | 'positions'> {
    const all = [...postings];
    return { postings: all.map(([posting]) => posting), values: all.map(([, { entry }]) => entry), positions: all.map(([, { positions }]) => positions) };
  }

  /** Indexes a document, or re-indexes it after a change: searchable once this resolves. Changes of one document take turns. */
  put(id: string, doc: IndexedDocument): Promise<void> {
    return this.locks.exclusive(`search/${this.name}/doc/${id}`, () => this.write(id, doc));
  }

  private async write(id: string, doc: IndexedDocument): Promise<void> {
    const wanted = this.postingsOf(id, doc);
    const before = await this.model.findById(`${this.name}/doc/${id}`).lean();
    const had = new Map((before?.postings ?? []).map((posting, i) => [posting, before!.values?.[i]]));
    const changed = [...new Set([...had.keys(), ...wanted.keys()])].filter((posting) => had.get(posting) !== wanted.get(posting)?.entry);
    await inBatches(changed, PARALLEL_WRITES, (posting) => this.setEntry(posting, id, wanted.get(posting)?.entry ?? null));
    await this.model.updateOne({ _id: `${this.name}/doc/${id}` }, { $set: { ...this.forwardOf(wanted), order: doc.order } }, { upsert: true });
    await this.setEntry(this.catalogId, id, this.catalogLine(id, doc));
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
    const field = query.field ?? 'search';
    const languages = query.languages?.length ? [...new Set(query.languages)] : ['en'];
    const tree = query.text != null ? analysed(parseQuery(query.text, field), languages) : null;
    if (query.text != null && tree === null) throw badInput(field, 'has no words to search for (stop words are left out), or only words to exclude');
    const leaves = tree ? leavesOf(tree) : [];
    for (const language of languages) {
      const count = new Set(leaves.flatMap(({ leaf }) => leaf.patterns.get(language)!.map((p) => p.term))).size;
      if (count > MAX_SEARCH_TERMS) throw badInput(field, `has ${count} different words; at most ${MAX_SEARCH_TERMS}`);
    }
    const termIds = [...new Set(leaves.flatMap(({ leaf }) => [...leaf.patterns].flatMap(([language, pattern]) => pattern.map((p) => this.termId(p.term, language)))))];
    const facets = [...new Set(query.facets ?? [])];
    const docs = await this.model.find({ _id: { $in: [this.catalogId, ...termIds, ...facets.map((f) => this.facetId(f))] } }).lean();
    const byId = new Map(docs.map((d) => [d._id, unpack(d)]));

    const catalog = new Map((byId.get(this.catalogId) ?? []).map(catalogEntry));
    const total = catalog.size;
    const candidates = new Map([...catalog].filter(([, { order }]) => !((query.orderFrom != null && order < query.orderFrom) || (query.orderTo != null && order > query.orderTo))));
    for (const facet of facets) {
      const members = new Set(byId.get(this.facetId(facet)) ?? []);
      for (const id of candidates.keys()) if (!members.has(id)) candidates.delete(id);
    }
    const scores = new Map<string, number>();
    if (tree) {
      const postings = new Map(termIds.map((termId) => [termId, new Map((byId.get(termId) ?? []).map(split))]));
      const idf = (termId: string) => Math.log(1 + (total - postings.get(termId)!.size + 0.5) / (postings.get(termId)!.size + 0.5));
      // Only a document with a term of a word it may be found by can match.
      const reachable = new Set(leaves.filter((l) => !l.negated).flatMap(({ leaf }) => [...leaf.patterns].flatMap(([language, pattern]) => pattern.flatMap((p) => [...postings.get(this.termId(p.term, language))!.keys()]))));
      const considered = [...reachable].filter((id) => candidates.has(id));
      const positions = await this.positionsFor(considered, leaves.map((l) => l.leaf), postings);
      const found = (leaf: Leaf, id: string, language: string): number | null => {
        const pattern = leaf.patterns.get(language)!;
        const ids = pattern.map((p) => this.termId(p.term, language));
        if (!ids.every((termId) => postings.get(termId)!.has(id))) return null;
        if (pattern.length > 1 && !inSequence(positions.get(id), ids, pattern)) return null;
        return ids.reduce((sum, termId) => {
          const count = postings.get(termId)!.get(id)!;
          return sum + (idf(termId) * count * (K1 + 1)) / (count + K1);
        }, 0);
      };
      // In the document's own language if the query is read in it; else the best of the others.
      const leafScore = (leaf: Leaf, id: string): number | null => {
        const own = catalog.get(id)!.language;
        if (leaf.patterns.has(own)) {
          const score = found(leaf, id, own);
          if (score !== null) return score;
        }
        const others = languages.filter((l) => l !== own).map((l) => found(leaf, id, l)).filter((v): v is number => v !== null);
        return others.length ? Math.max(...others) : null;
      };
      const evaluate = (node: Node, id: string): number | null => {
        if (node.kind === 'leaf') return leafScore(node, id);
        if (node.kind === 'not') return evaluate(node.node, id) === null ? 0 : null;
        const results = node.nodes.map((n) => evaluate(n, id));
        if (node.kind === 'and' && results.some((r) => r === null)) return null;
        if (node.kind === 'or' && results.every((r) => r === null)) return null;
        return results.reduce<number>((sum, r) => sum + (r ?? 0), 0);
      };
      for (const id of considered) {
        const score = evaluate(tree, id);
        if (score !== null) scores.set(id, score);
      }
      for (const id of candidates.keys()) if (!scores.has(id)) candidates.delete(id);
    }

    const keyOf = (id: string) => ({ score: tree ? Math.round(scores.get(id)! * 10_000) / 10_000 : 0, order: candidates.get(id)!.order, id });
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
    const hits = rest.slice(0, size).map((key) => ({ id: key.id, cursor: cursor(key), score: tree ? key.score : null }));
    const wanted = leaves.filter((l) => !l.negated).map(({ leaf }) => Object.fromEntries(leaf.patterns));
    return {
      hits,
      hasNextPage: rest.length > size,
      endCursor: hits.length ? hits[hits.length - 1].cursor : null,
      totalCount: sorted.length,
      terms: [...new Set(wanted.flatMap((w) => w[languages[0]].map((p) => p.term)))],
      wanted,
    };
  }

  /**
   * The word positions of the terms of the query's phrases, for the documents that have every
   * term of one (only those need them): one read of their own entries.
   */
  private async positionsFor(ids: string[], leaves: Leaf[], postings: Map<string, Map<string, number>>): Promise<Map<string, Map<string, number[]>>> {
    const phrases = leaves.flatMap((leaf) => [...leaf.patterns].filter(([, p]) => p.length > 1).map(([language, p]) => p.map((t) => this.termId(t.term, language))));
    const needed = phrases.length ? ids.filter((id) => phrases.some((termIds) => termIds.every((t) => postings.get(t)!.has(id)))) : [];
    if (needed.length === 0) return new Map();
    const wanted = new Set(phrases.flat());
    const docs = await this.model.find({ _id: { $in: needed.map((id) => `${this.name}/doc/${id}`) } }, { postings: 1, positions: 1 }).lean();
    return new Map(
      docs.map((doc) => [
        doc._id.slice(`${this.name}/doc/`.length),
        new Map((doc.postings ?? []).flatMap((posting, i) => (wanted.has(posting) ? [[posting, (doc.positions?.[i] ?? '').split(' ').filter(Boolean).map(Number)] as [string, number[]]] : []))),
      ]),
    );
  }
}

/** Whether the terms `ids` stand in a document at the pattern's offsets (a document indexed without positions has no phrase). */
function inSequence(positions: Map<string, number[]> | undefined, ids: string[], pattern: TermPattern): boolean {
  if (!positions) return false;
  const later = ids.slice(1).map((termId) => new Set(positions.get(termId) ?? []));
  return (positions.get(ids[0]) ?? []).some((start) => later.every((set, i) => set.has(start + pattern[i + 1].offset)));
}
