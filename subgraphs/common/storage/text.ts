import stem from 'wink-porter2-stemmer';
import { termIn } from './languages';

/**
 * The platform's text analyzer for full-text search. The database has no text index, so a
 * search index elsewhere stores the terms made here; a query goes through the same analysis,
 * so 'Forced Labour' finds 'forced labor'. One word becomes one term: lowercased, diacritics
 * folded, then in English irregular plurals made singular, British spellings made American,
 * then stemmed (Porter2); in another language by that language's analyzer (languages/:
 * its stop words and stemmer; Serbian Cyrillic read as Latin). Stop words give no term.
 * Pure functions, no database.
 */

/** A word: a letter or digit, then letters, digits and combining marks (so 'Mu\u0308ller' or Hindi stays whole). */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/**
 * Accents: the combining diacritical mark blocks, which is what NFKD leaves of the accents of
 * Latin, Greek and Cyrillic letters. Not every \p{M}: Devanagari vowel signs or the kana voicing
 * mark are part of the spelling ('हिन्दी' is not 'हनद', 'ガ' is not 'カ').
 */
const ACCENTS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/** Words too common to search by. 'no', 'will', 'may' and 'us' stay searchable: here they mean an answer, a testament, a month, a country. */
const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'being', 'but', 'by', 'can', 'could', 'did', 'do', 'does',
  'for', 'from', 'had', 'has', 'have', 'he', 'her', 'him', 'his', 'i', 'if', 'in', 'into', 'is', 'it', 'its',
  'me', 'my', 'not', 'of', 'on', 'or', 'our', 'she', 'so', 'such', 'that', 'the', 'their', 'them', 'then',
  'there', 'these', 'they', 'this', 'those', 'to', 'was', 'we', 'were', 'which', 'who', 'with', 'you', 'your',
  // What is left of "it's", "victim's" and "don't" once the apostrophe has split the word.
  's', 't',
]);

/** Plurals the stemmer leaves alone, made singular so that 'children' finds 'child'. */
const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ['children', 'child'],
  ['women', 'woman'],
  ['men', 'man'],
  ['people', 'person'],
]);

/** British words in -our; each form becomes American by turning 'our' into 'or' (labour → labor, favourite → favorite). */
const OUR_WORDS = [
  'labour', 'labours', 'laboured', 'labourer', 'labourers', 'labouring',
  'behaviour', 'behaviours', 'behavioural',
  'harbour', 'harbours', 'harboured', 'harbouring',
  'favour', 'favours', 'favoured', 'favouring', 'favourable', 'favourite',
  'honour', 'honours', 'honoured', 'honouring', 'honourable',
  'neighbour', 'neighbours', 'neighbouring', 'neighbourhood', 'neighbourhoods',
  'colour', 'colours', 'coloured',
  'rumour', 'rumours',
];

/** British verbs in -ise; each, with its endings (-es, -ed, -ing, -er(s), -ation(s)), becomes -ize. */
const ISE_VERBS = [
  'organise', 'recognise', 'criminalise', 'decriminalise', 'penalise', 'prioritise', 'victimise', 'revictimise',
  'minimise', 'authorise', 'characterise', 'realise', 'legalise', 'sensitise', 'mobilise', 'specialise',
  'summarise', 'utilise', 'emphasise', 'jeopardise', 'harmonise', 'finalise', 'standardise', 'categorise',
  'digitise', 'hospitalise', 'marginalise', 'traumatise', 'radicalise', 'scrutinise', 'apologise',
];
const ISE_ENDINGS = ['e', 'es', 'ed', 'ing', 'er', 'ers', 'ation', 'ations'];

/** Other British forms that matter in this domain, with their American spelling. */
const OTHER_BRITISH_FORMS: ReadonlyArray<[string, string]> = [
  ['offence', 'offense'], ['offences', 'offenses'],
  ['defence', 'defense'], ['defences', 'defenses'],
  ['licence', 'license'], ['licences', 'licenses'],
  ['pretence', 'pretense'],
  ['centre', 'center'], ['centres', 'centers'], ['centred', 'centered'],
  ['programme', 'program'], ['programmes', 'programs'],
  ['judgement', 'judgment'], ['judgements', 'judgments'],
  ['acknowledgement', 'acknowledgment'], ['acknowledgements', 'acknowledgments'],
  ['counselling', 'counseling'], ['counselled', 'counseled'], ['counsellor', 'counselor'], ['counsellors', 'counselors'],
  ['travelled', 'traveled'], ['travelling', 'traveling'], ['traveller', 'traveler'], ['travellers', 'travelers'],
  ['cancelled', 'canceled'], ['cancelling', 'canceling'],
  ['labelled', 'labeled'], ['labelling', 'labeling'],
  ['analyse', 'analyze'], ['analysed', 'analyzed'], ['analysing', 'analyzing'],
  ['practise', 'practice'], ['practised', 'practiced'], ['practising', 'practicing'],
  ['paedophile', 'pedophile'], ['paedophiles', 'pedophiles'], ['paedophilia', 'pedophilia'], ['paediatric', 'pediatric'],
  ['ageing', 'aging'],
];

/** Words in -ised, -ising or -isation that are spelt so in American English too: the general rule leaves them alone. */
const NOT_BRITISH_ISE: ReadonlySet<string> = new Set([
  'advertised', 'advertising', 'advised', 'advising', 'unadvised', 'supervised', 'supervising', 'unsupervised',
  'revised', 'revising', 'devised', 'devising', 'televised', 'televising',
  'improvised', 'improvising', 'improvisation', 'improvisations',
  'promised', 'promising', 'unpromising', 'compromised', 'compromising', 'uncompromising',
  'surmised', 'premised', 'demised', 'premises', 'otherwise', 'expertise',
  'surprised', 'surprising', 'unsurprising', 'comprised', 'comprising', 'enterprising',
  'exercised', 'exercising', 'excised', 'incised', 'circumcised', 'circumcising', 'exorcised',
  'franchised', 'franchising', 'enfranchised', 'disenfranchised', 'merchandised', 'merchandising',
  'despised', 'despising', 'chastised', 'chastising', 'disguised', 'disguising',
  'apprised', 'apprising', 'reprised', 'reprising',
  'raised', 'raising', 'fundraising', 'praised', 'praising', 'appraised', 'appraising',
  'arising', 'rising', 'uprising',
  'bruised', 'bruising', 'cruised', 'cruising', 'noised', 'poised', 'poising',
]);

/** Words Porter2 would stem into another word of this domain ('organization' into 'organ', 'minority' into 'minor'), with terms of their own. */
const KEPT_APART: ReadonlyMap<string, string> = new Map([
  ...['organization', 'organizations', 'organizational', 'organize', 'organizes', 'organized', 'organizing', 'organizer', 'organizers'].map(
    (word): [string, string] => [word, 'organiz'],
  ),
  ['minority', 'minoriti'],
  ['minorities', 'minoriti'],
  ['personal', 'personal'],
  ['personally', 'personal'],
]);

/** Every listed British form, with its American spelling. */
const BRITISH_TO_AMERICAN: ReadonlyMap<string, string> = new Map([
  ...OUR_WORDS.map((word): [string, string] => [word, word.replace('our', 'or')]),
  ...ISE_VERBS.flatMap((verb) => {
    const root = verb.slice(0, -'ise'.length);
    return ISE_ENDINGS.map((ending): [string, string] => [`${root}is${ending}`, `${root}iz${ending}`]);
  }),
  ...OTHER_BRITISH_FORMS,
]);

/** One word of a text as the index sees it: its term and where it stands in the original text. */
export interface Token {
  term: string;
  /** Its place among the text's words, stop words counted: a phrase is terms at consecutive places. */
  position: number;
  /** Offsets into the original text, in UTF-16 code units: text.slice(start, end) is the word. */
  start: number;
  end: number;
}

/** A highlight: a part of a text and where, inside it, the wanted words are. */
export interface Snippet {
  snippet: string;
  matches: Array<{ start: number; length: number }>;
}

/** The tokens of a text in `language` (ISO 639-1, default English), stop words left out, in order. */
export function tokenize(text: string, language = 'en'): Token[] {
  const tokens: Token[] = [];
  wordsOf(text).forEach((word, position) => {
    const term = termOf(word.text, language);
    if (term !== undefined) tokens.push({ term, position, start: word.start, end: word.end });
  });
  return tokens;
}

/** The terms of a text (tokenize(text, language).map(t => t.term)). */
export function terms(text: string, language = 'en'): string[] {
  return tokenize(text, language).map((token) => token.term);
}

/** A run of terms to find together, each at its offset from the first (stop words between count): a phrase, or a word of several tokens. */
export type TermPattern = Array<{ term: string; offset: number }>;

/** The pattern of a query word or phrase in `language`: its terms and their offsets; empty when it is stop words only. */
export function patternOf(text: string, language = 'en'): TermPattern {
  const tokens = tokenize(text, language);
  return tokens.map((token) => ({ term: token.term, offset: token.position - tokens[0].position }));
}

/** Where `pattern` occurs among `tokens` (in text order): the tokens of each occurrence. */
export function occurrences(tokens: Token[], pattern: TermPattern): Token[][] {
  if (pattern.length === 0) return [];
  const at = new Map(tokens.map((token) => [token.position, token]));
  return tokens.flatMap((first) => {
    if (first.term !== pattern[0].term) return [];
    const run = pattern.map(({ term, offset }) => at.get(first.position + offset)).filter((t, i) => t?.term === pattern[i].term) as Token[];
    return run.length === pattern.length ? [run] : [];
  });
}

/**
 * Highlights: short snippets of `text` around the tokens whose term is in `wanted`, with the
 * matched ranges (offsets within the snippet). Up to `max` snippets (default 2), each about
 * `context` characters (default 60) either side of its matches, cut between words; '…' marks
 * where words were left out. Windows that overlap become one snippet; when there are more
 * than `max`, those with the most different wanted terms win, and they come in text order.
 * The text is read in `options.language` (default English); each of `options.phrases` found
 * is one match from its first word to its last.
 */
export function snippets(
  text: string,
  wanted: ReadonlySet<string>,
  options: { max?: number; context?: number; language?: string; phrases?: TermPattern[] } = {},
): Snippet[] {
  const max = options.max ?? 2;
  const context = Math.max(0, options.context ?? 60);
  const words = wordsOf(text);
  const tokens = tokenize(text, options.language);
  // A phrase found is one hit from its first word to its last; a word inside it is not another.
  const runs = (options.phrases ?? []).flatMap((phrase) => occurrences(tokens, phrase));
  const phraseHits = runs.map((run): Token => ({ term: run.map((t) => t.term).join(' '), position: run[0].position, start: run[0].start, end: run[run.length - 1].end }));
  const inPhrase = (token: Token) => phraseHits.some((hit) => token.start >= hit.start && token.end <= hit.end);
  const hits = [...phraseHits, ...tokens.filter((token) => wanted.has(token.term) && !inPhrase(token))]
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((hit, i, all) => i === 0 || hit.start >= all[i - 1].end);
  if (hits.length === 0 || max < 1) return [];

  // Hits come in text order, so a window overlaps, if anything, the one just before it.
  const windows: Array<{ from: number; to: number; hits: Token[] }> = [];
  for (const hit of hits) {
    const last = windows[windows.length - 1];
    if (last && hit.start - context <= last.to) {
      last.to = hit.end + context;
      last.hits.push(hit);
    } else {
      windows.push({ from: hit.start - context, to: hit.end + context, hits: [hit] });
    }
  }

  const kinds = (window: { hits: Token[] }) => new Set(window.hits.map((hit) => hit.term)).size;
  const best = windows
    .map((window, position) => ({ window, position, kinds: kinds(window) }))
    .sort((a, b) => b.kinds - a.kinds || b.window.hits.length - a.window.hits.length || a.position - b.position)
    .slice(0, max)
    .sort((a, b) => a.position - b.position);
  return best.map(({ window }) => cut(text, words, window));
}

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  return Array.from(text.matchAll(WORD), (match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** The term of one word in `language`, or undefined for a stop word. */
function termOf(word: string, language: string): string | undefined {
  const key = `${language}:${word}`;
  const known = KNOWN_TERMS.get(key);
  if (known !== undefined) return known ?? undefined;
  const term = analysed(word, language);
  if (KNOWN_TERMS.size >= TERMS_KEPT) KNOWN_TERMS.clear();
  KNOWN_TERMS.set(key, term ?? null);
  return term;
}

/**
 * Terms already worked out, by language and word (null: a stop word). A word's term never
 * changes and the words of a language's texts repeat, so most are analysed once: folding
 * and stemming were over half of the Node CPU of a bulk load, and a search's highlights
 * analyse the texts they show again. Bounded: emptied when full.
 */
const KNOWN_TERMS = new Map<string, string | null>();
const TERMS_KEPT = 100_000;

function analysed(word: string, language: string): string | undefined {
  // NFKD rather than NFD also unfolds ligatures ('ﬁnancial' from PDFs) and full-width letters;
  // lowercasing after it turns 'İ' into a plain 'i'; NFC puts what is left back together.
  const folded = word.normalize('NFKD').replace(ACCENTS, '').toLowerCase().normalize('NFC');
  if (folded === '') return undefined;
  return language === 'en' ? englishTerm(folded) : termIn(language, folded);
}

/** The English term of a folded word: the analysis every index had before there were languages. */
function englishTerm(folded: string): string | undefined {
  if (STOP_WORDS.has(folded)) return undefined;
  if (/^\p{N}+$/u.test(folded)) return folded;
  const american = americanSpelling(IRREGULAR_PLURALS.get(folded) ?? folded);
  return KEPT_APART.get(american) ?? stem(american);
}

/** Before stemming, as Porter2 stems 'labour' and 'labor', or 'organise' and 'organize', apart. */
function americanSpelling(word: string): string {
  const listed = BRITISH_TO_AMERICAN.get(word);
  if (listed !== undefined) return listed;
  // Shorter words in -ised/-ising are mostly not British spellings ('raised', 'poised').
  if (word.length < 7 || NOT_BRITISH_ISE.has(word)) return word;
  return word.replace(/is(ations?|ed|ing)$/, 'iz$1');
}

/** The snippet of one window: from the first word that starts in it to the last word that ends in it. */
function cut(text: string, words: Word[], window: { from: number; to: number; hits: Token[] }): Snippet {
  // The hits are words inside the window, so these are found and enclose them.
  const first = words.findIndex((word) => word.start >= window.from);
  let last = words.length - 1;
  while (words[last].end > window.to) last--;
  // A window that reaches an end of the text takes it whole (its opening quote, its closing
  // full stop), less white space.
  const textStart = text.length - text.trimStart().length;
  const textEnd = text.trimEnd().length;
  const start = window.from <= textStart ? textStart : words[first].start;
  const end = window.to >= textEnd ? textEnd : words[last].end;
  const before = start > textStart ? '…' : '';
  const after = end < textEnd ? '…' : '';
  return {
    snippet: before + text.slice(start, end) + after,
    matches: window.hits.map((hit) => ({ start: before.length + hit.start - start, length: hit.end - hit.start })),
  };
}
