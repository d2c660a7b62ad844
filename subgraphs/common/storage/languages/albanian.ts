/**
 * A light stemmer for Albanian: the case, number and definiteness endings of nouns and
 * adjectives stripped, after the inflectional suffix classes of J. Sadiku and M. Biba,
 * "Automatic Stemming of Albanian Through a Rule-based Approach", Journal of International
 * Research Publications: Language, Individuals & Society 6 (2012), reduced to the
 * inflectional ones (light stemming, as J. Savoy's light stemmers for IR). One pass: the
 * longest listed ending goes when at least three letters stay. Input: a lowercase word with
 * its diacritics folded (text.ts), so 'ë' is 'e' and 'ç' is 'c': 'viktimës', 'viktimat' and
 * 'viktima' all meet at 'viktim'; 'trafikimit' and 'trafikimi' at 'trafikim'.
 */

/** Longest first. Definite -i/-u/-a, genitive/dative -it/-ut/-es/-se, accusative -in/-un/-en, plural -et/-at/-ve/-t. */
const ENDINGS = [
  'eve', 'ave', 'ive', 'uve',
  've', 'it', 'ut', 'in', 'un', 'en', 'es', 'se', 'et', 'at',
  'i', 'u', 'a', 'e', 't',
].sort((a, b) => b.length - a.length);

const MIN_STEM = 3;

export function albanianStem(word: string): string {
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) return word.slice(0, -ending.length);
  }
  return word;
}
