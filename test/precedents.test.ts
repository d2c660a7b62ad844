import { ROLES } from '../platform/auth';
import { DEMO_PRECEDENTS, SEARCH_PROBES } from '../subgraphs/proceedings/precedents/demo-decisions';
import { demoPrecedentRecords, loadPrecedents } from '../subgraphs/proceedings/precedents/seed';
import { ecli } from '../subgraphs/proceedings/precedents/domain/ecli';
import type { LegalIssue } from '../subgraphs/proceedings/precedents/schema/vocabulary';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { registerVictim } from './support/victims';

// Precedents: public case law with ECLIs, published by judges from closed proceedings,
// searched by relevance (in the region's languages, with operators, by provision), filtered,
// paged, cited both ways and synced through a change feed.

let hub: TestHub;
let victims: string[];
let closedProceeding: string;
let openProceeding: string;

const FIELDS = `id ecli court courtType jurisdiction decidedOn legalSystem language summary significantFeatures outcome legalIssues
  keywords { acts means purposes cooperation form sectors } withdrawn withdrawnReason updatedAt
  victimProfile { count ageGroups { value count } genders { value count } nationalities { value count } }
  defendantProfile { count genders { value count } nationalities { value count } }
  cites { ecli } citedBy { ecli }`;
const ONE = `query($ecli: String!) { precedent(ecli: $ecli) { ${FIELDS} } }`;
const SEARCH = `query($search: String, $searchLanguage: String, $provision: ProvisionFilter, $keywords: PrecedentKeywordsInput, $legalIssues: [LegalIssue!], $jurisdiction: String, $courtType: CourtType,
  $decidedFrom: String, $decidedTo: String, $first: Int, $after: String) {
  precedents(search: $search, searchLanguage: $searchLanguage, provision: $provision, keywords: $keywords, legalIssues: $legalIssues, jurisdiction: $jurisdiction, courtType: $courtType,
    decidedFrom: $decidedFrom, decidedTo: $decidedTo, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor score matchedBy highlights { field snippet matches { start length } } node { ecli decidedOn summary jurisdiction courtType legalIssues language keywords { purposes } provisions { instrument article } } } } }`;
const CHANGES = `query($since: String, $first: Int) { precedentChanges(since: $since, first: $first) { cursor hasMore changes { cursor kind ecli withdrawn changedAt precedent { ecli summary } } } }`;
const PUBLISH = `mutation($proceedingId: ID!, $input: PublishPrecedentInput!) { publishPrecedent(proceedingId: $proceedingId, input: $input) { ${FIELDS} } }`;
const CORRECT = `mutation($ecli: String!, $input: CorrectPrecedentInput!) { correctPrecedent(ecli: $ecli, input: $input) { ecli summary updatedAt } }`;
const WITHDRAW = `mutation($ecli: String!, $reason: String!) { withdrawPrecedent(ecli: $ecli, reason: $reason) { ecli withdrawn withdrawnReason } }`;

const anonymous = (query: string, variables: Record<string, unknown> = {}, url?: string) => hub.query(null, query, variables, url ? { url } : undefined);
const stored = () => hub.subgraphs.proceedings.connection.collection('precedents').countDocuments();

let ordinal = 0;
const publishInput = (overrides: Record<string, unknown> = {}) => ({
  ecli: `ECLI:DE:LGB:2026:TEST${++ordinal}`,
  courtType: 'FIRST_INSTANCE',
  decidedOn: '2026-03-02',
  legalSystem: 'CIVIL_LAW',
  language: 'de',
  summary: 'The first defendant recruited two women through a fake agency and held them in debt bondage in a car wash; the court convicted him of trafficking for forced labour.',
  significantFeatures: 'Debt bondage was found to be a means of coercion although the victims kept their passports.',
  legalIssues: ['COMPENSATION'],
  keywords: { acts: ['RECRUITMENT'], means: ['DEBT_BONDAGE', 'DECEPTION'], purposes: ['FORCED_LABOUR'], sectors: ['LOGISTICS'] },
  ...overrides,
});

async function publish(overrides: Record<string, unknown> = {}) {
  const res = await hub.queryAs('judge', 'DE', PUBLISH, { proceedingId: closedProceeding, input: publishInput(overrides) });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.publishPrecedent;
}

/** Every page of a search, followed through its cursors. */
async function allPages(variables: Record<string, unknown>, first: number) {
  const seen: Array<{ ecli: string; score: number | null; decidedOn: string }> = [];
  let after: string | null = null;
  let totalCount = -1;
  for (;;) {
    const res = await anonymous(SEARCH, { ...variables, first, after });
    expect(res.body.errors).toBeUndefined();
    const page = res.body.data.precedents;
    totalCount = page.totalCount;
    seen.push(...page.edges.map((e: any) => ({ ecli: e.node.ecli, score: e.score, decidedOn: e.node.decidedOn })));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { seen, totalCount };
}

/** The whole change feed from `since`, in pages of `first`. */
async function replay(since: string | null, first: number, between?: (page: number) => Promise<void>) {
  const changes: Array<{ ecli: string; kind: string; withdrawn: boolean }> = [];
  let cursor = since;
  for (let page = 0; ; page++) {
    const res = await anonymous(CHANGES, { since: cursor, first });
    expect(res.body.errors).toBeUndefined();
    const feed = res.body.data.precedentChanges;
    changes.push(...feed.changes.map((c: any) => ({ ecli: c.ecli, kind: c.kind, withdrawn: c.withdrawn })));
    cursor = feed.cursor;
    if (between) await between(page);
    if (!feed.hasMore) break;
  }
  return { changes, cursor };
}

beforeAll(async () => {
  hub = await startHub();
  victims = [await registerVictim(hub, 'DE', { gender: 'FEMALE', nationality: 'RO' }), await registerVictim(hub, 'DE', { gender: 'MALE', nationality: 'BG', dateOfBirth: '2009-02-01' })];
  const OPEN = `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`;
  const opened = async (caseNumber: string) =>
    (
      await hub.queryAs('prosecutor', 'DE', OPEN, {
        input: { caseNumber, court: 'Landgericht Berlin', kind: 'CRIMINAL', charges: ['§ 232b StGB'], defendants: [{ alias: 'Mirko V.', nationality: 'RS', gender: 'MALE' }, { alias: 'Defendant B', nationality: 'DE', gender: 'FEMALE' }], victimIds: victims },
      })
    ).body.data.openProceeding.id as string;
  closedProceeding = await opened('52 KLs 7/25');
  openProceeding = await opened('52 KLs 8/25');
  const closed = await hub.queryAs('judge', 'DE', `mutation($id: ID!) { advanceStage(proceedingId: $id, stage: CLOSED, outcome: "Convicted; 4 years and 6 months") { stage } }`, { id: closedProceeding });
  expect(closed.body.errors).toBeUndefined();
  await loadPrecedents(hub.subgraphs.proceedings.connection, demoPrecedentRecords());
}, 120_000); // a whole hub and 40 indexed precedents: over 30 s when the machine is shared
afterAll(() => hub.stop());

describe('ECLI', () => {
  test.each(['ECLI:DE:BGH:2023:123456', 'ECLI:NL:HR:2015:472', 'ECLI:EU:C:2019:562', 'ECLI:CE:ECHR:2010:0107JUD002596504', 'ECLI:AT:OGH0002:2020:0110OS00050.20T.0616.000'])('%s is valid', (value) => {
    expect(ecli(value, 'ecli').value).toBe(value);
  });

  it('is taken in upper case', () => {
    expect(ecli(' ecli:nl:hr:2015:472 ', 'ecli')).toEqual({ value: 'ECLI:NL:HR:2015:472', country: 'NL', court: 'HR', year: 2015, ordinal: '472' });
  });

  test.each([
    ['ECLI:DE:BGH:2023', /five parts/],
    ['EU:DE:BGH:2023:1:2', /five parts/],
    ['ECLI:D:BGH:2023:1', /not a country code/],
    ['ECLI:XX:BGH:2023:1', /not a country code/],
    ['ECLI:DE:1BGH:2023:1', /not a court code/],
    ['ECLI:DE:BUNDESGH:2023:1', /not a court code/],
    ['ECLI:DE:BGH:23:1', /not a year/],
    ['ECLI:DE:BGH:2023:', /not an ordinal/],
    ['ECLI:DE:BGH:2023:12345678901234567890123456', /not an ordinal/],
    ['ECLI:DE:BGH:2023:12_3', /not an ordinal/],
  ])('%s is refused: %s', (value, message) => {
    expect(() => ecli(value, 'input.ecli')).toThrow(message);
  });

  it('a malformed ECLI asked through the gateway is BAD_USER_INPUT naming the argument', async () => {
    const res = await anonymous(ONE, { ecli: 'ECLI:DE:BGH:2023' });
    expect(errorCodes(res.body)).toEqual({ precedent: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.field).toBe('ecli');
  });
});

describe('public read', () => {
  it('answers without a token through the gateway: one precedent, the list, the change feed', async () => {
    const sample = DEMO_PRECEDENTS.find((p) => p.cites.length > 0)!;
    const one = await anonymous(ONE, { ecli: sample.ecli.toLowerCase() });
    expect(one.body.errors).toBeUndefined();
    expect(one.body.data.precedent).toMatchObject({ ecli: sample.ecli, summary: sample.summary, withdrawn: false });
    expect(one.body.data.precedent.cites.map((c: any) => c.ecli).sort()).toEqual([...sample.cites].sort());
    const list = await anonymous(SEARCH, { first: 5 });
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data.precedents.totalCount).toBeGreaterThanOrEqual(DEMO_PRECEDENTS.length);
    const feed = await anonymous(CHANGES, { first: 3 });
    expect(feed.body.errors).toBeUndefined();
    expect(feed.body.data.precedentChanges.changes).toHaveLength(3);
  });

  it('answers without a token on the subgraph itself', async () => {
    const res = await anonymous(`{ precedents(first: 2) { totalCount edges { node { ecli } } } precedentChanges(first: 1) { hasMore } }`, {}, hub.subgraphs.proceedings.url);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.precedents.edges).toHaveLength(2);
  });

  it("a stored victims' profile of fewer than 5 victims reads as withheld", async () => {
    const few = DEMO_PRECEDENTS.find((p) => p.victimProfile.count < 5)!;
    const res = await anonymous(`query($ecli: String!) { precedent(ecli: $ecli) { victimProfile { withheld count nationalities { value } } } }`, { ecli: few.ecli });
    expect(res.body.data.precedent.victimProfile).toEqual({ withheld: true, count: null, nationalities: null });
  });

  it('an unknown ECLI is null', async () => {
    const res = await anonymous(ONE, { ecli: 'ECLI:DE:BGH:1999:404' });
    expect(res.body).toEqual({ data: { precedent: null } });
  });

  it('everything else still needs a token', async () => {
    const res = await anonymous(`{ proceedings { totalCount } }`);
    expect(errorCodes(res.body)).toEqual({ proceedings: 'UNAUTHENTICATED' });
    const publish = await anonymous(PUBLISH, { proceedingId: closedProceeding, input: publishInput() });
    expect(errorCodes(publish.body)).toEqual({ publishPrecedent: 'UNAUTHENTICATED' });
    const direct = await anonymous(`{ proceeding(id: "${closedProceeding}") { id } }`, {}, hub.subgraphs.proceedings.url);
    expect(errorCodes(direct.body)).toEqual({ proceeding: 'UNAUTHENTICATED' });
  });
});

describe('search', () => {
  test.each(SEARCH_PROBES.map((p) => [p.search, p.best]))('the best hit for "%s" is the precedent about it (%s)', async (search, best) => {
    const res = await anonymous(SEARCH, { search, first: 3 });
    expect(res.body.errors).toBeUndefined();
    const [top, second] = res.body.data.precedents.edges;
    expect(top.node.ecli).toBe(best);
    if (second) expect(top.score).toBeGreaterThanOrEqual(second.score);
    expect(top.highlights.length).toBeGreaterThan(0);
  });

  it('"forced labour" finds "forced labor" and "labour exploitation" too, ranked, with highlights of the words found', async () => {
    const { seen, totalCount } = await allPages({ search: 'forced labour' }, 20);
    expect(seen).toHaveLength(totalCount);
    const spelled = (pattern: RegExp) => DEMO_PRECEDENTS.filter((p) => pattern.test(p.summary)).map((p) => p.ecli);
    const american = spelled(/forced labor\b/i);
    const exploitation = spelled(/labour exploitation/i);
    expect(american.length).toBeGreaterThan(0);
    expect(exploitation.length).toBeGreaterThan(0);
    for (const ecli of [...american, ...exploitation]) expect(seen.map((s) => s.ecli)).toContain(ecli);
    const scores = seen.map((s) => s.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const res = await anonymous(SEARCH, { search: 'forced labour', first: 5 });
    for (const edge of res.body.data.precedents.edges) {
      for (const { snippet, matches } of edge.highlights) {
        for (const { start, length } of matches) expect(snippet.slice(start, start + length)).toMatch(/^(forc\w*|labou?r\w*)$/i);
      }
    }
  });

  it('a search of stop words only is BAD_USER_INPUT', async () => {
    const res = await anonymous(SEARCH, { search: 'the of and' });
    expect(errorCodes(res.body)).toEqual({ precedents: 'BAD_USER_INPUT' });
  });
});

describe('search in the languages of the region', () => {
  const byEcli = (ecli: string) => DEMO_PRECEDENTS.find((p) => p.ecli === ecli)!;
  const jurisdictionOf = (code: string) => DEMO_PRECEDENTS.filter((p) => p.jurisdiction === code).map((p) => p.ecli);
  const found = async (variables: Record<string, unknown>) => {
    const res = await anonymous(SEARCH, { first: 100, ...variables });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.precedents.edges as Array<{ matchedBy: string[]; highlights: Array<{ field: string; snippet: string; matches: Array<{ start: number; length: number }> }>; node: { ecli: string; language: string } }>;
  };
  const eclis = async (variables: Record<string, unknown>) => (await found(variables)).map((e) => e.node.ecli);
  const marked = (h: { snippet: string; matches: Array<{ start: number; length: number }> }) => h.matches.map(({ start, length }) => h.snippet.slice(start, start + length));
  const [DE2, AT1, RS1, RS2, IT3, DE4, GR4, CE2] = [
    'ECLI:DE:LGBERLI:2019:0514.532KLS12.18',
    'ECLI:AT:LGSW:2013:111HV54.13A',
    'ECLI:RS:VSBG:2012:K.2417.12',
    'ECLI:RS:ASBG:2014:KZ1.1853.14',
    'ECLI:IT:CAPA:2019:2230PEN',
    'ECLI:DE:LGOLDBG:2021:0303.4KLS9.20',
    'ECLI:GR:EFATH:2021:3105.2021',
    'ECLI:CE:ECHR:2017:0620JUD005827412',
  ];

  it('German: an inflected form finds the German and Austrian decisions that say it, by their text', async () => {
    expect(byEcli(DE2).summary).toMatch(/Schuldknechtschaft\b/);
    const edges = await found({ search: 'Schuldknechtschaften', searchLanguage: 'de', jurisdiction: 'DE' });
    const de2 = edges.find((e) => e.node.ecli === DE2)!;
    expect(de2.matchedBy).toContain('TEXT');
    expect(de2.highlights.filter((h) => h.field === 'SUMMARY').flatMap(marked)).toEqual(['Schuldknechtschaft']);
    expect(await eclis({ search: 'Schuldknechtschaften', searchLanguage: 'de', jurisdiction: 'AT' })).toContain(AT1);
  });

  it('Italian: a plural finds the singular', async () => {
    expect(await eclis({ search: 'pescherecci', searchLanguage: 'it' })).toEqual([IT3]);
  });

  it('Greek: with accents, without, in capitals, alike', async () => {
    const accented = await eclis({ search: 'εμπορία ανθρώπων', jurisdiction: 'GR' });
    expect(accented.length).toBeGreaterThanOrEqual(4);
    expect(await eclis({ search: 'εμπορια ανθρωπων', jurisdiction: 'GR' })).toEqual(accented);
    expect(await eclis({ search: 'ΕΜΠΟΡΙΑΣ ΑΝΘΡΩΠΩΝ', jurisdiction: 'GR' })).toEqual(accented);
  });

  it('Albanian: case and definite forms meet (viktimave finds viktimë, viktima, viktimës)', async () => {
    // By their text; others are found through the label of CHILD_VICTIM, 'viktimë e mitur'.
    const byText = (await found({ search: 'viktimave', searchLanguage: 'sq' })).filter((e) => e.matchedBy.includes('TEXT')).map((e) => e.node.ecli);
    const expected = DEMO_PRECEDENTS.filter((p) => p.language === 'sq' && /viktim/i.test(p.summary + p.significantFeatures)).map((p) => p.ecli);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(byText.sort()).toEqual(expected.sort());
  });

  it('Serbian: a Cyrillic query finds a decision written in Latin script, and a Latin query one in Cyrillic', async () => {
    expect(byEcli(RS1).summary).toMatch(/prosjače/);
    expect(await eclis({ search: 'просјачење деце', searchLanguage: 'sr' })).toEqual([RS1]);
    expect(byEcli(RS2).summary).toMatch(/ноћн/);
    expect(await eclis({ search: 'nocni klub plesacice' })).toEqual([RS2]);
  });

  it('a precedent stored without a language reads as English and is searched as English', async () => {
    const precedents = hub.subgraphs.proceedings.connection.collection('precedents');
    await precedents.updateOne({ ecli: CE2 }, { $unset: { language: 1 } });
    try {
      expect((await anonymous(`query($ecli: String!) { precedent(ecli: $ecli) { language } }`, { ecli: CE2 })).body.data.precedent.language).toBe('en');
      expect((await eclis({ search: 'domestic servitude', searchLanguage: 'en', first: 1 }))[0]).toBe(CE2);
    } finally {
      await precedents.updateOne({ ecli: CE2 }, { $set: { language: 'en' } });
    }
  });

  it('a searchLanguage that is not a language code is BAD_USER_INPUT naming it', async () => {
    const res = await anonymous(SEARCH, { search: 'debt', searchLanguage: 'german' });
    expect(errorCodes(res.body)).toEqual({ precedents: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.field).toBe('searchLanguage');
  });
});

describe('search across languages, through the keywords', () => {
  it('an Italian keyword finds the Albanian decisions tagged with it, matched by KEYWORD, its label highlighted', async () => {
    const tagged = DEMO_PRECEDENTS.filter((p) => p.jurisdiction === 'AL' && p.keywords.purposes.includes('SEXUAL_EXPLOITATION' as never)).map((p) => p.ecli);
    expect(tagged.length).toBeGreaterThan(1);
    const res = await anonymous(SEARCH, { search: 'sfruttamento sessuale', searchLanguage: 'it', jurisdiction: 'AL', first: 100 });
    const edges = res.body.data.precedents.edges;
    expect(edges.map((e: any) => e.node.ecli).sort()).toEqual(tagged.sort());
    for (const edge of edges) {
      expect(edge.node.language).toBe('sq');
      expect(edge.matchedBy).toEqual(['KEYWORD']);
      expect(edge.highlights).toContainEqual({ field: 'KEYWORDS', snippet: 'sfruttamento sessuale', matches: [{ start: 0, length: 12 }, { start: 13, length: 8 }] });
    }
  });

  it('a German keyword finds a Greek decision; without searchLanguage too', async () => {
    expect(await (async () => (await anonymous(SEARCH, { search: 'Zwangsarbeit', jurisdiction: 'GR', first: 100 })).body.data.precedents.edges.map((e: any) => e.node.ecli))()).toContain(
      'ECLI:GR:EFATH:2021:3105.2021',
    );
  });
});

describe('search operators', () => {
  const total = async (search: string, extra: Record<string, unknown> = {}) => {
    const res = await anonymous(SEARCH, { search, first: 100, ...extra });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.precedents;
  };
  const eclisOf = (page: any) => page.edges.map((e: any) => e.node.ecli).sort();

  it('words side by side must all be found: `debt zzzqqq` finds nothing', async () => {
    expect((await total('debt')).totalCount).toBeGreaterThan(0);
    expect((await total('debt zzzqqq')).totalCount).toBe(0);
    expect((await total('debt AND zzzqqq')).totalCount).toBe(0);
  });

  it('`"forced labour"` is not `forced`: fewer precedents, the phrase highlighted as one', async () => {
    const phrase = await total('"forced labour"');
    const word = await total('forced');
    expect(phrase.totalCount).toBeGreaterThan(0);
    expect(phrase.totalCount).toBeLessThan(word.totalCount);
    for (const ecli of eclisOf(phrase)) expect(eclisOf(word)).toContain(ecli);
    const ce2 = phrase.edges.find((e: any) => e.node.ecli === 'ECLI:CE:ECHR:2017:0620JUD005827412');
    const inSummary = ce2.highlights.filter((h: any) => h.field === 'SUMMARY').flatMap((h: any) => h.matches.map(({ start, length }: any) => h.snippet.slice(start, start + length)));
    expect(inSummary).toEqual(['forced labour']);
  });

  it('`debt -bondage` leaves out every precedent with bondage', async () => {
    await publish({
      language: 'en',
      summary: 'The workers were told they owed a debt for their travel and were made to wash cars for months without pay.',
      significantFeatures: 'A travel debt used to keep workers from leaving.',
      keywords: { acts: ['RECRUITMENT'], means: ['DECEPTION'], purposes: ['FORCED_LABOUR'], sectors: ['LOGISTICS'] },
    });
    const debt = eclisOf(await total('debt', { searchLanguage: 'en' }));
    const bondage = eclisOf(await total('bondage', { searchLanguage: 'en' }));
    const without = eclisOf(await total('debt -bondage', { searchLanguage: 'en' }));
    expect(without.length).toBeGreaterThan(0);
    expect(without).toEqual(debt.filter((e: string) => !bondage.includes(e)));
    expect(without.length).toBeLessThan(debt.length);
  });

  it('OR, and parentheses', async () => {
    expect(eclisOf(await total('Schlachthof OR peschereccio'))).toEqual(['ECLI:DE:LGOLDBG:2021:0303.4KLS9.20', 'ECLI:IT:CAPA:2019:2230PEN']);
    expect(eclisOf(await total('(Schlachthof OR peschereccio) Subunternehmer'))).toEqual(['ECLI:DE:LGOLDBG:2021:0303.4KLS9.20']);
  });

  test.each([
    ['debt (bondage', /unclosed parenthesis at position 6/],
    ['debt OR', /nothing after OR at position 6/],
    ['"forced', /unclosed quote at position 1/],
    ['debt ""', /empty phrase at position 6/],
    ['-bondage', /only exclusions/],
  ])('%j is BAD_USER_INPUT naming the problem and where: %s', async (search, problem) => {
    const res = await anonymous(SEARCH, { search });
    expect(errorCodes(res.body)).toEqual({ precedents: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.field).toBe('search');
    expect(res.body.errors![0].message).toMatch(problem);
  });
});

describe('by provision', () => {
  const filed = async (provision: Record<string, unknown>) => (await allPages({ provision }, 100)).seen.map((s) => s.ecli).sort();
  const applying = (instrument: string, article?: string) =>
    DEMO_PRECEDENTS.filter((p) => p.provisions.some((x) => x.instrument === instrument && (article === undefined || x.article === article))).map((p) => p.ecli).sort();

  it('filters by instrument and article, an article finding its paragraphs', async () => {
    expect(applying('ECHR', '4').length).toBe(4);
    expect(await filed({ instrument: 'ECHR', article: '4' })).toEqual(applying('ECHR', '4'));
    expect(await filed({ instrument: 'Directive 2011/36/EU', article: 'Art. 8' })).toEqual(applying('Directive 2011/36/EU', '8'));
    expect(await filed({ instrument: 'IT c.p.' })).toEqual(applying('IT c.p.'));
    const { ecli: id } = await publish({
      summary: 'Two men were recruited for a meat processing plant and made to work without pay to repay their travel.',
      provisions: [{ instrument: 'DE  StGB', article: '§ 232b(1)' }, { instrument: 'CoE CETS 197', article: '26' }],
    });
    const one = await anonymous(`query($ecli: String!) { precedent(ecli: $ecli) { provisions { instrument article } } }`, { ecli: id });
    expect(one.body.data.precedent.provisions).toEqual([{ instrument: 'DE StGB', article: '232b(1)' }, { instrument: 'CoE CETS 197', article: '26' }]);
    expect(await filed({ instrument: 'DE StGB', article: '232b' })).toContain(id);
    await hub.queryAs('judge', 'DE', CORRECT, { ecli: id, input: { reason: 'Provision restated', provisions: [{ instrument: 'DE StGB', article: '233' }] } });
    expect(await filed({ instrument: 'DE StGB', article: '232b' })).not.toContain(id);
    expect(await filed({ instrument: 'CoE CETS 197' })).not.toContain(id);
    expect(await filed({ instrument: 'DE StGB', article: '233' })).toEqual([id]);
  });

  it('a filter with an instrument not named so is BAD_USER_INPUT naming it', async () => {
    const res = await anonymous(SEARCH, { provision: { instrument: 'European Convention' } });
    expect(errorCodes(res.body)).toEqual({ precedents: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.field).toBe('provision.instrument');
  });
});

describe('filters and pages', () => {
  const demo = () => DEMO_PRECEDENTS;
  const newestFirst = (a: { decidedOn: string }, b: { decidedOn: string }) => b.decidedOn.localeCompare(a.decidedOn);

  it('combine: legal issues, keywords, jurisdiction, court type and decision dates', async () => {
    const issue = 'CHILD_VICTIM' as LegalIssue;
    const jurisdictions = [...new Set(demo().filter((p) => p.legalIssues.includes(issue)).map((p) => p.jurisdiction))];
    const expected = (filter: (p: (typeof DEMO_PRECEDENTS)[number]) => boolean) => demo().filter(filter).map((p) => p.ecli).sort();
    const asked = async (variables: Record<string, unknown>) => (await allPages(variables, 100)).seen.map((s) => s.ecli).sort();

    expect(await asked({ legalIssues: [issue] })).toEqual(expected((p) => p.legalIssues.includes(issue)));
    expect(await asked({ legalIssues: [issue], jurisdiction: jurisdictions[0] })).toEqual(expected((p) => p.legalIssues.includes(issue) && p.jurisdiction === jurisdictions[0]));
    expect(await asked({ courtType: 'SUPREME', decidedFrom: '2018-01-01', decidedTo: '2022-12-31' })).toEqual(
      expected((p) => p.courtType === 'SUPREME' && p.decidedOn >= '2018-01-01' && p.decidedOn <= '2022-12-31'),
    );
    expect(await asked({ keywords: { purposes: ['SEXUAL_EXPLOITATION'], acts: ['RECRUITMENT'] } })).toEqual(
      expected((p) => p.keywords.purposes.includes('SEXUAL_EXPLOITATION' as never) && p.keywords.acts.includes('RECRUITMENT' as never)),
    );
    const searched = await allPages({ search: 'children', legalIssues: [issue] }, 100);
    expect(searched.seen.length).toBeGreaterThan(0);
    for (const { ecli } of searched.seen) expect(expected((p) => p.legalIssues.includes(issue))).toContain(ecli);
  });

  it('without search: newest decision first, pages follow their cursors, totalCount counts them all', async () => {
    const { seen, totalCount } = await allPages({ jurisdiction: 'IT' }, 4);
    const expected = demo().filter((p) => p.jurisdiction === 'IT').sort(newestFirst);
    expect(totalCount).toBe(expected.length);
    expect(seen.map((s) => s.ecli)).toEqual(expected.map((p) => p.ecli));
    expect(seen.every((s) => s.score === null)).toBe(true);
  });

  it('a search pages the same ranking it shows at once', async () => {
    const paged = await allPages({ search: 'victims compensation' }, 3);
    const whole = await allPages({ search: 'victims compensation' }, 100);
    expect(paged.seen.map((s) => s.ecli)).toEqual(whole.seen.map((s) => s.ecli));
    expect(paged.totalCount).toBe(whole.seen.length);
  });

  it('refuses a malformed date, a reversed range and a foreign cursor with BAD_USER_INPUT', async () => {
    expect(errorCodes((await anonymous(SEARCH, { decidedFrom: '2020-02-30' })).body)).toEqual({ precedents: 'BAD_USER_INPUT' });
    expect(errorCodes((await anonymous(SEARCH, { decidedFrom: '2021-01-01', decidedTo: '2020-01-01' })).body)).toEqual({ precedents: 'BAD_USER_INPUT' });
    expect(errorCodes((await anonymous(SEARCH, { after: 'bm90LWEtY3Vyc29y' })).body)).toEqual({ precedents: 'BAD_USER_INPUT' });
  });
});

describe('publishing', () => {
  it('a judge of the jurisdiction publishes from a CLOSED proceeding; the profiles come from the proceeding, without names', async () => {
    const published = await publish();
    expect(published).toMatchObject({ jurisdiction: 'DE', court: 'Landgericht Berlin', outcome: 'Convicted; 4 years and 6 months', withdrawn: false, cites: [], citedBy: [] });
    // Two victims are too few to describe without singling one out (k = 5, published-names.test.ts).
    expect(published.victimProfile).toEqual({ count: null, ageGroups: null, genders: null, nationalities: null });
    expect(published.defendantProfile).toEqual({ count: 2, genders: [{ value: 'FEMALE', count: 1 }, { value: 'MALE', count: 1 }], nationalities: [{ value: 'DE', count: 1 }, { value: 'RS', count: 1 }] });
    expect(JSON.stringify(published)).not.toMatch(/Mirko|Test Person/);

    const linked = await hub.queryAs('judge', 'DE', `query($id: ID!) { proceeding(id: $id) { precedents { ecli } } }`, { id: closedProceeding });
    expect(linked.body.data.proceeding.precedents.map((p: any) => p.ecli)).toContain(published.ecli);
    const back = `query($ecli: String!) { precedent(ecli: $ecli) { proceeding { id caseNumber } } }`;
    expect((await hub.queryAs('judge', 'DE', back, { ecli: published.ecli })).body.data.precedent.proceeding).toEqual({ id: closedProceeding, caseNumber: '52 KLs 7/25' });
    expect((await hub.queryAs('judge', 'AT', back, { ecli: published.ecli })).body).toEqual({ data: { precedent: { proceeding: null } } });
    expect((await anonymous(back, { ecli: published.ecli })).body).toEqual({ data: { precedent: { proceeding: null } } });

    const found = await anonymous(SEARCH, { search: 'car wash debt bondage', first: 1 });
    expect(found.body.data.precedents.edges[0].node.ecli).toBe(published.ecli);
  });

  test.each([
    ['from a proceeding that is not CLOSED', () => ({ proceedingId: openProceeding }), 'proceedingId', /not|CLOSED/],
    ['with a defendant alias in the summary', () => ({ input: { summary: 'Mirko V. recruited the victims through a fake agency.' } }), 'input.summary', /defendants\[0\]\.alias/],
    ['with an alias in other case and accents', () => ({ input: { significantFeatures: 'The court found that DEFENDANT B had organised transport.' } }), 'input.significantFeatures', /defendants\[1\]\.alias/],
    ['with a name the judge excluded', () => ({ input: { summary: 'The victim, Olena Kovalenko, was recruited online.', namesToExclude: ['Olena Kovalénko'] } }), 'input.summary', /namesToExclude\[0\]/],
    ['with an ECLI of another country', () => ({ input: { ecli: 'ECLI:AT:LGW:2026:1' } }), 'input.ecli', /not the proceeding's jurisdiction DE/],
    ['with an ECLI year other than the decision year', () => ({ input: { ecli: 'ECLI:DE:LGB:2025:77' } }), 'input.ecli', /year 2025/],
    ['citing an unknown precedent', () => ({ input: { cites: ['ECLI:DE:BGH:1999:404'] } }), 'input.cites[0]', /no precedent/],
    ['citing a later decision', () => ({ input: { decidedOn: '2012-01-02', ecli: 'ECLI:DE:LGB:2012:EARLY', cites: [DEMO_PRECEDENTS.find((p) => p.decidedOn > '2012-01-02')!.ecli] } }), 'input.cites[0]', /after this decision/],
    ['without legal issues', () => ({ input: { legalIssues: [] } }), 'input.legalIssues', /at least one/],
    ['with an instrument not named so', () => ({ input: { provisions: [{ instrument: 'StGB', article: '232' }] } }), 'input.provisions[0].instrument', /not an instrument named here/],
    ['with an article that is not one', () => ({ input: { provisions: [{ instrument: 'DE StGB', article: 'two' }] } }), 'input.provisions[0].article', /not an article number/],
  ])('is refused %s: BAD_USER_INPUT naming the field, nothing stored', async (_what, make, field, message) => {
    const before = await stored();
    const { proceedingId, input } = { proceedingId: closedProceeding, input: {}, ...make() } as { proceedingId: string; input: Record<string, unknown> };
    const res = await hub.queryAs('judge', 'DE', PUBLISH, { proceedingId, input: publishInput(input) });
    expect(errorCodes(res.body)).toEqual({ publishPrecedent: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.field).toBe(field);
    expect(res.body.errors![0].message).toMatch(message);
    expect(JSON.stringify(res.body)).not.toMatch(/Olena|Kovalenko|Mirko|Defendant B/i);
    expect(await stored()).toBe(before);
  });

  it('a duplicate ECLI is BAD_USER_INPUT', async () => {
    const { ecli: id } = await publish({ ecli: 'ECLI:DE:LGB:2026:DUPLICATE' });
    const again = await hub.queryAs('judge', 'DE', PUBLISH, { proceedingId: closedProceeding, input: publishInput({ ecli: id.toLowerCase() }) });
    expect(errorCodes(again.body)).toEqual({ publishPrecedent: 'BAD_USER_INPUT' });
    expect(again.body.errors![0].message).toMatch(/published already/);
  });

  test.each(ROLES.filter((r) => r !== 'judge'))('%s may not publish', async (role) => {
    const res = await hub.queryAs(role, 'DE', PUBLISH, { proceedingId: closedProceeding, input: publishInput() });
    expect(errorCodes(res.body)).toEqual({ publishPrecedent: 'FORBIDDEN' });
  });

  it("a judge of another jurisdiction finds no such proceeding", async () => {
    const res = await hub.queryAs('judge', 'AT', PUBLISH, { proceedingId: closedProceeding, input: publishInput() });
    expect(errorCodes(res.body)).toEqual({ publishPrecedent: 'NOT_FOUND' });
  });
});

describe('citations, corrections and withdrawal', () => {
  it('citations resolve both ways', async () => {
    const cited = DEMO_PRECEDENTS.find((p) => p.jurisdiction === 'CE')!;
    const citing = await publish({ cites: [cited.ecli] });
    expect(citing.cites).toEqual([{ ecli: cited.ecli }]);
    const res = await anonymous(ONE, { ecli: cited.ecli });
    const citedBy = res.body.data.precedent.citedBy.map((c: any) => c.ecli);
    expect(citedBy).toContain(citing.ecli);
    for (const earlier of DEMO_PRECEDENTS.filter((p) => p.cites.includes(cited.ecli))) expect(citedBy).toContain(earlier.ecli);
  });

  it('a judge of the jurisdiction corrects a precedent; another jurisdiction’s judge may not', async () => {
    const { ecli: id } = await publish();
    const foreign = await hub.queryAs('judge', 'AT', CORRECT, { ecli: id, input: { reason: 'typo', summary: 'x' } });
    expect(errorCodes(foreign.body)).toEqual({ correctPrecedent: 'FORBIDDEN' });
    const aliased = await hub.queryAs('judge', 'DE', CORRECT, { ecli: id, input: { reason: 'clarity', summary: 'Mirko V. was the organiser.' } });
    expect(errorCodes(aliased.body)).toEqual({ correctPrecedent: 'BAD_USER_INPUT' });
    const res = await hub.queryAs('judge', 'DE', CORRECT, { ecli: id, input: { reason: 'The sector was misnamed', summary: 'Two women were held in debt bondage at a laundry; forced labour.' } });
    expect(res.body.errors).toBeUndefined();
    const found = await anonymous(SEARCH, { search: 'laundry', first: 1 });
    expect(found.body.data.precedents.edges[0].node.ecli).toBe(id);
    const stale = await anonymous(SEARCH, { search: 'car wash', first: 100 });
    expect(stale.body.data.precedents.edges.map((e: any) => e.node.ecli)).not.toContain(id);
  });

  it('a withdrawn precedent leaves search and citedBy, and still answers by its ECLI, marked withdrawn', async () => {
    const cited = DEMO_PRECEDENTS[0];
    const { ecli: id } = await publish({ summary: 'A unique zeppelin crew was held in servitude.', cites: [cited.ecli] });
    expect((await anonymous(SEARCH, { search: 'zeppelin' })).body.data.precedents.totalCount).toBe(1);
    const res = await hub.queryAs('judge', 'DE', WITHDRAW, { ecli: id, reason: 'Set aside on appeal' });
    expect(res.body.data.withdrawPrecedent).toEqual({ ecli: id, withdrawn: true, withdrawnReason: 'Set aside on appeal' });
    expect((await anonymous(SEARCH, { search: 'zeppelin' })).body.data.precedents.totalCount).toBe(0);
    expect((await anonymous(ONE, { ecli: id })).body.data.precedent).toMatchObject({ withdrawn: true, withdrawnReason: 'Set aside on appeal' });
    expect((await anonymous(ONE, { ecli: cited.ecli })).body.data.precedent.citedBy.map((c: any) => c.ecli)).not.toContain(id);
    const again = await hub.queryAs('judge', 'DE', WITHDRAW, { ecli: id, reason: 'twice' });
    expect(errorCodes(again.body)).toEqual({ withdrawPrecedent: 'BAD_USER_INPUT' });
  });
});

describe('change feed (incremental sync)', () => {
  it('a replay from null gives every precedent exactly once, and the cursor it ends on gives nothing new', async () => {
    const { changes, cursor } = await replay(null, 7);
    const eclis = changes.map((c) => c.ecli);
    expect(new Set(eclis).size).toBe(eclis.length);
    expect(eclis.length).toBe(await stored());
    for (const p of DEMO_PRECEDENTS) expect(eclis).toContain(p.ecli);
    const after = await anonymous(CHANGES, { since: cursor });
    expect(after.body.data.precedentChanges).toEqual({ cursor, hasMore: false, changes: [] });
  });

  it('changes made between two pages are delivered: a new precedent, a correction and a withdrawal', async () => {
    const { cursor: start } = await replay(null, 100);
    const delivered: string[] = [];
    let published = '';
    const corrected = DEMO_PRECEDENTS.find((p) => p.jurisdiction === 'DE')!.ecli;
    const { changes } = await replay(null, 10, async (page) => {
      if (page !== 0) return;
      published = (await publish()).ecli;
      await hub.queryAs('judge', 'DE', CORRECT, { ecli: corrected, input: { reason: 'Outcome restated', outcome: 'Conviction upheld' } });
      await hub.queryAs('judge', 'DE', WITHDRAW, { ecli: published, reason: 'Published in error' });
    });
    delivered.push(...changes.map((c) => c.ecli));
    // Every precedent at least once, the corrected one again after its change, the new one once, as withdrawn.
    expect(changes.filter((c) => c.ecli === published)).toEqual([{ ecli: published, kind: 'WITHDRAWN', withdrawn: true }]);
    expect(changes.filter((c) => c.ecli === corrected).at(-1)).toEqual({ ecli: corrected, kind: 'CORRECTED', withdrawn: false });
    const unchanged = delivered.filter((e) => e !== corrected);
    expect(new Set(unchanged).size).toBe(unchanged.length);
    expect(new Set(delivered).size).toBe(await stored());

    const since = await replay(start, 100);
    expect(since.changes.map((c) => c.ecli)).toEqual([corrected, published]);
  });

  it('refuses a cursor that is not one of the feed, naming the argument `since`', async () => {
    const res = await anonymous(CHANGES, { since: 'garbage' });
    expect(errorCodes(res.body)).toEqual({ precedentChanges: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.field).toBe('since');
    expect(res.body.errors![0].message).toMatch(/^since: is not a cursor/);
  });
});
