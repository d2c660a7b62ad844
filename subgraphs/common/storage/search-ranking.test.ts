import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectDatabase, SearchIndex, tokenize, patternOf, type IndexedDocument } from './';
import { parseQuery, type QueryNode } from './query';

// A search reads only the blocks a page needs and stops early (search.ts, decision 119):
// its pages must be exactly what scoring every document would give. Thousands of generated
// documents (words of very different frequencies, few decision days so that many tie, two
// languages, parts in the other one), ranked here by brute force from the definition
// (BM25 saturation and IDF over every document, no length normalization; score rounded to 4
// places, then order, then id), against the index walked page by page.

const K1 = 1.2;
const EN = ['debt', 'bondage', 'labour', 'forced', 'clinic', 'organ', 'harbour', 'vessel', 'fishing', 'farm', 'harvest', 'passport', 'recruiter', 'agency', 'visa', 'brothel', 'begging', 'kidney', 'adoption', 'marriage', 'compensation', 'witness', 'video', 'border', 'cannabis', 'nail', 'salon', 'carwash', 'garment', 'factory'];
const DE = ['schuld', 'knechtschaft', 'arbeit', 'zwang', 'klinik', 'hafen', 'schiff', 'ernte', 'pass', 'agentur', 'bordell', 'niere', 'adoption', 'ehe', 'entschädigung', 'zeuge', 'grenze', 'plantage'];

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A word of `words`, the first ones far more often (Zipf-like). */
function pick(next: () => number, words: string[]): string {
  return words[Math.floor(words.length * next() ** 2.5)];
}

function generated(count: number): Array<{ id: string; doc: IndexedDocument }> {
  const next = random(30);
  return Array.from({ length: count }, (_, i) => {
    const language = next() < 0.7 ? 'en' : 'de';
    const words = language === 'en' ? EN : DE;
    const sentence = (n: number, from: string[]) => Array.from({ length: n }, () => pick(next, from)).join(' ');
    const other = language === 'en' ? 'de' : 'en';
    return {
      id: `d${String(i).padStart(5, '0')}`,
      doc: {
        language,
        text: [
          { text: sentence(4 + Math.floor(next() * 20), words), weight: 1 },
          { text: sentence(1 + Math.floor(next() * 3), language === 'en' ? DE : EN), weight: 2, language: other },
          // One word once in as many documents in each language: they all tie at the highest score, found through two postings.
          ...(i % 10 === 0 ? [{ text: 'quagga', weight: 1, language: 'en' }] : i % 10 === 5 ? [{ text: 'quagga', weight: 1, language: 'de' }] : []),
        ],
        // A rare facet and a common one: a listing by the rare one leaves out what the common one lacks (decision 119).
        facets: [`region=${'NSEW'[Math.floor(next() * 4)]}`, ...(next() < 0.3 ? ['issue=COMPENSATION'] : []), `court=${i % 20 < 2 ? 'HIGH' : 'LOWER'}`],
        order: 20000101 + Math.floor(next() * 40) * 10,
      },
    };
  });
}

/** Every document's counts and word positions per `<language>:<term>`, as indexed. */
function analysedDocs(docs: Array<{ id: string; doc: IndexedDocument }>) {
  return docs.map(({ id, doc }) => {
    const counts = new Map<string, number>();
    const positions = new Map<string, number[]>();
    let base = 0;
    for (const part of doc.text) {
      const language = part.language ?? doc.language ?? 'en';
      const tokens = tokenize(part.text, language);
      for (const token of tokens) {
        const key = `${language}:${token.term}`;
        counts.set(key, (counts.get(key) ?? 0) + part.weight);
        positions.set(key, [...(positions.get(key) ?? []), base + token.position]);
      }
      base += (tokens.at(-1)?.position ?? 0) + 2;
    }
    return { id, language: doc.language ?? 'en', order: doc.order, facets: new Set(doc.facets), counts, positions };
  });
}

type Analysed = ReturnType<typeof analysedDocs>[number];

/** The whole ranking of a query by scoring every document. */
function bruteForce(all: Analysed[], query: { text?: string; facets?: string[]; orderFrom?: number; orderTo?: number }, languages: string[]) {
  const counted = new Map<string, number>();
  const df = (key: string) => counted.get(key) ?? counted.set(key, all.filter((d) => d.counts.has(key)).length).get(key)!;
  const idf = (key: string) => Math.log(1 + (all.length - df(key) + 0.5) / (df(key) + 0.5));
  const found = (text: string, d: Analysed, language: string): number | null => {
    const pattern = patternOf(text, language);
    const keys = pattern.map((p) => `${language}:${p.term}`);
    if (!keys.every((k) => d.counts.has(k))) return null;
    if (pattern.length > 1 && !d.positions.get(keys[0])!.some((s) => keys.slice(1).every((k, i) => d.positions.get(k)!.includes(s + pattern[i + 1].offset)))) return null;
    return keys.reduce((sum, k) => sum + (idf(k) * d.counts.get(k)! * (K1 + 1)) / (d.counts.get(k)! + K1), 0);
  };
  const score = (node: QueryNode, d: Analysed): number | null => {
    if (node.kind === 'word' || node.kind === 'phrase') {
      const own = languages.includes(d.language) ? found(node.text, d, d.language) : null;
      if (own !== null) return own;
      const others = languages.filter((l) => l !== d.language).map((l) => found(node.text, d, l)).filter((v): v is number => v !== null);
      return others.length ? Math.max(...others) : null;
    }
    if (node.kind === 'not') return score(node.node, d) === null ? 0 : null;
    const results = node.nodes.map((n) => score(n, d));
    if (node.kind === 'and' && results.some((r) => r === null)) return null;
    if (node.kind === 'or' && results.every((r) => r === null)) return null;
    return results.reduce<number>((sum, r) => sum + (r ?? 0), 0);
  };
  const tree = query.text != null ? parseQuery(query.text, 'search') : null;
  return all
    .filter((d) => (query.facets ?? []).every((f) => d.facets.has(f)) && !(query.orderFrom != null && d.order < query.orderFrom) && !(query.orderTo != null && d.order > query.orderTo))
    .map((d) => ({ id: d.id, order: d.order, score: tree ? score(tree, d) : 0 }))
    .filter((h): h is { id: string; order: number; score: number } => h.score !== null)
    .map((h) => ({ ...h, score: Math.round(h.score * 10_000) / 10_000 }))
    .sort((a, b) => b.score - a.score || b.order - a.order || (a.id < b.id ? -1 : 1))
    .map((h) => `${h.id} ${tree ? h.score : ''}`);
}

const QUERIES: Array<{ text?: string; facets?: string[]; orderFrom?: number; orderTo?: number; languages?: string[] }> = [
  { text: 'debt' },
  { text: 'debt bondage' },
  { text: 'bondage labour forced' },
  { text: 'factory garment' },
  { text: 'debt OR kidney' },
  { text: 'debt -bondage' },
  { text: '"debt bondage"' },
  { text: '(clinic OR organ) labour' },
  { text: 'schuld', languages: ['de'] },
  { text: 'schuld debt', languages: ['en', 'de'] },
  { text: 'adoption', languages: ['en', 'de'] },
  { text: 'quagga', languages: ['en', 'de'] },
  { text: 'debt', facets: ['region=N', 'issue=COMPENSATION'] },
  { text: 'labour forced', orderFrom: 20000151, orderTo: 20000301 },
  { facets: ['region=E'] },
  { facets: ['region=S', 'issue=COMPENSATION'], orderTo: 20000250 },
  { facets: ['court=HIGH', 'region=N'] },
  { facets: ['region=W', 'court=LOWER', 'issue=COMPENSATION'], orderFrom: 20000111 },
  {},
];

let connection: Connection;
afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describe('SearchIndex at a few thousand documents', () => {
  it('gives, page after page, exactly the ranking of scoring every document; counts every match when asked', async () => {
    connection = await connectDatabase(process.env.MONGODB_URI!, `search_ranking_${randomBytes(4).toString('hex')}`);
    const docs = generated(3000);
    const index = new SearchIndex(connection, 'ranked');
    // In steps out of decision order, so that steps merge into blocks already written.
    await index.putAll(docs);
    const all = analysedDocs(docs);
    for (const { languages = ['en'], ...query } of QUERIES) {
      const expected = bruteForce(all, query, languages);
      const pages: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 500; page++) {
        const found = await index.search({ ...query, languages, first: 37, after, count: false });
        pages.push(...found.hits.map((h) => `${h.id} ${query.text != null ? h.score : ''}`));
        if (!found.hasNextPage) break;
        after = found.endCursor;
      }
      expect({ query, ranked: pages }).toEqual({ query, ranked: expected });
      expect((await index.search({ ...query, languages, first: 1 })).totalCount).toBe(expected.length);
    }
    expect(QUERIES.every((q) => bruteForce(all, q, q.languages ?? ['en']).length > 40)).toBe(true);
  }, 300_000);
});
