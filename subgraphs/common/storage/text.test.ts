import { snippets, terms, tokenize } from './';

// The text analyzer of full-text search (text.ts): pure functions, no database.

/** The one term of a single word. */
function termOf(word: string): string {
  const found = terms(word);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('terms', () => {
  test('British and American spellings, and letter case, give the same terms', () => {
    expect(terms('forced labour')).toEqual(terms('forced labor'));
    expect(terms('Forced Labor')).toEqual(terms('forced labor'));
    expect(terms('labour exploitation')).toContain(termOf('labor'));
    for (const [british, american] of [
      ['organisation', 'organization'],
      ['organisations', 'organizations'],
      ['organised', 'organized'],
      ['labourers', 'laborers'],
      ['behaviour', 'behavior'],
      ['offences', 'offenses'],
      ['defence', 'defense'],
      ['harbouring', 'harboring'],
      ['programme', 'program'],
      ['counselling', 'counseling'],
      ['criminalisation', 'criminalization'],
      ['recognise', 'recognize'],
      ['centres', 'centers'],
      ['licence', 'license'],
      ['judgement', 'judgment'],
      ['travelling', 'traveling'],
      ['victimisation', 'victimization'],
      ['neighbourhood', 'neighborhood'],
    ]) {
      expect([british, termOf(british)]).toEqual([british, termOf(american)]);
    }
  });

  test('the general -ise rule: long words only, and not words spelt so in American English too', () => {
    expect(termOf('globalisation')).toBe(termOf('globalization'));
    expect(termOf('modernised')).toBe(termOf('modernized'));
    expect(termOf('fraternising')).toBe(termOf('fraternizing'));
    // These are American spellings as well; turned into -ize they would no longer find themselves.
    expect(termOf('advertising')).toBe(termOf('advertise'));
    expect(termOf('supervised')).toBe(termOf('supervise'));
    expect(termOf('promised')).toBe(termOf('promise'));
    expect(termOf('raised')).toBe(termOf('raise'));
  });

  test('inflected forms share a stem', () => {
    expect(termOf('exploited')).toBe(termOf('exploitation'));
    expect(termOf('exploiting')).toBe(termOf('exploit'));
    expect(termOf('trafficked')).toBe(termOf('trafficking'));
    expect(termOf('victims')).toBe(termOf('victim'));
    expect(termOf('minors')).toBe(termOf('minor'));
  });

  test('words Porter2 would merge with another word of this domain are kept apart', () => {
    expect(termOf('organisation')).toBe(termOf('organized'));
    expect(terms('organised crime')).not.toContain(termOf('organs'));
    expect(termOf('minority')).not.toBe(termOf('minors'));
    expect(termOf('minorities')).toBe(termOf('minority'));
    expect(termOf('personal')).not.toBe(termOf('persons'));
  });

  test('irregular plurals are made singular', () => {
    expect(termOf('children')).toBe(termOf('child'));
    expect(termOf('women')).toBe(termOf('woman'));
    expect(termOf('men')).toBe(termOf('man'));
    expect(termOf('people')).toBe(termOf('persons'));
  });

  test('stop words give no term; words that mean something here stay', () => {
    expect(terms('The victim and her children were found in the house of a trafficker')).toEqual(
      terms('victim children found house trafficker'),
    );
    expect(terms('it is not that they were')).toEqual([]);
    expect(terms("the victim's statement")).toEqual(terms('victim statement'));
    expect(terms('no')).toEqual(['no']);
    expect(terms('US')).toEqual(['us']);
  });

  test('diacritics are folded, other scripts kept', () => {
    expect(terms('Ελλάδα')).toEqual(['ελλαδα']);
    expect(terms('Müller')).toEqual(['muller']);
    expect(terms('MÜLLER')).toEqual(terms('Muller'));
    expect(terms('Mu\u0308ller')).toEqual(['muller']); // decomposed ü: still one word
    expect(terms('São Tomé')).toEqual(terms('Sao Tome'));
    expect(terms('İstanbul')).toEqual(terms('istanbul'));
    expect(terms('ﬁnancial')).toEqual(terms('financial')); // ligature, as text from PDFs has
    expect(terms('Москва')).toEqual(['москва']);
    // Marks that are part of the spelling in other scripts stay.
    expect(terms('हिन्दी')).toEqual(['हिन्दी']);
    expect(termOf('ガス')).not.toBe(termOf('カス'));
    expect(termOf('ｶﾞｽ')).toBe(termOf('ガス')); // half-width kana
  });

  test('numbers stay as they are', () => {
    expect(terms('Directive 2011/36/EU')).toEqual([termOf('directive'), '2011', '36', 'eu']);
  });

  test('an empty or wordless text has no terms', () => {
    expect(terms('')).toEqual([]);
    expect(terms(' -- ; !? ')).toEqual([]);
  });
});

describe('tokenize', () => {
  test('offsets point at the original words, stop words left out', () => {
    const text = 'Ελλάδα: the Labour Inspectorate, «2011» — Müller & 👩‍⚖️ judgement.';
    const tokens = tokenize(text);
    expect(tokens.map(({ start, end }) => text.slice(start, end))).toEqual([
      'Ελλάδα',
      'Labour',
      'Inspectorate',
      '2011',
      'Müller',
      'judgement',
    ]);
    expect(tokens.map((token) => token.term)).toEqual(terms(text));
    expect(tokens[0]).toEqual({ term: 'ελλαδα', position: 0, start: 0, end: 6 });
  });

  test('a word analysed before gives the same term again, in its own language only', () => {
    // Terms are remembered by language and word (text.ts KNOWN_TERMS): 'die' is a German stop
    // word and an English verb, 'the' an English stop word whichever is asked first.
    for (let round = 0; round < 2; round++) {
      expect(terms('die the Arbeit', 'de')).toEqual(['the', 'arbeit']);
      expect(terms('die the Arbeit', 'en')).toEqual(['die', 'arbeit']);
      expect(terms('Die Ausbeutung der Arbeitskraft', 'de')).toEqual(['ausbeut', 'arbeitskraft']);
    }
  });
});

describe('snippets', () => {
  const filler = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');
  const wanted = (query: string) => new Set(terms(query));
  const matched = (result: ReturnType<typeof snippets>) =>
    result.map(({ snippet, matches }) => matches.map(({ start, length }) => snippet.slice(start, start + length)));

  test('a short text is one snippet, whole, with no ellipsis', () => {
    const text = 'Victims of forced labour were found.';
    const result = snippets(text, wanted('forced labor'));
    expect(result).toEqual([
      {
        snippet: text,
        matches: [
          { start: 11, length: 6 },
          { start: 18, length: 6 },
        ],
      },
    ]);
  });

  test('a match in a long text: cut between words, with ellipses, ranges into the snippet', () => {
    const text = `${filler(40)} the trafficked persons ${filler(40)}`;
    const [only, ...rest] = snippets(text, wanted('trafficking'), { context: 30 });
    expect(rest).toEqual([]);
    expect(only.snippet.startsWith('…word')).toBe(true);
    expect(only.snippet.endsWith('…')).toBe(true);
    expect(only.snippet).toContain('the trafficked persons');
    expect(matched([only])).toEqual([['trafficked']]);
    // about 30 characters each side, never a word cut in half
    expect(only.snippet.length).toBeLessThanOrEqual(1 + 30 + 'trafficked'.length + 30 + 1);
    expect(only.snippet.length).toBeGreaterThan(40);
    for (const part of only.snippet.replace(/…/g, '').split(' ')) {
      if (part.startsWith('word')) expect(text.split(' ')).toContain(part);
    }
  });

  test('a match near the start has no leading ellipsis, one near the end no trailing one', () => {
    const text = `Labour exploitation ${filler(60)} exploited.`;
    const result = snippets(text, wanted('exploitation'), { context: 20 });
    expect(result).toHaveLength(2);
    expect(result[0].snippet.startsWith('Labour exploitation')).toBe(true);
    expect(result[0].snippet.endsWith('…')).toBe(true);
    expect(result[1].snippet.startsWith('…')).toBe(true);
    expect(result[1].snippet.endsWith('exploited.')).toBe(true);
    expect(matched(result)).toEqual([['exploitation'], ['exploited']]);
  });

  test('overlapping windows merge into one snippet', () => {
    const text = `${filler(20)} forced labour and forced labor again ${filler(20)}`;
    const result = snippets(text, wanted('forced labour'), { context: 15 });
    expect(result).toHaveLength(1);
    expect(matched(result)).toEqual([['forced', 'labour', 'forced', 'labor']]);
  });

  test('at most `max` snippets, those with the most different terms first chosen, in text order', () => {
    const text = [filler(30), 'forced', filler(30), 'labour', filler(30), 'forced labour', filler(30)].join(' ');
    const [one] = snippets(text, wanted('forced labour'), { max: 1, context: 10 });
    expect(matched([one])).toEqual([['forced', 'labour']]);
    const result = snippets(text, wanted('forced labour'), { context: 10 });
    expect(matched(result)).toEqual([['forced'], ['forced', 'labour']]);
    expect(snippets(text, wanted('forced labour'), { max: 5, context: 10 })).toHaveLength(3);
  });

  test('ranges are right with non-Latin text, diacritics and characters outside the BMP', () => {
    const text = `${'😀 '.repeat(40)}Η Ελλάδα και η Müller ${'😀 '.repeat(40)}`;
    const result = snippets(text, wanted('ελλαδα muller'), { context: 12 });
    expect(matched(result)).toEqual([['Ελλάδα', 'Müller']]);
    expect(result[0].snippet.startsWith('…')).toBe(true);
    expect(result[0].snippet.endsWith('…')).toBe(true);
    expect(result[0].snippet).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no half emoji
  });

  test('no match, an empty text or max 0: no snippets', () => {
    expect(snippets('Victims of forced labour were found.', wanted('smuggling'))).toEqual([]);
    expect(snippets('', wanted('labour'))).toEqual([]);
    expect(snippets('The forced labour case', wanted('labour'), { max: 0 })).toEqual([]);
    expect(snippets('the and of', new Set(['the']))).toEqual([]);
  });
});
