import { Schema, type Connection, type Model } from 'mongoose';
import { badInput } from '../../../platform/errors';
import type { LockStore, SearchStore } from './contracts';
import { byIds } from './loaders';
import { Locks } from './locks';
import { pageSize } from './pagination';
import { BLOCK, compareKeys, Postings, type Entry, type Head, type PostingDoc } from './postings';
import { parseQuery, type QueryNode } from './query';
import { patternOf, tokenize, type TermPattern } from './text';
import { insertUnlessTaken } from './unique-ids';

/**
 * Full-text search that works on every backend: the embedded FerretDB has no `$text`
 * and serves only `_id` lookups from an index, so the index is kept as documents found
 * by `_id` (decisions 045, 119). One collection, `searchIndex`, holds per index:
 *
 * - a posting per term and language, `<index>/t/<term>` for English and
 *   `<index>/t/<language>:<term>` for another, entries `<id>:<order>:<weighted count>`;
 * - a posting per facet, `<index>/f/<facet>` (e.g. `jurisdiction=DE`), entries `<id>:<order>`;
 * - the catalog, `<index>/all`, a posting every searchable document is in: what is in it
 *   is searchable, nothing else; its count is the number of documents;
 * - per document, `<index>/doc/<id>`: its order, its language and every posting it is in
 *   with its count there and where each term stands in it (word positions).
 *
 * Postings are split in blocks, newest first (postings.ts), with a head that says each
 * block's last key and highest count. A query (query.ts: words, "phrases", AND by default,
 * OR, -exclusion, parentheses) is read in each of its languages (`languages`); a word or
 * phrase is found in a document when its terms in the document's language are there (in a
 * phrase, at consecutive positions), or, failing that, its terms in another of the query's
 * languages (which a document has from text given in that language, e.g. its keywords'
 * labels). A word that is a stop word in any of the query's languages is left out.
 *
 * A search reads the heads of its postings, then, newest first, the blocks of the fewest
 * postings every match must be in (the rarest term of each word ANDed, a facet, or the
 * catalog), and scores each document found there exactly from its own entry: BM25's
 * term-frequency saturation and inverse document frequency, no length normalization, summed
 * over the words and phrases found. It stops once the page (and one more) is filled by
 * documents no unread one can pass: one newer than every unread entry, or scored above the
 * highest score an unread document can have (each term at its highest count). The total is
 * counted only when asked (`count`), by reading all those blocks.
 */

interface IndexDoc extends PostingDoc {
  /**
   * A document's postings, one per line: `<posting>\t<count>\t<positions>`, the posting named
   * without the index's name (`t/de:schuld`, `f/jurisdiction=DE`). One string: the embedded
   * database decodes an array element by element; a search looks up only its own terms in it.
   */
  postingsOf?: string;
  order?: number;
  language?: string;
}

const indexSchema = new Schema<IndexDoc>(
  { _id: String, packed: String, count: Number, next: Number, postingsOf: String, order: Number, language: String },
  { collection: 'searchIndex', versionKey: false },
);

/**
 * A document's own entry, read: a posting's count and positions are looked up in the stored
 * string when asked (a search asks for its few terms among the hundreds a document has).
 */
class Forward {
  /** `\n<line>\n…\n`, so that every line is found as `\n<posting>\t`. */
  private readonly lines: string;

  constructor(
    readonly order: number,
    readonly language: string,
    postingsOf: string,
    /** `<index>/`: what a posting's id has before its name here. */
    private readonly prefix: string,
  ) {
    this.lines = `\n${postingsOf}\n`;
  }

  private line(postingId: string): string | null {
    const name = postingId.slice(this.prefix.length);
    const at = this.lines.indexOf(`\n${name}\t`);
    return at < 0 ? null : this.lines.slice(at + name.length + 2, this.lines.indexOf('\n', at + 1));
  }

  /** Its count in a posting (1 for a facet); undefined when it is not in it. */
  count(posting: string): number | undefined {
    const line = this.line(posting);
    return line === null ? undefined : Number(line.slice(0, line.indexOf('\t')));
  }

  /** Where a term's posting stands in it (word positions). */
  positions(posting: string): number[] {
    const line = this.line(posting);
    const at = line === null ? '' : line.slice(line.indexOf('\t') + 1);
    return at ? at.split(' ').map(Number) : [];
  }

  /** Every posting it is in. */
  postings(): string[] {
    return this.lines
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => this.prefix + line.slice(0, line.indexOf('\t')));
  }
}

/** BM25's saturation constant: the tenth mention of a term counts far less than the first. */
const K1 = 1.2;
/** Postings changed at once when a document is indexed. */
const PARALLEL_WRITES = 8;
export const MAX_SEARCH_TERMS = 20;
/** Documents indexed per step of a bulk load. */
export const LOAD_BATCH = 2000;

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
  /** Whether to count every match (`totalCount`): it reads every block a match may be in (default true). */
  count?: boolean;
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
  /** Every match, when counted (`count`); else null. */
  totalCount: number | null;
  /** The search text's terms (in its first language), for highlighting. */
  terms: string[];
  /** The words and phrases a hit is found by (not those excluded), each by language, for highlighting. */
  wanted: WantedText[];
}

/** A word or phrase of a query: its terms in each language it was read in. */
export type WantedText = Record<string, TermPattern>;

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
  private readonly postings: Postings;

  constructor(
    connection: Connection,
    readonly name: string,
  ) {
    this.model = connection.models.SearchIndex ?? connection.model<IndexDoc>('SearchIndex', indexSchema);
    this.postings = new Postings(this.model, new Locks(connection));
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

  private docId(id: string): string {
    return `${this.name}/doc/${id}`;
  }

  /** A term's posting keeps counts; a facet's and the catalog's do not. */
  private weighted(postingId: string): boolean {
    return postingId.startsWith(`${this.name}/t/`);
  }

  /** The postings of a document: posting id → its count there, and a term's word positions. */
  private postingsOf(doc: IndexedDocument): Map<string, { count: number; positions: string }> {
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
      ...[...counts].map(([posting, { count, positions }]): [string, { count: number; positions: string }] => [posting, { count, positions: positions.join(' ') }]),
      ...[...new Set(doc.facets)].map((facet): [string, { count: number; positions: string }] => [this.facetId(facet), { count: 1, positions: '' }]),
    ]);
  }

  /** A document's own entry. */
  private forwardDoc(id: string, doc: IndexedDocument, mine: Map<string, { count: number; positions: string }>): IndexDoc {
    const postingsOf = [...mine].map(([posting, { count, positions }]) => `${posting.slice(this.name.length + 1)}\t${count}\t${positions}`).join('\n');
    return { _id: this.docId(id), order: doc.order, language: doc.language ?? 'en', postingsOf };
  }

  /** Documents' own entries; `whole: false`, only their order and language (their postings read as none). */
  private async readForward(ids: string[], whole = true): Promise<Map<string, Forward>> {
    const docs = await byIds<IndexDoc>(this.model, ids.map((id) => this.docId(id)), whole ? undefined : { order: 1, language: 1 });
    return new Map(docs.map((d) => [d._id.slice(`${this.name}/doc/`.length), new Forward(d.order ?? 0, d.language ?? 'en', d.postingsOf ?? '', `${this.name}/`)]));
  }

  /**
   * Bulk load (seeding, an archive): in steps of LOAD_BATCH documents, each step's entries
   * merged into each posting at once (only the blocks they fall in are rewritten), so memory
   * holds one step. A document indexed before is re-indexed. `progress` hears after each step.
   */
  async putAll(docs: Array<{ id: string; doc: IndexedDocument }>, progress?: (indexed: number) => void): Promise<void> {
    for (let from = 0; from < docs.length; from += LOAD_BATCH) {
      await this.putBatch(docs.slice(from, from + LOAD_BATCH));
      progress?.(Math.min(from + LOAD_BATCH, docs.length));
    }
  }

  private async putBatch(docs: Array<{ id: string; doc: IndexedDocument }>): Promise<void> {
    const before = await this.readForward(docs.map((d) => d.id));
    const out = new Map<string, Entry[]>();
    const add = new Map<string, Entry[]>();
    const push = (to: Map<string, Entry[]>, posting: string, entry: Entry) => void (to.get(posting)?.push(entry) ?? to.set(posting, [entry]));
    const forward: IndexDoc[] = [];
    for (const { id, doc } of docs) {
      const old = before.get(id);
      for (const posting of old?.postings() ?? []) push(out, posting, { id, order: old!.order, weight: 0 });
      const mine = this.postingsOf(doc);
      for (const [posting, { count }] of mine) push(add, posting, { id, order: doc.order, weight: count });
      forward.push(this.forwardDoc(id, doc, mine));
    }
    const changed = [...new Set([...out.keys(), ...add.keys()])];
    await this.postings.changeAll(changed.map((postingId) => ({ postingId, out: out.get(postingId) ?? [], add: add.get(postingId) ?? [], weighted: this.weighted(postingId) })));
    const taken = await insertUnlessTaken(this.model.collection, forward);
    await inBatches(taken, PARALLEL_WRITES, async (doc) => void (await this.model.replaceOne({ _id: doc._id }, doc)));
    const listed = docs.map(({ id, doc }) => ({ id, order: doc.order, weight: 1 }));
    await this.postings.change(this.catalogId, docs.flatMap(({ id }) => (before.has(id) ? [{ id, order: before.get(id)!.order, weight: 0 }] : [])), listed, false);
  }

  /** Indexes a document, or re-indexes it after a change: searchable once this resolves. Changes of one document take turns. */
  put(id: string, doc: IndexedDocument): Promise<void> {
    return this.postings.exclusive(`search/${this.docId(id)}`, () => this.write(id, doc));
  }

  private async write(id: string, doc: IndexedDocument): Promise<void> {
    const old = (await this.readForward([id])).get(id);
    const mine = this.postingsOf(doc);
    const moved = old !== undefined && old.order !== doc.order;
    const changed = [...new Set([...(old?.postings() ?? []), ...mine.keys()])].filter((posting) => moved || old?.count(posting) !== mine.get(posting)?.count);
    const entry = (posting: string): Entry[] => (mine.has(posting) ? [{ id, order: doc.order, weight: mine.get(posting)!.count }] : []);
    const was = (posting: string): Entry[] => (old?.count(posting) !== undefined ? [{ id, order: old.order, weight: 0 }] : []);
    await inBatches(changed, PARALLEL_WRITES, (posting) => this.postings.change(posting, was(posting), entry(posting), this.weighted(posting)));
    await this.model.replaceOne({ _id: this.docId(id) }, this.forwardDoc(id, doc, mine), { upsert: true });
    await this.postings.change(this.catalogId, old ? [{ id, order: old.order, weight: 0 }] : [], [{ id, order: doc.order, weight: 1 }], false);
  }

  /** Takes a document out: its own entry first, so it is never found half removed. */
  remove(id: string): Promise<void> {
    return this.postings.exclusive(`search/${this.docId(id)}`, () => this.erase(id));
  }

  private async erase(id: string): Promise<void> {
    const old = (await this.readForward([id])).get(id);
    if (!old) return;
    await this.model.deleteOne({ _id: this.docId(id) });
    const gone = [{ id, order: old.order, weight: 0 }];
    await this.postings.change(this.catalogId, gone, [], false);
    await inBatches(old.postings(), PARALLEL_WRITES, (posting) => this.postings.change(posting, gone, [], this.weighted(posting)));
  }

  /**
   * One page of matches: with text, by relevance (then order, then id); without, by order,
   * highest first. The cursor carries the last hit's sort key, so a page continues right
   * after it even when documents were added meanwhile.
   */
  async search(query: SearchQuery): Promise<SearchResult> {
    const size = pageSize(query.first);
    const field = query.field ?? 'search';
    const counting = query.count !== false;
    const languages = query.languages?.length ? [...new Set(query.languages)] : ['en'];
    const tree = query.text != null ? analysed(parseQuery(query.text, field), languages) : null;
    if (query.text != null && tree === null) throw badInput(field, 'has no words to search for (stop words are left out), or only words to exclude');
    const leaves = tree ? leavesOf(tree) : [];
    for (const language of languages) {
      const count = new Set(leaves.flatMap(({ leaf }) => leaf.patterns.get(language)!.map((p) => p.term))).size;
      if (count > MAX_SEARCH_TERMS) throw badInput(field, `has ${count} different words; at most ${MAX_SEARCH_TERMS}`);
    }
    let start: Key | null = null;
    if (query.after != null) {
      const m = /^(-?[\d.]+):(-?[\d.]+):([A-Za-z0-9_-]+)$/.exec(Buffer.from(query.after, 'base64url').toString('utf8'));
      if (!m) throw badInput('after', 'is not a cursor of this search (use an endCursor or cursor from it)');
      start = { score: Number(m[1]), order: Number(m[2]), id: m[3] };
    }
    const termIds = [...new Set(leaves.flatMap(({ leaf }) => [...leaf.patterns].flatMap(([language, pattern]) => pattern.map((p) => this.termId(p.term, language)))))];
    const facetIds = [...new Set(query.facets ?? [])].map((f) => this.facetId(f));
    // The catalog's head (a line per block of every document) only when its count scores words, or it is what a listing without facets reads.
    const catalog = tree !== null || facetIds.length === 0 ? [this.catalogId] : [];
    const heads = await this.postings.heads([...catalog, ...termIds, ...facetIds]);
    const scoring = new Scoring(tree, languages, heads.get(this.catalogId)?.count ?? 0, heads, (term, language) => this.termId(term, language));
    const inRange = (order: number) => !((query.orderFrom != null && order < query.orderFrom) || (query.orderTo != null && order > query.orderTo));

    // The postings every match is in one of, the fewest entries in all.
    const size_ = (ids: string[]) => ids.reduce((sum, id) => sum + heads.get(id)!.count, 0);
    const options = [...(tree ? [scoring.cover(tree)] : []), ...facetIds.map((f) => [f]), ...catalog.map((c) => [c])].filter((c): c is string[] => c !== null);
    const cover = options.reduce((best, c) => (size_(c) < size_(best) ? c : best));
    // Per posting read: the blocks read so far, the entries read and not yet checked (in its order), and the last key taken (checked, or left out at reading).
    // Without text, also the facets its block was not sifted through (those its documents' own entries must show).
    type Scan = { posting: string; head: Head; next: number; pending: Entry[]; blockLast: Key | null; last: Key | null; unsifted: string[] };
    const scans: Scan[] = cover.map((posting) => ({ posting, head: heads.get(posting)!, next: 0, pending: [], blockLast: null, last: null, unsifted: facetIds }));
    const moreBlocks = (s: Scan) => s.next < s.head.blocks.length && !(query.orderFrom != null && s.blockLast !== null && s.blockLast.order < query.orderFrom);
    const open = (s: Scan) => s.pending.length > 0 || moreBlocks(s);
    const bound = scoring.highest();

    const found: Key[] = [];
    const seen = new Set<string>();
    const rest = () => (start ? found.filter((key) => before(key, start!) > 0) : found).sort(before);
    for (let round = 0; ; round++) {
      // Blocks wholly newer than the range, or (in the order of a listing without text) wholly before the cursor, are passed.
      const passed = (last: { order: number; id: string }) => (query.orderTo != null && last.order > query.orderTo) || (!tree && start !== null && compareKeys(last, start) < 0);
      for (const s of scans) while (s.pending.length === 0 && s.next < s.head.blocks.length && passed(s.head.blocks[s.next].last)) s.last = s.blockLast = { score: 0, ...s.head.blocks[s.next++].last };
      // A posting whose entries read are all checked reads its next block.
      const reading = scans.filter((s) => s.pending.length === 0 && moreBlocks(s));
      if (!scans.some(open)) break;
      // Without text, the other facets' blocks that overlap the one read: a document missing from one of them is no match.
      const others = tree || reading.length === 0 ? [] : facetIds.filter((f) => !cover.includes(f)).map((f) => ({ facet: f, numbers: overlapping(heads.get(f)!, { from: reading[0].blockLast, to: reading[0].head.blocks[reading[0].next].last }) }));
      const sifting = others.filter((o) => o.numbers.length <= SIFT_BLOCKS);
      const blocks = await this.postings.blocks([
        ...reading.map((s) => `${s.posting}#${s.head.blocks[s.next].number}`),
        ...sifting.flatMap((o) => o.numbers.map((n) => `${o.facet}#${n}`)),
      ]);
      const within = sifting.map((o) => new Set(o.numbers.flatMap((n) => blocks.get(`${o.facet}#${n}`) ?? []).map((e) => e.id)));
      for (const s of reading) {
        s.unsifted = tree ? facetIds : others.filter((o) => o.numbers.length > SIFT_BLOCKS).map((o) => o.facet);
        for (const e of blocks.get(`${s.posting}#${s.head.blocks[s.next].number}`) ?? []) {
          // Left out at once: found through another posting, out of the range, not in another facet, or (in a listing) not after the cursor.
          if (seen.has(e.id) || !inRange(e.order) || !within.every((ids) => ids.has(e.id)) || (!tree && start !== null && compareKeys(e, start) <= 0)) continue;
          seen.add(e.id);
          s.pending.push(e);
        }
        s.blockLast = { score: 0, ...s.head.blocks[s.next++].last };
        if (s.pending.length === 0) s.last = s.blockLast;
      }
      // Checked, newest first: all when counting; in a listing as many as the page still needs; with text, the page and one more, twice as many each round.
      const take = counting ? Infinity : tree ? (size + 1) * 2 ** Math.min(round, 10) : Math.max(0, size + 1 - rest().length);
      const checking: Entry[] = [];
      const unsifted = new Set<string>();
      for (const s of scans) {
        if (s.pending.length > 0) for (const facet of s.unsifted) unsifted.add(facet);
        const part = s.pending.splice(0, take);
        if (part.length > 0) s.last = { score: 0, ...part[part.length - 1] };
        if (s.pending.length === 0 && s.blockLast !== null) s.last = s.blockLast;
        checking.push(...part);
      }
      // A listing sifted through every other facet needs only to know each document is there, and its order.
      for (const [id, f] of await this.readForward(checking.map((e) => e.id), tree !== null || unsifted.size > 0)) {
        if (!inRange(f.order) || ![...unsifted].every((facet) => f.count(facet) !== undefined)) continue;
        const score = tree ? scoring.score(tree, f) : 0;
        if (score !== null) found.push({ score: rounded(score), order: f.order, id });
      }
      if (counting) continue;
      // Enough when the page and one more are found and no unchecked document can come before the last of them.
      const ranked = rest();
      const unfinished = scans.filter(open);
      if (unfinished.length === 0) break;
      if (ranked.length <= size || unfinished.some((s) => s.last === null)) continue;
      const last = ranked[size];
      const frontier = unfinished.map((s) => s.last!).sort(compareKeys)[0];
      const highest = bound === null ? null : rounded(bound + 1e-9);
      if (highest === null || last.score > highest || (last.score === highest && compareKeys(last, frontier) <= 0)) break;
    }

    const ranked = rest();
    const cursor = (key: Key) => Buffer.from(`${key.score}:${key.order}:${key.id}`, 'utf8').toString('base64url');
    const hits = ranked.slice(0, size).map((key) => ({ id: key.id, cursor: cursor(key), score: tree ? key.score : null }));
    const wanted = leaves.filter((l) => !l.negated).map(({ leaf }) => Object.fromEntries(leaf.patterns));
    return {
      hits,
      hasNextPage: ranked.length > size,
      endCursor: hits.length ? hits[hits.length - 1].cursor : null,
      totalCount: counting ? found.length : null,
      terms: [...new Set(wanted.flatMap((w) => w[languages[0]].map((p) => p.term)))],
      wanted,
    };
  }
}

/** Blocks of another facet read at most per block of a listing's posting, to leave out what is not in it (more: the documents' own entries decide). */
const SIFT_BLOCKS = 4;

/** The blocks of a posting that may hold keys after `from` (exclusive; null: the newest) up to `to`. */
function overlapping(head: Head, { from, to }: { from: { order: number; id: string } | null; to: { order: number; id: string } }): number[] {
  const numbers: number[] = [];
  for (const [i, block] of head.blocks.entries()) {
    if (from !== null && compareKeys(block.last, from) <= 0) continue;
    if (i > 0 && compareKeys(head.blocks[i - 1].last, to) >= 0) break;
    numbers.push(block.number);
  }
  return numbers;
}

/** A hit's sort key: score rounded to 4 places (0 without text), order, id. */
interface Key {
  score: number;
  order: number;
  id: string;
}

function rounded(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

/** The ranking: score, then order (highest first), then id. */
function before(a: Key, b: Key): number {
  return b.score - a.score || compareKeys(a, b);
}

/** A query's scores: a document's exactly from its own entry; the highest an unread one can have, from the postings' heads. */
class Scoring {
  constructor(
    private readonly tree: Node | null,
    private readonly languages: string[],
    private readonly total: number,
    private readonly heads: Map<string, Head>,
    private readonly termId: (term: string, language: string) => string,
  ) {}

  private idf(termId: string): number {
    const df = this.heads.get(termId)!.count;
    return Math.log(1 + (this.total - df + 0.5) / (df + 0.5));
  }

  private weight(termId: string, count: number): number {
    return (this.idf(termId) * count * (K1 + 1)) / (count + K1);
  }

  /** The postings a match of `node` is in one of (the rarest term of each word; the fewest of an AND); null: none (an exclusion). */
  cover(node: Node): string[] | null {
    if (node.kind === 'leaf') {
      const rarest = [...node.patterns].map(([language, pattern]) => pattern.map((p) => this.termId(p.term, language)).reduce((a, b) => (this.heads.get(b)!.count < this.heads.get(a)!.count ? b : a)));
      return [...new Set(rarest)];
    }
    if (node.kind === 'not') return null;
    const covers = node.nodes.map((n) => this.cover(n));
    const count = (c: string[]) => c.reduce((sum, id) => sum + this.heads.get(id)!.count, 0);
    if (node.kind === 'or') return covers.some((c) => c === null) ? null : [...new Set(covers.flat() as string[])];
    const some = covers.filter((c): c is string[] => c !== null);
    return some.length ? some.reduce((a, b) => (count(b) < count(a) ? b : a)) : null;
  }

  /** A document's score (null: not a match). */
  score(node: Node, doc: Forward): number | null {
    if (node.kind === 'leaf') return this.leafScore(node, doc);
    if (node.kind === 'not') return this.score(node.node, doc) === null ? 0 : null;
    const results = node.nodes.map((n) => this.score(n, doc));
    if (node.kind === 'and' && results.some((r) => r === null)) return null;
    if (node.kind === 'or' && results.every((r) => r === null)) return null;
    return results.reduce<number>((sum, r) => sum + (r ?? 0), 0);
  }

  // In the document's own language if the query is read in it; else the best of the others.
  private leafScore(leaf: Leaf, doc: Forward): number | null {
    if (leaf.patterns.has(doc.language)) {
      const score = this.found(leaf, doc, doc.language);
      if (score !== null) return score;
    }
    const others = this.languages.filter((l) => l !== doc.language).map((l) => this.found(leaf, doc, l)).filter((v): v is number => v !== null);
    return others.length ? Math.max(...others) : null;
  }

  private found(leaf: Leaf, doc: Forward, language: string): number | null {
    const pattern = leaf.patterns.get(language)!;
    const ids = pattern.map((p) => this.termId(p.term, language));
    const counts = ids.map((termId) => doc.count(termId));
    if (counts.some((count) => count === undefined)) return null;
    if (pattern.length > 1 && !inSequence(doc, ids, pattern)) return null;
    return ids.reduce((sum, termId, i) => sum + this.weight(termId, counts[i]!), 0);
  }

  /** The highest score any document can have: each term at its highest count (null: none can match). */
  highest(node: Node | null = this.tree): number | null {
    if (node === null) return 0;
    if (node.kind === 'leaf') {
      const each = [...node.patterns].map(([language, pattern]) => {
        const ids = pattern.map((p) => this.termId(p.term, language));
        return ids.every((id) => this.heads.get(id)!.maxWeight > 0) ? ids.reduce((sum, id) => sum + this.weight(id, this.heads.get(id)!.maxWeight), 0) : null;
      });
      const possible = each.filter((v): v is number => v !== null);
      return possible.length ? Math.max(...possible) : null;
    }
    if (node.kind === 'not') return 0;
    const results = node.nodes.map((n) => this.highest(n));
    if (node.kind === 'and' && results.some((r) => r === null)) return null;
    if (node.kind === 'or' && results.every((r) => r === null)) return null;
    return results.reduce<number>((sum, r) => sum + (r ?? 0), 0);
  }
}

/** Whether the terms `ids` stand in a document at the pattern's offsets (a document indexed without positions has no phrase). */
function inSequence(doc: Forward, ids: string[], pattern: TermPattern): boolean {
  const later = ids.slice(1).map((termId) => new Set(doc.positions(termId)));
  return doc.positions(ids[0]).some((start) => later.every((set, i) => set.has(start + pattern[i + 1].offset)));
}
