import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../platform/paths';
import type { ErasureFollower } from '../subgraphs/common/erasure';
import { startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { shelterInput } from './support/records';
import { registerVictim } from './support/victims';

// The shelters subgraph's `Region.protection` (issue 26), counted from shelters,
// placements and transports made through the API, published by the platform's rules
// (common/indicators.ts). A region of this test's own: LT has 20 beds (two shelters) and
// 12 arrivals, LV 15 beds and 10 arrivals (an 11th accepted, never arrived), EE 15 beds
// and 11 arrivals; ten LT victims are taken to a hearing (one of them twice).

const REGION = { code: 'NB', name: 'Baltic', jurisdictions: ['LT', 'LV', 'EE'] };
const ARRIVED_ON = new Date('2026-10-05T10:00:00Z'); // 2026-Q4
const HEARING_DAY = '2026-11-20';
const PROTECTION = `query($period: PeriodInput!, $by: Boolean) { region(code: "NB") { protection(period: $period, byJurisdiction: $by) { indicator jurisdiction period value suppressed unit note } } }`;
const YEAR = { granularity: 'YEAR', year: 2026 };
const QUARTER = { granularity: 'QUARTER', year: 2026, quarter: 4 };

let hub: TestHub;
const lt: string[] = [];
const placementOf = new Map<string, string>();

async function ok(res: Promise<GraphQLResponse>, field: string) {
  const { body } = await res;
  if (body.errors) throw new Error(`${field}: ${JSON.stringify(body.errors)}`);
  return body.data[field];
}

async function shelter(jurisdiction: string, capacity: number): Promise<string> {
  const input = shelterInput({ operator: `${jurisdiction}-demo-org`, capacity, city: 'Capital' });
  return (await ok(hub.queryAs('registrar', jurisdiction, `mutation($input: RegisterShelterInput!) { registerShelter(input: $input) { id } }`, { input }), 'registerShelter')).id;
}

/** A victim of the jurisdiction placed in the shelter by a social worker, accepted by its staff and, with `arrives`, arrived. */
async function placed(jurisdiction: string, shelterId: string, n: number, arrives = true): Promise<string> {
  const victim = await registerVictim(hub, jurisdiction, { legalName: `Guest ${jurisdiction} ${n}` });
  const request = `mutation($s: ID!, $v: ID!, $input: PlacementInput!) { requestPlacement(shelterId: $s, victimId: $v, input: $input) { id } }`;
  const id = (await ok(hub.queryAs('social_worker', jurisdiction, request, { s: shelterId, v: victim, input: { from: ARRIVED_ON.toISOString().slice(0, 10), needs: ['PSYCHOLOGICAL'] } }), 'requestPlacement')).id;
  await ok(hub.queryAs('shelter_staff', jurisdiction, `mutation($id: ID!) { acceptPlacement(placementId: $id) { id } }`, { id }), 'acceptPlacement');
  if (arrives) await ok(hub.queryAs('shelter_staff', jurisdiction, `mutation($id: ID!) { confirmPlacement(placementId: $id) { id } }`, { id }), 'confirmPlacement');
  placementOf.set(victim, id);
  return victim;
}

async function transport(hearing: string, victim: string, departAt: string) {
  const arrange = `mutation($h: ID!, $v: ID!, $at: String!) { arrangeTransport(hearingId: $h, victimId: $v, input: { pickupLocation: "Back door", escort: POLICE, departAt: $at }) { id } }`;
  await ok(hub.queryAs('shelter_staff', 'LT', arrange, { h: hearing, v: victim, at: departAt }), 'arrangeTransport');
}

let hearing = '';

beforeAll(async () => {
  hub = await startHub({ env: { REGIONS: JSON.stringify([REGION]) } });
  hub.clock.set(ARRIVED_ON);
  const [ltBig, ltSmall, lv, ee1, ee2] = await Promise.all([shelter('LT', 15), shelter('LT', 5), shelter('LV', 15), shelter('EE', 8), shelter('EE', 7)]);
  const guests = (jurisdiction: string, shelters: string[], n: number, arrives = true) => Promise.all(Array.from({ length: n }, (_, i) => placed(jurisdiction, shelters[i % shelters.length], i, arrives)));
  const [ltGuests] = await Promise.all([guests('LT', [ltBig, ltBig, ltSmall], 12), guests('LV', [lv], 10), guests('EE', [ee1, ee2], 11)]);
  lt.push(...ltGuests);
  await placed('LV', lv, 10, false);
  const proceeding = (await ok(hub.queryAs('prosecutor', 'LT', `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`, { input: { caseNumber: 'NB-1', court: 'Vilnius Regional Court', kind: 'CRIMINAL', charges: ['THB'], victimIds: lt.slice(0, 10) } }), 'openProceeding')).id;
  const schedule = `mutation($id: ID!) { scheduleHearing(proceedingId: $id, input: { scheduledAt: "${HEARING_DAY}T09:00:00Z", court: "Room 1", victimAppearance: IN_PERSON, safeTransportNeeded: true }) { id } }`;
  hearing = (await ok(hub.queryAs('judge', 'LT', schedule, { id: proceeding }), 'scheduleHearing')).id;
  // Eleven trips of ten people: one of them is taken twice.
  await Promise.all([...lt.slice(0, 10), lt[0]].map((victim, i) => transport(hearing, victim, `${HEARING_DAY}T07:${String(10 + i).padStart(2, '0')}:00Z`)));
}, 240_000);
afterAll(() => hub.stop());

const valuesOf = (res: GraphQLResponse) => {
  expect(res.body.errors).toBeUndefined();
  return Object.fromEntries((res.body.data.region.protection as Array<{ indicator: string; jurisdiction: string | null; value: number | null }>).map((v) => [`${v.indicator}${v.jurisdiction ? ` ${v.jurisdiction}` : ''}`, v.value]));
};
const publicYear = async () => valuesOf(await hub.query(null, PROTECTION, { period: YEAR }));

describe("a region's yearly values: public", () => {
  it('people counted once and rounded up to 5; occupancy of people over beds; beds shown as they are; no trip counted before it departs', async () => {
    expect(await publicYear()).toEqual({
      PLACEMENTS_STARTED: 35, // 33 arrived; LV's 11th was accepted and never arrived
      OCCUPANCY_RATE: 0.7, // 33 staying (shown as 35) over 50 beds, now (the year runs)
      SHELTER_BEDS: 50,
      TRANSPORTS_TO_HEARINGS: null, // the hearing is ahead
    });
  });

  it("a trip counts once its departure has come, each person once: ten people in eleven trips are suppressed, an eleventh person's shows 15", async () => {
    hub.clock.set(new Date(`${HEARING_DAY}T12:00:00Z`));
    expect((await publicYear()).TRANSPORTS_TO_HEARINGS).toBeNull(); // 10 (11 if trips were counted)
    await transport(hearing, lt[10], `${HEARING_DAY}T13:00:00Z`);
    expect((await publicYear()).TRANSPORTS_TO_HEARINGS).toBeNull(); // departs in an hour
    hub.clock.set(new Date(`${HEARING_DAY}T14:00:00Z`));
    expect((await publicYear()).TRANSPORTS_TO_HEARINGS).toBe(15);
  });
});

describe('quarterly and per-jurisdiction values: partner systems, auditors, judges and prosecutors of the region', () => {
  it('arrivals at the thresholds: 12 shown as 15, 10 suppressed, and 11 suppressed too so that 10 cannot be derived from the total', async () => {
    const values = valuesOf(await hub.query(await hub.token('partner_system', 'LV'), PROTECTION, { period: QUARTER, by: true }));
    expect({ total: values.PLACEMENTS_STARTED, LT: values['PLACEMENTS_STARTED LT'], LV: values['PLACEMENTS_STARTED LV'], EE: values['PLACEMENTS_STARTED EE'] }).toEqual({ total: 35, LT: 15, LV: null, EE: null });
  });

  it("occupancy is suppressed with the people it rests on, and so is the complement (beds are public: a shown rate gives its people back); beds per jurisdiction as they are", async () => {
    const values = valuesOf(await hub.query(await hub.token('auditor', 'EE'), PROTECTION, { period: QUARTER, by: true }));
    expect({ total: values.OCCUPANCY_RATE, LT: values['OCCUPANCY_RATE LT'], LV: values['OCCUPANCY_RATE LV'], EE: values['OCCUPANCY_RATE EE'] }).toEqual({ total: 0.7, LT: 0.75, LV: null, EE: null }); // 35 and 15 (33 and 12 rounded up) of 50 and 20 beds
    expect({ total: values.SHELTER_BEDS, LT: values['SHELTER_BEDS LT'], LV: values['SHELTER_BEDS LV'], EE: values['SHELTER_BEDS EE'] }).toEqual({ total: 50, LT: 20, LV: 15, EE: 15 });
  });

  test.each([
    ['a social worker of the region', 'social_worker', 'LT'],
    ['shelter staff of the region', 'shelter_staff', 'EE'],
    ['a judge of another region', 'judge', 'DE'],
  ])('%s is refused, and gets no value', async (_who, role, jurisdiction) => {
    const res = await hub.query(await hub.token(role, jurisdiction), PROTECTION, { period: QUARTER });
    expect({ code: res.body.errors?.[0]?.extensions?.code, values: res.body.data?.region?.protection ?? null }).toEqual({ code: 'FORBIDDEN', values: null });
  });
});

it("an anonymous `_entities` Region on the shelters subgraph itself answers the year (the gateway's way in), and not the quarter", async () => {
  const entities = `query($r: [_Any!]!, $period: PeriodInput!) { _entities(representations: $r) { ... on Region { protection(period: $period) { indicator value } } } }`;
  const asked = (period: unknown) => hub.query(null, entities, { r: [{ __typename: 'Region', code: 'NB' }], period }, { url: hub.subgraphs.shelters.url });
  const year = await asked(YEAR);
  expect(year.body.errors).toBeUndefined();
  expect(year.body.data._entities[0].protection).toContainEqual({ indicator: 'PLACEMENTS_STARTED', value: 35 });
  expect((await asked(QUARTER)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});

it("the end of a past period: who stayed then, whoever left since; the new quarter's own", async () => {
  hub.clock.set(new Date('2027-01-10T10:00:00Z'));
  const discharge = `mutation($id: ID!) { dischargePlacement(placementId: $id, reason: "Moved to own flat") { status } }`;
  for (const victim of lt.slice(10, 12)) await ok(hub.queryAs('social_worker', 'LT', discharge, { id: placementOf.get(victim) }), 'dischargePlacement');
  const partner = await hub.token('partner_system', 'LT');
  expect(valuesOf(await hub.query(partner, PROTECTION, { period: QUARTER, by: true }))['OCCUPANCY_RATE LT']).toBe(0.75); // 12 (shown as 15) of 20 on 31 December
  const now = valuesOf(await hub.query(partner, PROTECTION, { period: { granularity: 'QUARTER', year: 2027, quarter: 1 }, by: true }));
  expect({ started: now.PLACEMENTS_STARTED, LT: now['OCCUPANCY_RATE LT'], total: now.OCCUPANCY_RATE }).toEqual({ started: null, LT: null, total: 0.7 }); // 10 of 20 in LT; 31 (shown as 35) of 50
});

it('an erased victim still counts: arrivals, stays and trips are facts erasure keeps', async () => {
  const before = await publicYear();
  const victim = lt[0]; // placed, taken to the hearing twice
  expect((await hub.queryAs('judge', 'LT', `mutation($id: ID!) { eraseVictimData(victimId: $id, legalBasis: "GDPR Art. 17(1)(a)") { status } }`, { id: victim })).body.errors).toBeUndefined();
  const notice = await hub.subgraphs.victims.connection.collection<{ _id: string }>('erasureNotices').findOne({ victimId: victim });
  const follower = hub.subgraphs.shelters.erasure as ErasureFollower;
  const deadline = Date.now() + 30_000;
  while ((await follower.position()) < Number(notice!._id.split('#')[1])) {
    if (Date.now() > deadline) throw new Error('the shelters subgraph did not follow the erasure within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await hub.subgraphs.shelters.connection.collection('transports').findOne({ victimId: victim })).toMatchObject({ pickupLocation: null, escort: null });
  expect(await publicYear()).toEqual(before);
  expect(before).toMatchObject({ PLACEMENTS_STARTED: 35, TRANSPORTS_TO_HEARINGS: 15 });
});

it('every read is logged as a read of the region, and every indicator answered is defined in docs/indicators.md', async () => {
  const events = await hub.subgraphs.shelters.audit.events({ action: 'INDICATORS_READ' });
  expect(new Set(events.map((e) => `${e.subjectType}:${e.subjectId}`))).toEqual(new Set(['Region:NB']));
  const docs = readFileSync(path.join(ROOT, 'docs', 'indicators.md'), 'utf8');
  expect(Object.keys(await publicYear()).filter((indicator) => !docs.includes(`### ${indicator}\n`))).toEqual([]);
});
