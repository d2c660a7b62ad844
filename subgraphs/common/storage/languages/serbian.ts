/**
 * Serbian, in either script: Cyrillic is transliterated to Latin first (the official
 * correspondence, one letter to one or two: љ lj, њ nj, џ dž), so 'трговина' and
 * 'trgovina' are one word; then a light stemmer strips inflectional endings, after the
 * suffix rules of N. Ljubešić and I. Pandžić's SCStemmer for Serbian and Croatian
 * (github.com/nljubesi/SCStemmer, itself after N. Ljubešić, D. Boras and O. Kubelka,
 * "Retrieving information in Croatian: building a simple and efficient rule-based stemmer",
 * INFuture 2007), reduced to the case endings of nouns and adjectives and the common verb
 * endings. One pass: the longest listed ending goes when at least two letters stay. Input:
 * lowercase with diacritics folded (text.ts); the transliteration folds its own, and 'đ',
 * which has no decomposition, becomes 'dj', so 'žrtva', 'zrtve' and 'жртвом' meet at 'zrtv'.
 */

/** Each letter as its Latin one with the diacritics folded (ж ž z, ћ ć c, ч č c, џ dž dz, ш š s, ђ đ dj). */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'dj', е: 'e', ж: 'z', з: 'z', и: 'i', ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm',
  н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'c', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'c', џ: 'dz', ш: 's',
};

/** A folded lowercase Serbian word in Latin script: Cyrillic transliterated, 'đ' (which folding leaves) written 'dj'. */
export function serbianLatin(word: string): string {
  let out = '';
  for (const letter of word) out += CYRILLIC[letter] ?? (letter === 'đ' ? 'dj' : letter);
  return out;
}

/** Longest first; written without diacritics, as the words arrive. */
const ENDINGS = [
  // adjectives (definite and indefinite declension)
  'ijega', 'ijemu', 'ijem', 'ijeg', 'ijih', 'ijim', 'ijoj', 'oga', 'ega', 'omu', 'emu', 'ome', 'ima', 'ama', 'ih', 'im', 'og', 'eg', 'om', 'em', 'oj',
  // nouns
  'ovima', 'evima', 'ova', 'eva', 'ove', 'eve', 'ovi', 'evi', 'ija', 'iju', 'ije', 'iji', 'ijom',
  // verbs
  'ovati', 'ivati', 'avati', 'irati', 'ujem', 'ujes', 'uje', 'ujemo', 'ujete', 'uju', 'ati', 'iti', 'eti', 'ala', 'ali', 'alo', 'ila', 'ili', 'ilo', 'ao', 'io',
  'a', 'e', 'i', 'o', 'u',
].sort((a, b) => b.length - a.length);

const MIN_STEM = 2;

export function serbianStem(word: string): string {
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) return word.slice(0, -ending.length);
  }
  return word;
}
