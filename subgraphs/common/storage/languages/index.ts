import { newStemmer } from 'snowball-stemmers';
import { albanianStem } from './albanian';
import { greekStem } from './greek';
import { serbianLatin, serbianStem } from './serbian';
import { STOP_WORDS } from './stop-words';

/**
 * The analyzers of languages other than English (English's, with its spelling rules, is
 * ../text.ts): a folded lowercase word in, its term out, or undefined for a stop word.
 * German and Italian (and other languages a precedent may be written in) use the Snowball
 * stemmers of the maintained `snowball-stemmers` package; Greek, Albanian and Serbian, which
 * Snowball lacks, the light stemmers beside this file. A language without a stemmer here
 * is searched by its folded words.
 */

/** The languages of the region: a query without a language is read in each of them. */
export const REGION_LANGUAGES = ['en', 'de', 'it', 'el', 'sq', 'sr'] as const;

/** ISO 639-1 → Snowball algorithm, for the languages Snowball has. */
const SNOWBALL: Readonly<Record<string, string>> = {
  de: 'german', it: 'italian', fr: 'french', es: 'spanish', pt: 'portuguese', nl: 'dutch', ro: 'romanian', ru: 'russian', sl: 'slovene',
  hu: 'hungarian', sv: 'swedish', da: 'danish', fi: 'finnish', no: 'norwegian', tr: 'turkish', ca: 'catalan', cs: 'czech',
};

type Stem = (word: string) => string;
const stemmers = new Map<string, Stem>();

function stemmerOf(language: string): Stem {
  let stem = stemmers.get(language);
  if (!stem) {
    if (language === 'el') stem = greekStem;
    else if (language === 'sq') stem = albanianStem;
    else if (language === 'sr') stem = serbianStem;
    else if (SNOWBALL[language]) {
      const snowball = newStemmer(SNOWBALL[language]);
      stem = (word) => snowball.stem(word);
    } else stem = (word) => word;
    stemmers.set(language, stem);
  }
  return stem;
}

/** The term of a folded lowercase word in `language` (not English), or undefined for a stop word. */
export function termIn(language: string, folded: string): string | undefined {
  const word = language === 'sr' ? serbianLatin(folded) : language === 'el' ? folded.replace(/ς/g, 'σ') : language === 'de' ? folded.replace(/ß/g, 'ss') : folded;
  if (STOP_WORDS[language]?.has(word)) return undefined;
  if (/^\p{N}+$/u.test(word)) return word;
  return stemmerOf(language)(word);
}
