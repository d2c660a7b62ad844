import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { mongo } from 'mongoose';
import { ROOT } from '../platform/paths';
import { startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { ACCEPT, ASSIGN, ATTORNEYS, asAttorney, CONSENT, HAND_OFF, type TestAttorney, seedDirectory } from './support/legal-aid';
import { registerVictim } from './support/victims';

// The legal aid subgraph's `Region.legalAid` (issue 26), counted from assignments and
// handoffs made through the API (docs/indicators.md), published by the platform's rules.
// A region of this test's own, the jurisdictions of the test directory: in 2026-Q3 legal
// aid is opened for 12 victims of DE (to attorney 1), 9 of AT (attorney 4) and 11 of AL
// (attorney 7); one DE victim gets a second attorney for another matter, and one DE file
// is handed to AT, which makes AT's 10.

const REGION = { code: 'LAT', name: 'Legal aid test', jurisdictions: ['DE', 'AT', 'AL'] };
const [A1, A2, , A4, , , A7] = ATTORNEYS;
const DAY = 86_400_000;
const OPENED = new Date('2026-07-06T09:00:00Z'); // 2026-Q3
const day = (days: number) => new Date(OPENED.getTime() + days * DAY);
const LEGAL_AID = `query($period: PeriodInput!, $by: Boolean) { region(code: "LAT") { legalAid(period: $period, byJurisdiction: $by) { indicator jurisdiction period value suppressed unit } } }`;
const YEAR = { granularity: 'YEAR', year: 2026 };
const QUARTER = { granularity: 'QUARTER', year: 2026, quarter: 3 };

let hub: TestHub;
let handedOff: { victim: string; toAssignment: string };
/** The legal aid database's reads (collection:filter fields), from the command monitor. */
let finds: string[] = [];

/** Legal aid opened now by a social worker of the attorney's jurisdiction, for new victims of it or for `victims`: the assignments. */
async function opened(attorney: TestAttorney, count: number, victims?: string[], matter = 'CRIMINAL_PROCEEDING'): Promise<Array<{ victim: string; id: string }>> {
  const jurisdiction = attorney.jurisdictions[0];
  victims ??= await Promise.all(Array.from({ length: count }, (_, i) => registerVictim(hub, jurisdiction, { legalName: `Client ${jurisdiction} ${i}` })));
  const token = await hub.token('social_worker', jurisdiction);
  return Promise.all(
    victims.map(async (victim) => {
      const res = await hub.query(token, ASSIGN, { v: victim, input: { attorneyId: attorney._id, matter, jurisdiction } });
      expect(res.body.errors).toBeUndefined();
      return { victim, id: res.body.data.assignLegalAid.id as string };
    }),
  );
}

/** The attorney records the representation consents `days` after the opening: the assignments become ACTIVE. */
async function represented(attorney: TestAttorney, assignments: Array<{ id: string }>, days: number): Promise<void> {
  hub.clock.set(day(days));
  const token = await asAttorney(hub, attorney);
  for (const { id } of assignments) expect((await hub.query(token, CONSENT, { id })).body.data.recordRepresentationConsent.status).toBe('ACTIVE');
}

beforeAll(async () => {
  hub = await startHub({ env: { REGIONS: JSON.stringify([REGION]) }, monitorCommands: true });
  hub.subgraphs['legal-aid'].connection.getClient().on('commandStarted', (event: mongo.CommandStartedEvent) => {
    if (event.commandName === 'find') finds.push(`${event.command.find}:${Object.keys(event.command.filter ?? {}).join(',')}`);
  });
  await seedDirectory(hub);
  hub.clock.set(OPENED);
  const [de, at, al] = [await opened(A1, 12), await opened(A4, 9), await opened(A7, 11)];
  // A second matter for one DE victim, opened on day 1 with attorney 2: she is counted once, her waits overlap.
  hub.clock.set(day(1));
  const second = await opened(A2, 1, [de[1].victim], 'COMPENSATION');
  // Waits: DE six of 5 days and five of 9, its 12th represented only in Q4; AT 2 days; AL 3 days.
  await represented(A4, at, 2);
  await represented(A7, al, 3);
  await represented(A1, de.slice(0, 6), 5);
  await represented(A2, second, 5);
  await represented(A1, de.slice(6, 11), 9);
  // One DE file handed to attorney 4 in AT on day 20, who represents her from day 24.
  hub.clock.set(day(20));
  const offer = await hub.query(await asAttorney(hub, A1), HAND_OFF, { id: de[0].id, input: { toAttorneyId: A4._id, toJurisdiction: 'AT', reason: 'Moving to Vienna', transferCategories: ['CASE'] } });
  expect(offer.body.errors).toBeUndefined();
  const accepted = await hub.query(await asAttorney(hub, A4), ACCEPT, { id: offer.body.data.handOff.id });
  expect(accepted.body.errors).toBeUndefined();
  const toAssignment = accepted.body.data.acceptHandoff.toAssignment.id;
  await represented(A4, [{ id: toAssignment }], 24);
  handedOff = { victim: de[0].victim, toAssignment };
  await represented(A1, de.slice(11), 98); // 2026-10-12
}, 180_000);
afterAll(() => hub.stop());

const valuesOf = (res: GraphQLResponse) => {
  expect(res.body.errors).toBeUndefined();
  return Object.fromEntries((res.body.data.region.legalAid as Array<{ indicator: string; jurisdiction: string | null; value: number | null }>).map((v) => [`${v.indicator}${v.jurisdiction ? ` ${v.jurisdiction}` : ''}`, v.value]));
};

const YEAR_VALUES = {
  VICTIMS_LEGAL_AID_REQUESTED: 35, // 33
  VICTIMS_WITH_LEGAL_AID_RATE: 1, // all 33 represented by the year's end
  REPRESENTATION_GAP_DAYS_MEDIAN: 3, // 9 of 2 days, 11 of 3, 1 of 4, 6 of 5, 5 of 9, 1 of 98
  HANDOFFS_ACCEPTED: 1, // an event of the providers: shown as it is
};

it("the region's year, public: people rounded up to 5, a rate, the median wait, handoffs shown as they are", async () => {
  expect(valuesOf(await hub.query(null, LEGAL_AID, { period: YEAR }))).toEqual(YEAR_VALUES);
  expect(valuesOf(await hub.query(null, LEGAL_AID, { period: { granularity: 'YEAR', year: 2025 } }))).toEqual({
    VICTIMS_LEGAL_AID_REQUESTED: null,
    VICTIMS_WITH_LEGAL_AID_RATE: null,
    REPRESENTATION_GAP_DAYS_MEDIAN: null,
    HANDOFFS_ACCEPTED: 0,
  });
});

it('per jurisdiction at the thresholds: 12 shown as 15, 10 suppressed with its rate and median, 11 suppressed so that 10 cannot be derived; represented by the quarter\'s end', async () => {
  const values = valuesOf(await hub.query(await hub.token('partner_system', 'AT'), LEGAL_AID, { period: QUARTER, by: true }));
  expect(values).toEqual({
    VICTIMS_LEGAL_AID_REQUESTED: 35,
    'VICTIMS_LEGAL_AID_REQUESTED DE': 15, // 12
    'VICTIMS_LEGAL_AID_REQUESTED AT': null, // 10
    'VICTIMS_LEGAL_AID_REQUESTED AL': null, // 11: secondary suppression
    VICTIMS_WITH_LEGAL_AID_RATE: 1, // 32 of 33, as shown: 35 of 35 (DE's 12th was represented in Q4)
    'VICTIMS_WITH_LEGAL_AID_RATE DE': 1, // 11 of 12 people, as shown: 15 of 15 (an exact 0.917 would give both back)
    'VICTIMS_WITH_LEGAL_AID_RATE AT': null, // of 10
    'VICTIMS_WITH_LEGAL_AID_RATE AL': null, // 11 of 11, suppressed with AL's 11 so that AT's 10 cannot be derived
    REPRESENTATION_GAP_DAYS_MEDIAN: 3,
    'REPRESENTATION_GAP_DAYS_MEDIAN DE': 5, // six of 5 days (her two overlapping waits once), five of 9
    'REPRESENTATION_GAP_DAYS_MEDIAN AT': null, // 10 people: nine of 2 days, the handed-off one of 4
    'REPRESENTATION_GAP_DAYS_MEDIAN AL': 3,
    HANDOFFS_ACCEPTED: 1,
    'HANDOFFS_ACCEPTED DE': 0,
    'HANDOFFS_ACCEPTED AT': 1,
    'HANDOFFS_ACCEPTED AL': 0,
  });
});

it('counted through the lists: the legal aid database is read by `_id` only, never scanned', async () => {
  finds = [];
  valuesOf(await hub.query(await hub.token('partner_system', 'DE'), LEGAL_AID, { period: YEAR, by: true }));
  expect(finds.length).toBeGreaterThan(0);
  expect(finds.filter((find) => !find.endsWith(':_id'))).toEqual([]);
});

describe('who reads the quarter and the jurisdictions', () => {
  test.each([
    ['auditor', 'AL'],
    ['judge', 'DE'],
  ])('%s of %s of the region reads them', async (role, jurisdiction) => {
    expect(valuesOf(await hub.query(await hub.token(role, jurisdiction), LEGAL_AID, { period: QUARTER, by: true }))['HANDOFFS_ACCEPTED AT']).toBe(1);
  });

  test.each([
    ['an attorney of the region', 'legal_aid_attorney', 'DE', 'FORBIDDEN'],
    ['a partner system of another region', 'partner_system', 'IT', 'FORBIDDEN'],
    ['a caller without a token', null, null, 'UNAUTHENTICATED'],
  ])('%s is refused, and gets no value', async (_who, role, jurisdiction, code) => {
    const token = role ? await hub.token(role, jurisdiction!) : null;
    for (const variables of [{ period: QUARTER }, { period: YEAR, by: true }]) {
      const res = await hub.query(token, LEGAL_AID, variables);
      expect({ code: res.body.errors?.[0]?.extensions?.code, values: res.body.data?.region?.legalAid ?? null }).toEqual({ code, values: null });
    }
  });
});

it('on the legal aid subgraph directly, an anonymous `_entities` Region answers the yearly values, and not the quarter', async () => {
  const entities = `query($period: PeriodInput!) { _entities(representations: [{ __typename: "Region", code: "LAT" }]) { ... on Region { code legalAid(period: $period) { indicator value } } } }`;
  const url = hub.subgraphs['legal-aid'].url;
  const year = await hub.query(null, entities, { period: YEAR }, { url });
  expect(year.body.errors).toBeUndefined();
  expect(Object.fromEntries(year.body.data._entities[0].legalAid.map((v: { indicator: string; value: number }) => [v.indicator, v.value]))).toEqual(YEAR_VALUES);
  expect((await hub.query(null, entities, { period: QUARTER }, { url })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});

it('an erased victim still counts: who, where, when opened and when represented are kept through erasure', async () => {
  const erased = await hub.queryAs('judge', 'DE', `mutation($id: ID!) { eraseVictimData(victimId: $id, legalBasis: "GDPR Art. 17(1)(a)") { status } }`, { id: handedOff.victim });
  expect(erased.body.errors).toBeUndefined();
  // The legal aid follower erases in the background: its assignments lose the representation consent.
  const assignments = hub.subgraphs['legal-aid'].connection.collection<{ _id: string; representationConsent: unknown }>('assignments');
  const deadline = Date.now() + 60_000;
  while ((await assignments.findOne({ _id: handedOff.toAssignment }))?.representationConsent !== null) {
    if (Date.now() > deadline) throw new Error('legal aid did not erase the victim within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(valuesOf(await hub.query(null, LEGAL_AID, { period: YEAR }))).toEqual(YEAR_VALUES);
  expect(valuesOf(await hub.query(await hub.token('prosecutor', 'AT'), LEGAL_AID, { period: QUARTER, by: true }))).toMatchObject({ 'VICTIMS_LEGAL_AID_REQUESTED DE': 15, 'VICTIMS_WITH_LEGAL_AID_RATE DE': 1, 'REPRESENTATION_GAP_DAYS_MEDIAN DE': 5, 'HANDOFFS_ACCEPTED AT': 1 });
});

it("every read is logged in legal aid's own chain as a read of the region, and every indicator is defined in docs/indicators.md", async () => {
  const events = await hub.subgraphs['legal-aid'].audit.events({ action: 'INDICATORS_READ' });
  expect(new Set(events.map((e) => `${e.subjectType}:${e.subjectId}`))).toEqual(new Set(['Region:LAT']));
  expect(events.filter((e) => e.role === 'partner_system').map((e) => e.bases)).toContainEqual(['PERIOD:2026-Q3', 'BY_JURISDICTION']);
  const docs = readFileSync(path.join(ROOT, 'docs', 'indicators.md'), 'utf8');
  expect(Object.keys(YEAR_VALUES).filter((indicator) => !docs.includes(`### ${indicator}\n`))).toEqual([]);
});
