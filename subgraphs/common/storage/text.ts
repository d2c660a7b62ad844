import stem from 'wink-porter2-stemmer';

/**
 * The platform's text analyzer for full-text search. The database has no text index, so a
 * search index elsewhere stores the terms made here; a query goes through the same analysis,
 * so 'Forced Labour' finds 'forced labor'. One word becomes one term: lowercased, diacritics
 * folded, irregular plurals made singular, British spellings made American, then stemmed
 * (Porter2). Stop words give no term. Pure functions, no database.
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
  /** Offsets into the original text, in UTF-16 code units: text.slice(start, end) is the word. */
  start: number;
  end: number;
}

/** A highlight: a part of a text and where, inside it, the wanted words are. */
export interface Snippet {
  snippet: string;
  matches: Array<{ start: number; length: number }>;
}

/** The tokens of a text, stop words left out, in order. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const word of wordsOf(text)) {
    const term = termOf(word.text);
    if (term !== undefined) tokens.push({ term, start: word.start, end: word.end });
  }
  return tokens;
}

/** The terms of a text (tokenize(text).map(t => t.term)). */
export function terms(text: string): string[] {
  return tokenize(text).map((token) => token.term);
}

/**
 * Highlights: short snippets of `text` around the tokens whose term is in `wanted`, with the
 * matched ranges (offsets within the snippet). Up to `max` snippets (default 2), each about
 * `context` characters (default 60) either side of its matches, cut between words; '…' marks
 * where words were left out. Windows that overlap become one snippet; when there are more
 * than `max`, those with the most different wanted terms win, and they come in text order.
 */
export function snippets(
  text: string,
  wanted: ReadonlySet<string>,
  options: { max?: number; context?: number } = {},
): Snippet[] {
  const max = options.max ?? 2;
  const context = Math.max(0, options.context ?? 60);
  const words = wordsOf(text);
  const hits = tokenize(text).filter((token) => wanted.has(token.term));
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

/** The term of one word, or undefined for a stop word. */
function termOf(word: string): string | undefined {
  // NFKD rather than NFD also unfolds ligatures ('ﬁnancial' from PDFs) and full-width letters;
  // lowercasing after it turns 'İ' into a plain 'i'; NFC puts what is left back together.
  const folded = word.normalize('NFKD').replace(ACCENTS, '').toLowerCase().normalize('NFC');
  if (folded === '' || STOP_WORDS.has(folded)) return undefined;
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
