/**
 * A light stemmer for Greek: inflectional endings stripped, nothing derivational. After the
 * suffix classes of G. Ntais, "Development of a Stemmer for the Greek Language" (MSc thesis,
 * Stockholm University / KTH, 2006) — the stemmer behind Lucene's GreekStemmer — reduced to
 * the noun, adjective, participle and verb endings, as light stemmers for information
 * retrieval do (Savoy's light stemmers: J. Savoy, "Light stemming approaches for the French,
 * Portuguese, German and Hungarian languages", SAC 2006, and his Greek rules on
 * members.unine.ch/jacques.savoy/clef). One pass: the longest listed ending goes, when at
 * least two letters stay. Input: a lowercase word without accents (text.ts folds them);
 * a final sigma is made a plain one first, so 'εμπορίας' and 'εμπορία' meet at 'εμπορ'.
 */

/** Longest first, so 'ατων' is tried before 'ων'. */
const ENDINGS = [
  // participles
  'ομενων', 'ομενοσ', 'ομενησ', 'ομενεσ', 'ομενη', 'ομενο', 'ομενα', 'ομενοι', 'ημενοσ', 'ημενη', 'ημενο', 'ημενα', 'ημενοι', 'ημενων', 'μενοσ', 'μενη', 'μενο', 'μενα', 'μενοι', 'μενων',
  // verbs
  'ουσατε', 'ουσαμε', 'ησαμε', 'ησατε', 'ουνται', 'ονται', 'ουνταν', 'ονταν', 'ουμαστε', 'ομαστε', 'ουσαν', 'ησαν', 'ηκαν', 'ουμαι', 'ομαι', 'ειται', 'εται', 'εσαι', 'ουμε', 'ουνε', 'ουσε', 'ησε', 'ετε', 'ειτε', 'ουν', 'εισ', 'ουσ',
  // nouns and adjectives
  'ατων', 'ατοσ', 'ατα', 'ιουσ', 'ιων', 'ιεσ', 'ιασ', 'ιου', 'ιοσ', 'ιοι', 'ια', 'ιο', 'εων', 'εωσ', 'ων', 'ου', 'οσ', 'ησ', 'εσ', 'ασ', 'ει', 'οι', 'α', 'η', 'ο', 'ι', 'ε', 'ω', 'υ',
].sort((a, b) => b.length - a.length);

const MIN_STEM = 2;

export function greekStem(word: string): string {
  const plain = word.replace(/ς/g, 'σ');
  for (const ending of ENDINGS) {
    if (plain.endsWith(ending) && plain.length - ending.length >= MIN_STEM) return plain.slice(0, -ending.length);
  }
  return plain;
}
