/**
 * Finding names in free text however they are written. Text meant for the public (case
 * law, published summaries) must not name the people in a case; a name can hide behind
 * characters that look the same and compare different: a zero-width space or a soft
 * hyphen inside it, Cyrillic or Greek look-alike letters, fullwidth or mathematical
 * letters, combining accents, other case, letters spaced or dotted apart. So both the
 * text and the names are reduced to one form first (Unicode TR39 §4 "skeleton", made
 * case-insensitive), then a name is looked for as whole words of the text.
 * Pure functions, no database.
 */

/**
 * Look-alikes of Latin letters in the scripts this region writes (Cyrillic, Greek), and
 * Latin letters TR39 folds into another, from Unicode's confusables.txt (UTS #39,
 * https://www.unicode.org/Public/security/latest/confusables.txt, lines whose prototype is
 * a Latin letter). Capitals and small letters are mapped separately, as there (Greek Η is
 * H, η is n), before the case is folded. Where TR39's prototype is a Latin small capital
 * or kra (в → ʙ, к → ĸ, м → ᴍ, н → ʜ, т → ᴛ), the letter itself is taken, since the
 * comparison ignores case; for the same reason I, l, 1 and | (one TR39 class with the
 * capital I) fold with i, and 0 with o.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic capitals
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
  Ѕ: 'S', І: 'I', Ј: 'J', Ү: 'Y', Ӏ: 'I', Ԝ: 'W', Ь: 'b', Ԍ: 'G', Ѵ: 'V',
  // Cyrillic small letters
  а: 'a', в: 'b', г: 'r', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ј: 'j', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'i', ү: 'y', ѵ: 'v', ѡ: 'w', ҽ: 'e', ԍ: 'g',
  // Greek capitals
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T',
  Υ: 'Y', Χ: 'X', Ϲ: 'C', Ϳ: 'J', Ϝ: 'F', ϒ: 'Y',
  // Greek small letters (final sigma folds to sigma, as in Unicode case folding)
  α: 'a', β: 'ss', γ: 'y', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', ϱ: 'p', σ: 'o', ς: 'o',
  τ: 't', υ: 'u', ϲ: 'c', ϳ: 'j', ϰ: 'k',
  // Latin letters TR39 folds into another, and the small capitals (letters, without case)
  ı: 'i', ɩ: 'i', ɑ: 'a', ɡ: 'g', ɣ: 'y', ʋ: 'u', ĸ: 'k', ʍ: 'm', ß: 'ss', l: 'i', I: 'i', '1': 'i', '|': 'i', '0': 'o',
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l',
  ᴍ: 'm', ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z',
};

/** Characters that show nothing: format characters (zero-width space and joiners, soft hyphen, bidi controls) and the default ignorables. */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** Every combining mark: accents, and marks stacked on a letter to disguise it. */
const MARKS = /\p{M}/gu;

function foldLookAlikes(text: string): string {
  let out = '';
  for (const char of text) out += LOOK_ALIKES[char] ?? char;
  return out;
}

/**
 * The one form text and names are compared in: NFKC (fullwidth, mathematical and
 * ligature letters become plain ones), invisible characters removed, accents and other
 * combining marks removed, look-alikes folded to Latin, case folded. Two strings a reader
 * cannot tell apart have the same skeleton; different names mostly do not.
 */
export function skeleton(text: string): string {
  // Look-alikes first too: NFKC would turn some into other letters (lunate sigma ϲ, a c, into final sigma ς).
  const plain = foldLookAlikes(text).normalize('NFKC').replace(INVISIBLE, '').normalize('NFD').replace(MARKS, '');
  // Folded on both sides of lowercasing: look-alike capitals first (Η is H, η is n), then what lowercasing made.
  return foldLookAlikes(foldLookAlikes(plain).toLowerCase());
}

/** The letters and digits of a skeleton, in order: spaces, dots and hyphens between them do not hide a name. */
function lettersOf(folded: string): string[] {
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A name as it is looked for: its skeleton's letters and digits run together ("Mirko V." → "mirkov"). */
export function nameKey(name: string): string {
  return lettersOf(skeleton(name)).join('');
}

/**
 * Looks for names in texts. A name is found where its letters run, in order, from the
 * start of a word of the text to the end of one, whatever stands between them there
 * ("M i r k o  V.", "M.irko-V" find "Mirko V."), and never inside a word ("Ana" is not
 * in "banana"). Keys shorter than two letters are not looked for: they would match
 * every initial.
 */
export class NameFinder {
  private readonly keys: string[];

  constructor(names: readonly string[]) {
    this.keys = names.map(nameKey);
  }

  /** The index of a name that cannot be looked for (fewer than two letters), or -1. */
  tooShort(): number {
    return this.keys.findIndex((key) => key.length < 2);
  }

  /** The index (in the names given) of the first name the text contains, or -1. */
  firstIn(text: string): number {
    const words = lettersOf(skeleton(text));
    const stream = words.join('');
    const starts = new Set<number>();
    const ends = new Set<number>();
    let at = 0;
    for (const word of words) {
      starts.add(at);
      at += word.length;
      ends.add(at);
    }
    return this.keys.findIndex((key) => {
      if (key.length < 2) return false;
      for (let i = stream.indexOf(key); i >= 0; i = stream.indexOf(key, i + 1)) {
        if (starts.has(i) && ends.has(i + key.length)) return true;
      }
      return false;
    });
  }
}
