import { NameFinder, skeleton } from '../subgraphs/common/names';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { registerVictim } from './support/victims';

// What a precedent publishes carries no names: every free text passes one checker that
// sees through disguises (invisible characters, look-alike letters, fullwidth letters,
// accents, case), and a victims' profile resting on fewer than 5 victims is withheld.

let hub: TestHub;
let fourVictims: string;
let fiveVictims: string;
let base: string;
let ordinal = 0;

const NAME = 'Olena Kovalenko';
const ALIAS = 'Mirko V.';
/** The same name as a reader sees it, written to slip past a plain comparison. */
const DISGUISES: Array<[string, (name: string) => string]> = [
  // A zero-width space splits a word; a Hangul filler is an invisible letter and would join one.
  ['invisible characters inside it', (name) => name.replace('e', 'e\u200b').replace('va', 'v\u3164a').replace('K', '\u00adK')],
  ['Cyrillic look-alike letters', (name) => name.replace(/o/g, '\u043e').replace(/a/g, '\u0430').replace(/e/g, '\u0435')],
  ['fullwidth letters', (name) => [...name].map((c) => (c === ' ' ? c : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join('')],
  ['combining accents', (name) => name.replace(/o/g, 'o\u0301').replace(/e/g, 'e\u0308')],
  ['another case', (name) => [...name].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('')],
];

const PROFILE = `victimProfile { withheld withheldReason count ageGroups { value count } genders { value count } nationalities { value count } }`;
const PUBLISH = `mutation($proceedingId: ID!, $input: PublishPrecedentInput!) { publishPrecedent(proceedingId: $proceedingId, input: $input) { ecli ${PROFILE} } }`;
const CORRECT = `mutation($ecli: String!, $input: CorrectPrecedentInput!) { correctPrecedent(ecli: $ecli, input: $input) { ecli } }`;
const WITHDRAW = `mutation($ecli: String!, $reason: String!, $names: [String!]) { withdrawPrecedent(ecli: $ecli, reason: $reason, namesToExclude: $names) { ecli } }`;
const ONE = `query($ecli: String!) { precedent(ecli: $ecli) { summary withdrawn corrections { reason } ${PROFILE} } }`;

const publishInput = (overrides: Record<string, unknown> = {}) => ({
  ecli: `ECLI:DE:LGB:2026:NAMES${++ordinal}`,
  courtType: 'FIRST_INSTANCE',
  decidedOn: '2026-03-02',
  legalSystem: 'CIVIL_LAW',
  language: 'de',
  summary: 'The first defendant held three workers in debt bondage on a farm.',
  significantFeatures: 'Debt bondage without confiscated documents.',
  legalIssues: ['COMPENSATION'],
  keywords: { purposes: ['FORCED_LABOUR'] },
  ...overrides,
});

const stored = () => hub.subgraphs.proceedings.connection.collection('precedents').countDocuments();

/** Each way a free text reaches the public, sending `value` in that field with `names` to exclude. */
const FIELDS: Array<[string, string, (value: string, names: string[]) => Promise<{ body: any }>]> = [
  ['publishPrecedent', 'input.summary', (value, names) => hub.queryAs('judge', 'DE', PUBLISH, { proceedingId: fiveVictims, input: publishInput({ summary: `Recruited online by ${value}.`, namesToExclude: names }) })],
  ['publishPrecedent', 'input.significantFeatures', (value, names) => hub.queryAs('judge', 'DE', PUBLISH, { proceedingId: fiveVictims, input: publishInput({ significantFeatures: `${value} kept the wages.`, namesToExclude: names }) })],
  ['publishPrecedent', 'input.outcome', (value, names) => hub.queryAs('judge', 'DE', PUBLISH, { proceedingId: fiveVictims, input: publishInput({ outcome: `${value} convicted`, namesToExclude: names }) })],
  ['publishPrecedent', 'input.court', (value, names) => hub.queryAs('judge', 'DE', PUBLISH, { proceedingId: fiveVictims, input: publishInput({ court: `Court of ${value}`, namesToExclude: names }) })],
  ['correctPrecedent', 'input.summary', (value, names) => hub.queryAs('judge', 'DE', CORRECT, { ecli: base, input: { reason: 'Clarity', summary: `${value} recruited them.`, namesToExclude: names } })],
  ['correctPrecedent', 'input.outcome', (value, names) => hub.queryAs('judge', 'DE', CORRECT, { ecli: base, input: { reason: 'Clarity', outcome: `${value}: 4 years`, namesToExclude: names } })],
  ['correctPrecedent', 'input.reason', (value, names) => hub.queryAs('judge', 'DE', CORRECT, { ecli: base, input: { reason: `Complaint by ${value}`, significantFeatures: 'Restated.', namesToExclude: names } })],
  ['withdrawPrecedent', 'reason', (value, names) => hub.queryAs('judge', 'DE', WITHDRAW, { ecli: base, reason: `Appeal of ${value}`, names })],
];

beforeAll(async () => {
  hub = await startHub();
  const OPEN = `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`;
  const closed = async (caseNumber: string, victims: number) => {
    const victimIds: string[] = [];
    for (let i = 0; i < victims; i++) victimIds.push(await registerVictim(hub, 'DE', { gender: i % 2 ? 'MALE' : 'FEMALE', nationality: 'RO', dateOfBirth: `${1980 + i}-05-17` }));
    const input = { caseNumber, court: 'Landgericht Berlin', kind: 'CRIMINAL', charges: ['§ 232b StGB'], defendants: [{ alias: ALIAS, nationality: 'RS', gender: 'MALE' }], victimIds };
    const id = (await hub.queryAs('prosecutor', 'DE', OPEN, { input })).body.data.openProceeding.id as string;
    const close = await hub.queryAs('judge', 'DE', `mutation($id: ID!) { advanceStage(proceedingId: $id, stage: CLOSED, outcome: "Convicted") { stage } }`, { id });
    expect(close.body.errors).toBeUndefined();
    return id;
  };
  fourVictims = await closed('61 KLs 4/26', 4);
  fiveVictims = await closed('61 KLs 5/26', 5);
  const published = await hub.queryAs('judge', 'DE', PUBLISH, { proceedingId: fiveVictims, input: publishInput() });
  expect(published.body.errors).toBeUndefined();
  base = published.body.data.publishPrecedent.ecli;
}, 60_000);
afterAll(() => hub.stop());

describe('the name checker (common/names.ts)', () => {
  test.each(DISGUISES)('sees through %s', (_how, disguise) => {
    expect(disguise(NAME)).not.toBe(NAME);
    expect(skeleton(disguise(NAME))).toBe(skeleton(NAME));
    expect(new NameFinder([NAME]).firstIn(`Victim ${disguise(NAME)} testified.`)).toBe(0);
  });

  it('finds a name spelled apart, never inside another word', () => {
    const finder = new NameFinder(['Ana', ALIAS]);
    expect(finder.firstIn('M i r k o-V. paid the rent')).toBe(1);
    expect(finder.firstIn('A banana plantation near Mirkovac')).toBe(-1);
    expect(finder.firstIn('ΜΙRΚΟ V. (Greek capitals)')).toBe(1);
  });
});

describe('every published text refuses a disguised name, naming the field and never the name', () => {
  const cases = FIELDS.flatMap(([mutation, field, send]) => DISGUISES.map(([how, disguise]) => [mutation, field, how, send, disguise] as const));
  test.each(cases)('%s %s: a name with %s', async (mutation, field, _how, send, disguise) => {
    const before = await stored();
    const res = await send(disguise(NAME), [NAME]);
    expect(errorCodes(res.body)).toEqual({ [mutation]: 'BAD_USER_INPUT' });
    expect(res.body.errors[0].extensions.field).toBe(field);
    expect(res.body.errors[0].message).toMatch(/namesToExclude\[0\]/);
    expect(skeleton(JSON.stringify(res.body))).not.toMatch(/olena|kovalenko/);
    expect(await stored()).toBe(before);
  });

  test.each(DISGUISES)("a defendant's alias with %s is refused as defendants[0].alias", async (_how, disguise) => {
    const res = await hub.queryAs('judge', 'DE', PUBLISH, { proceedingId: fiveVictims, input: publishInput({ summary: `${disguise(ALIAS)} recruited them.` }) });
    expect(errorCodes(res.body)).toEqual({ publishPrecedent: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.field).toBe('input.summary');
    expect(res.body.errors![0].message).toMatch(/defendants\[0\]\.alias/);
    expect(skeleton(JSON.stringify(res.body))).not.toContain('mirko');
  });

  it('nothing of the refused texts reached the precedent', async () => {
    const res = await hub.query(null, ONE, { ecli: base });
    expect(res.body.data.precedent).toMatchObject({ summary: publishInput().summary, withdrawn: false, corrections: [] });
  });

  it('a name to exclude needs two letters, or it could not be looked for', async () => {
    const res = await hub.queryAs('judge', 'DE', PUBLISH, { proceedingId: fiveVictims, input: publishInput({ namesToExclude: [NAME, 'K.'] }) });
    expect(errorCodes(res.body)).toEqual({ publishPrecedent: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.field).toBe('input.namesToExclude[1]');
  });
});

describe("the victims' profile (k-anonymity)", () => {
  it('of 4 victims is withheld, and says so: no figure, not zero', async () => {
    const res = await hub.queryAs('judge', 'DE', PUBLISH, { proceedingId: fourVictims, input: publishInput() });
    expect(res.body.errors).toBeUndefined();
    const expected = { withheld: true, withheldReason: expect.stringMatching(/fewer than 5 people/), count: null, ageGroups: null, genders: null, nationalities: null };
    expect(res.body.data.publishPrecedent.victimProfile).toEqual(expected);
    expect((await hub.query(null, ONE, { ecli: res.body.data.publishPrecedent.ecli })).body.data.precedent.victimProfile).toEqual(expected);
    // Not even stored: what is never published is not kept either.
    const record = await hub.subgraphs.proceedings.connection.collection('precedents').findOne({ ecli: res.body.data.publishPrecedent.ecli });
    expect(record!.victimProfile).toEqual({ withheld: true, count: null, ageGroups: [], genders: [], nationalities: [] });
  });

  it('of 5 victims is published', async () => {
    const res = await hub.query(null, ONE, { ecli: base });
    expect(res.body.data.precedent.victimProfile).toEqual({
      withheld: false,
      withheldReason: null,
      count: 5,
      ageGroups: expect.any(Array),
      genders: [{ value: 'FEMALE', count: 3 }, { value: 'MALE', count: 2 }],
      nationalities: [{ value: 'RO', count: 5 }],
    });
  });
});
