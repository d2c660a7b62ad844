import { errorCodes, startHub, type TestHub } from './support/hub';
import { PROCEEDINGS } from './support/mutation-fixtures/proceedings';
import { Records, setUpDirectories } from './support/records';
import { documentFor, mutationFields, withValueAt } from './support/schema-walk';
import { changedBetween, snapshot } from './support/snapshot';

// Every proceedings mutation with an input of several fields answers all its wrong fields
// at once (one BAD_USER_INPUT, `extensions.fields`), and writes nothing: no record, no
// audit event. Each row starts from the variables of its row in the table of every
// mutation (test/support/mutation-fixtures/proceedings.ts), which succeed as they are,
// and makes several fields wrong.

interface Row {
  /** What is wrong, for the test's name. */
  what: string;
  /** Variables replaced, by path (`input.court`). */
  wrong: Record<string, unknown>;
  /** Every path the answer must name, and no other. */
  paths: string[];
}

const UNKNOWN_ID = 'A'.repeat(22); // the shape of a record id; no record has it (ids are 128 random bits)
const OTHER_UNKNOWN_ID = 'B'.repeat(22);

const ROWS: Record<string, Row[]> = {
  openProceeding: [
    {
      what: 'an empty case number, an empty charge, a defendant of no country, one without alias, a malformed victim id',
      wrong: {
        'input.caseNumber': '  ',
        'input.charges': ['Trafficking in human beings', ''],
        'input.defendants': [
          { alias: 'Defendant A', nationality: 'XX', gender: 'MALE' },
          { alias: ' ', nationality: 'RO', gender: 'MALE' },
        ],
        'input.victimIds': ['1'],
      },
      paths: ['input.caseNumber', 'input.charges[1]', 'input.defendants[0].nationality', 'input.defendants[1].alias', 'input.victimIds[0]'],
    },
    { what: 'two victims no one of DE has', wrong: { 'input.victimIds': [UNKNOWN_ID, OTHER_UNKNOWN_ID] }, paths: ['input.victimIds[0]', 'input.victimIds[1]'] },
  ],
  scheduleHearing: [{ what: 'a past date and an empty court', wrong: { 'input.scheduledAt': '2020-01-31T09:00:00Z', 'input.court': ' ' }, paths: ['input.scheduledAt', 'input.court'] }],
  requestProtectiveOrder: [
    {
      what: 'a victim not of the proceeding, empty grounds, a location too long',
      wrong: { 'input.protectedVictimId': UNKNOWN_ID, 'input.grounds': '', 'input.protectedPersonLocation': 'x'.repeat(301) },
      paths: ['input.protectedVictimId', 'input.grounds', 'input.protectedPersonLocation'],
    },
  ],
  registerEvidence: [
    {
      what: 'an empty description, a hash that is none, an accuracy of 7, empty handling conditions',
      wrong: { 'input.description': '', 'input.contentHash': 'not-a-hash', 'input.informationAccuracy': 7, 'input.handlingConditions': ' ' },
      paths: ['input.description', 'input.contentHash', 'input.handlingConditions', 'input.informationAccuracy'],
    },
  ],
  recordCustodyEvent: [
    {
      what: 'no giver, a recipient too long, an empty note',
      wrong: { 'input.fromCustodian': ' ', 'input.toCustodian': 'x'.repeat(201), 'input.note': '' },
      paths: ['input.fromCustodian', 'input.toCustodian', 'input.note'],
    },
  ],
  publishPrecedent: [
    {
      what: "an ECLI of another country, a date that does not exist, a language that is none, an empty summary, no legal issue, a name that cannot be looked for",
      wrong: {
        'input.ecli': 'ECLI:AT:LGB:2026:X1',
        'input.decidedOn': '2026-02-30',
        'input.language': 'English',
        'input.summary': '',
        'input.legalIssues': [],
        'input.namesToExclude': ['O', 'Olena Kovalenko'],
      },
      paths: ['input.ecli', 'input.decidedOn', 'input.language', 'input.summary', 'input.legalIssues', 'input.namesToExclude[0]'],
    },
    {
      what: 'an excluded name in two texts, two citations of nothing published',
      wrong: {
        'input.summary': 'Olena Kovalenko was recruited online and held in debt bondage.',
        'input.significantFeatures': 'The court heard Olena Kovalénko by video link.',
        'input.namesToExclude': ['Olena Kovalenko'],
        'input.cites': ['ECLI:DE:NONE:2020:1', 'ECLI:DE:NONE:2020:2'],
      },
      paths: ['input.summary', 'input.significantFeatures', 'input.cites[0]', 'input.cites[1]'],
    },
  ],
  correctPrecedent: [
    {
      what: 'an empty reason, an empty summary, no legal issue, a name that cannot be looked for',
      wrong: { 'input.reason': '', 'input.summary': ' ', 'input.legalIssues': [], 'input.namesToExclude': ['K'] },
      paths: ['input.reason', 'input.summary', 'input.legalIssues', 'input.namesToExclude[0]'],
    },
  ],
  withdrawPrecedent: [{ what: 'an empty reason, a name that cannot be looked for', wrong: { reason: ' ', namesToExclude: ['K'] }, paths: ['reason', 'namesToExclude[0]'] }],
  draftLegalAssistanceRequest: [
    {
      what: 'a malformed proceeding id, its own jurisdiction as the executing one, an empty subject',
      wrong: { 'input.proceedingId': '1', 'input.executingJurisdiction': 'DE', 'input.subject': ' ' },
      paths: ['input.proceedingId', 'input.executingJurisdiction', 'input.subject'],
    },
  ],
  postponeRequest: [{ what: 'an empty reason and a past date', wrong: { reason: '', until: '2020-01-31T00:00:00Z' }, paths: ['reason', 'until'] }],
  createJointInvestigationTeam: [
    {
      what: 'an empty name, a party of no country, an empty purpose, a start that does not exist, an end in the past',
      wrong: { 'input.name': '', 'input.parties': ['DE', 'XX'], 'input.purpose': ' ', 'input.startsOn': '2026-13-01', 'input.endsOn': '2020-01-31' },
      paths: ['input.name', 'input.parties[1]', 'input.purpose', 'input.startsOn', 'input.endsOn'],
    },
  ],
  extendTeam: [{ what: 'a last day that is no date and an empty reason', wrong: { endsOn: 'next year', reason: '' }, paths: ['endsOn', 'reason'] }],
};

let hub: TestHub;
const mutations = mutationFields();

beforeAll(async () => {
  hub = await startHub();
  await setUpDirectories(hub);
}, 180_000);
afterAll(() => hub.stop());

const cases = Object.entries(ROWS).flatMap(([name, rows]) => rows.map((row) => ({ name, ...row })));

test.each(cases)('$name: $what, all named in one answer, nothing written', async ({ name, wrong, paths }) => {
  const fixture = PROCEEDINGS[name];
  const field = mutations.find((m) => m.kind === 'mutation' && m.name === name)!;
  const variables = Object.entries(wrong).reduce((v, [at, value]) => withValueAt(v, at, value), await fixture.setUp(new Records(hub)));
  const { as } = fixture;
  const token = await hub.token(as.role, as.jurisdiction, { ...(as.sub ? { sub: as.sub } : {}), ...(as.org ? { org: as.org } : {}) });
  const written = async () => (await hub.subgraphs.proceedings.audit.events()).filter((e) => e.action === fixture.action || e.action === `${fixture.action}_NOT_APPLIED`).length;
  const [before, eventsBefore] = [await snapshot(hub), await written()];

  const res = await hub.query(token, documentFor(field, variables), variables);

  expect(errorCodes(res.body)).toEqual({ [name]: 'BAD_USER_INPUT' });
  expect(res.body.errors).toHaveLength(1);
  const named = (res.body.errors![0].extensions?.fields as Array<{ path: string; message: string }>).map((f) => f.path);
  expect([...named].sort()).toEqual([...paths].sort());
  expect({ changed: changedBetween(before, await snapshot(hub)), auditEvents: await written() }).toEqual({ changed: [], auditEvents: eventsBefore });
});

test('the public precedent search names every wrong argument in one answer', async () => {
  const SEARCH = `query($search: String, $jurisdiction: String, $from: String, $to: String) {
    precedents(search: $search, jurisdiction: $jurisdiction, decidedFrom: $from, decidedTo: $to) { totalCount } }`;
  const res = await hub.query(null, SEARCH, { search: ' ', jurisdiction: 'XX', from: '2020-02-30', to: '2019-13-01' });
  expect(errorCodes(res.body)).toEqual({ precedents: 'BAD_USER_INPUT' });
  expect(res.body.errors![0].extensions?.fields.map((f: { path: string }) => f.path)).toEqual(['search', 'jurisdiction', 'decidedFrom', 'decidedTo']);
  const reversed = await hub.query(null, SEARCH, { from: '2021-01-01', to: '2020-01-01' });
  expect(reversed.body.errors![0].extensions?.fields).toEqual([{ path: 'decidedTo', message: 'is before decidedFrom' }]);
});
