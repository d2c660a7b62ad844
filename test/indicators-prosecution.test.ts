import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../platform/paths';
import { errorCodes, startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { registerVictim } from './support/victims';

// The proceedings subgraph's `Region.prosecution` (issue 26), counted from proceedings,
// protective orders and legal assistance requests made through the API. A region of this
// test's own: LT opens 12 proceedings, LV 10, EE 11; six of LT's close convicting two
// defendants each; LT's judges decide three urgent orders, one late; LV executes three
// requests of LT, one never recognized in 2026.

const REGION = { code: 'NB', name: 'Baltic', jurisdictions: ['LT', 'LV', 'EE'] };
const DAY = 86_400_000;
const START = new Date('2026-10-05T10:00:00Z'); // 2026-Q4
const at = (days: number) => new Date(START.getTime() + days * DAY);
const PROSECUTION = `query($period: PeriodInput!, $by: Boolean) { region(code: "NB") { prosecution(period: $period, byJurisdiction: $by) { indicator jurisdiction period value suppressed unit note } } }`;
const YEAR = { granularity: 'YEAR', year: 2026 };
const QUARTER = { granularity: 'QUARTER', year: 2026, quarter: 4 };
const OPEN = `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`;
const CLOSE = `mutation($id: ID!, $convicted: [String!]) { advanceStage(proceedingId: $id, stage: CLOSED, outcome: "Judgment", convictedDefendants: $convicted) { stage convictedDefendants } }`;
const ORDER = `mutation($id: ID!, $v: ID!, $urgency: Urgency!) { requestProtectiveOrder(proceedingId: $id, input: { kind: NO_CONTACT, urgency: $urgency, protectedVictimId: $v, grounds: "Threats by phone", protectedPersonLocation: "Safe house" }) { id } }`;
const DECIDE = `mutation($id: ID!) { decideProtectiveOrder(orderId: $id, decision: GRANTED, reasons: "Credible threats") { status } }`;

let hub: TestHub;
const lt: string[] = [];
let ltVictim: string;
const orders: string[] = [];
const requests: Record<'never' | 'inTime' | 'late', string> = { never: '', inTime: '', late: '' };

async function ok(role: string, jurisdiction: string, query: string, variables: Record<string, unknown>) {
  const res = await hub.queryAs(role, jurisdiction, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

async function openProceedings(jurisdiction: string, victim: string, n: number): Promise<string[]> {
  const input = (i: number) => ({ caseNumber: `IND ${jurisdiction} ${i}`, court: 'Regional court', kind: 'CRIMINAL', charges: ['Trafficking in human beings'], victimIds: [victim], defendants: [{ alias: 'Defendant A', nationality: 'LT', gender: 'MALE' }, { alias: 'Defendant B', nationality: 'LV', gender: 'FEMALE' }] });
  return Promise.all(Array.from({ length: n }, async (_, i) => (await ok('prosecutor', jurisdiction, OPEN, { input: input(i) })).openProceeding.id as string));
}

/** A request of LT to LV, received by LV now: recognition due in 30 days. */
async function receivedRequest(proceedingId: string): Promise<string> {
  const input = { proceedingId, executingJurisdiction: 'LV', kind: 'BANKING_INFORMATION', urgency: 'NORMAL', subject: 'Holders of an account' };
  const { id } = (await ok('prosecutor', 'LT', `mutation($input: DraftLegalAssistanceRequestInput!) { draftLegalAssistanceRequest(input: $input) { id } }`, { input })).draftLegalAssistanceRequest;
  await ok('prosecutor', 'LT', `mutation($id: ID!) { submitLegalAssistanceRequest(id: $id) { status } }`, { id });
  await ok('prosecutor', 'LV', `mutation($id: ID!) { acknowledgeReceipt(id: $id) { status } }`, { id });
  return id;
}
const recognize = (id: string) => ok('prosecutor', 'LV', `mutation($id: ID!) { recognizeRequest(id: $id) { status } }`, { id });

beforeAll(async () => {
  hub = await startHub({ env: { REGIONS: JSON.stringify([REGION]) } });
  hub.clock.set(START);
  const [victimLT, victimLV, victimEE] = await Promise.all(['LT', 'LV', 'EE'].map((j) => registerVictim(hub, j, { legalName: `Person ${j}` })));
  ltVictim = victimLT;
  lt.push(...(await openProceedings('LT', victimLT, 12)));
  const lv = await openProceedings('LV', victimLV, 10);
  await openProceedings('EE', victimEE, 11);
  // Convictions: six of LT's, two defendants each (12 people); one acquittal; one of LV's, one defendant.
  for (const id of lt.slice(0, 6)) expect((await ok('judge', 'LT', CLOSE, { id, convicted: ['Defendant A', 'Defendant B'] })).advanceStage.convictedDefendants).toEqual(['Defendant A', 'Defendant B']);
  await ok('judge', 'LT', CLOSE, { id: lt[6], convicted: null });
  await ok('judge', 'LV', CLOSE, { id: lv[0], convicted: ['Defendant B'] });
  // Requests LV executes, received on START: recognition due on day 30 (2026-11-04).
  [requests.never, requests.inTime, requests.late] = await Promise.all([lt[8], lt[9], lt[10]].map(receivedRequest));
  // Urgent orders of LT (due in 24 h): two decided after 2 hours, one after 30; a STANDARD one is no urgent order.
  for (const urgency of ['URGENT', 'URGENT', 'URGENT', 'STANDARD']) orders.push((await ok('social_worker', 'LT', ORDER, { id: lt[7], v: victimLT, urgency })).requestProtectiveOrder.id);
  hub.clock.set(new Date(START.getTime() + 2 * 3_600_000));
  for (const id of [orders[0], orders[1], orders[3]]) await ok('judge', 'LT', DECIDE, { id });
  hub.clock.set(new Date(START.getTime() + 30 * 3_600_000));
  await ok('judge', 'LT', DECIDE, { id: orders[2] });
}, 180_000);
afterAll(() => hub.stop());

type Cell = { indicator: string; jurisdiction: string | null; value: number | null; suppressed: boolean; unit: string };
const valuesOf = (res: GraphQLResponse) => {
  expect(res.body.errors).toBeUndefined();
  return Object.fromEntries((res.body.data.region.prosecution as Cell[]).map((v) => [`${v.indicator}${v.jurisdiction ? ` ${v.jurisdiction}` : ''}`, v.value]));
};
const read = (token: string | null, variables: Record<string, unknown>) => hub.query(token, PROSECUTION, variables).then(valuesOf);

it('a deadline still to come is no delay: no request is overdue before its recognition is due', async () => {
  hub.clock.set(at(15));
  await recognize(requests.inTime);
  expect((await read(null, { period: YEAR })).MLA_REQUESTS_OVERDUE).toBe(0);
});

it("the region's year, public: counts of people rounded up to 5; urgent orders decided in time and requests overdue shown as they are", async () => {
  hub.clock.set(at(46));
  await recognize(requests.late); // 16 days after its deadline, still in the year
  hub.clock.set(at(66)); // 2026-12-10
  expect(await read(null, { period: YEAR })).toEqual({
    PROCEEDINGS_OPENED: 35, // 33
    CONVICTIONS: 15, // 12 in LT, 1 in LV
    URGENT_ORDERS_DECIDED_IN_TIME_RATE: 0.667, // 2 of 3
    MLA_REQUESTS_OVERDUE: 1, // never recognized; the late one was recognized by the year's end
  });
  expect(await read(null, { period: { granularity: 'YEAR', year: 2025 } })).toEqual({ PROCEEDINGS_OPENED: null, CONVICTIONS: null, URGENT_ORDERS_DECIDED_IN_TIME_RATE: null, MLA_REQUESTS_OVERDUE: 0 });
});

it('per jurisdiction at the thresholds: 12 shown as 15, 10 suppressed, 11 suppressed too so that 10 cannot be derived; a rate with nothing decided suppressed', async () => {
  const values = await read(await hub.token('partner_system', 'LV'), { period: QUARTER, by: true });
  expect(values).toEqual({
    PROCEEDINGS_OPENED: 35,
    'PROCEEDINGS_OPENED LT': 15,
    'PROCEEDINGS_OPENED LV': null,
    'PROCEEDINGS_OPENED EE': null,
    CONVICTIONS: 15,
    'CONVICTIONS LT': 15,
    'CONVICTIONS LV': null, // 1
    'CONVICTIONS EE': null, // 0
    URGENT_ORDERS_DECIDED_IN_TIME_RATE: 0.667,
    'URGENT_ORDERS_DECIDED_IN_TIME_RATE LT': 0.667,
    'URGENT_ORDERS_DECIDED_IN_TIME_RATE LV': null, // none decided
    'URGENT_ORDERS_DECIDED_IN_TIME_RATE EE': null,
    MLA_REQUESTS_OVERDUE: 1,
    'MLA_REQUESTS_OVERDUE LT': 0,
    'MLA_REQUESTS_OVERDUE LV': 1, // by the executing jurisdiction
    'MLA_REQUESTS_OVERDUE EE': 0,
  });
});

test.each([
  ['a social worker of the region', 'social_worker', 'LT'],
  ['a prosecutor of another region', 'prosecutor', 'DE'],
])('%s may not read the quarter or the jurisdictions', async (_who, role, jurisdiction) => {
  for (const variables of [{ period: QUARTER }, { period: YEAR, by: true }]) {
    const res = await hub.query(await hub.token(role, jurisdiction), PROSECUTION, variables);
    expect({ codes: errorCodes(res.body), values: res.body.data?.region?.prosecution ?? null }).toEqual({ codes: { 'region.prosecution': 'FORBIDDEN' }, values: null });
  }
});

it('an anonymous `_entities` Region on the subgraph itself answers the yearly values, and nothing more', async () => {
  const entities = `query($r: [_Any!]!, $period: PeriodInput!, $by: Boolean) { _entities(representations: $r) { ... on Region { prosecution(period: $period, byJurisdiction: $by) { indicator value } } } }`;
  const ask = (variables: Record<string, unknown>) => hub.query(null, entities, { r: [{ __typename: 'Region', code: 'NB' }], ...variables }, { url: hub.subgraphs.proceedings.url });
  const year = await ask({ period: YEAR });
  expect(year.body.errors).toBeUndefined();
  expect(year.body.data._entities[0].prosecution).toContainEqual({ indicator: 'PROCEEDINGS_OPENED', value: 35 });
  expect(errorCodes((await ask({ period: QUARTER })).body)).toEqual({ '_entities.0.prosecution': 'UNAUTHENTICATED' });
});

it('a conviction is recorded only on closing, of the proceeding\'s own defendants, each wrong one named', async () => {
  const trial = await hub.queryAs('judge', 'LT', `mutation($id: ID!) { advanceStage(proceedingId: $id, stage: TRIAL, convictedDefendants: ["Defendant A"]) { stage } }`, { id: lt[11] });
  expect(trial.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'convictedDefendants' });
  const stranger = await hub.queryAs('judge', 'LT', CLOSE, { id: lt[11], convicted: ['Defendant A', 'Someone Else', 'Nobody'] });
  expect(stranger.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect((stranger.body.errors?.[0]?.extensions?.fields as Array<{ path: string }>).map((f) => f.path)).toEqual(['convictedDefendants[1]', 'convictedDefendants[2]']);
});

it('an erased victim changes no figure: the orders that protect her keep what is counted', async () => {
  const before = await read(await hub.token('auditor', 'LT'), { period: QUARTER, by: true });
  const erased = await hub.queryAs('judge', 'LT', `mutation($id: ID!) { eraseVictimData(victimId: $id, legalBasis: "GDPR Art. 17(1)(a)") { status } }`, { id: ltVictim });
  expect(erased.body.errors).toBeUndefined();
  // The proceedings subgraph follows the erasure in the background: read its database only to see that it did.
  const grounds = () => hub.subgraphs.proceedings.connection.collection<{ _id: string; grounds: string | null }>('protectiveOrders').findOne({ _id: orders[0] }).then((o) => o?.grounds);
  for (let waited = 0; (await grounds()) !== null; waited += 100) {
    if (waited > 30_000) throw new Error('the proceedings subgraph did not erase the order within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await read(await hub.token('auditor', 'LT'), { period: QUARTER, by: true })).toEqual(before);
});

it("overdue at the period's end stays so: a request recognized in the next year is still overdue in 2026", async () => {
  hub.clock.set(new Date('2027-01-10T10:00:00Z'));
  await recognize(requests.never);
  expect((await read(null, { period: YEAR })).MLA_REQUESTS_OVERDUE).toBe(1);
  // Their execution is due in 2027-Q1 (90 days after recognition): not yet passed on 10 January.
  expect((await read(await hub.token('judge', 'LV'), { period: { granularity: 'QUARTER', year: 2027, quarter: 1 } })).MLA_REQUESTS_OVERDUE).toBe(0);
});

it('every indicator answered has its definition in docs/indicators.md', async () => {
  const docs = readFileSync(path.join(ROOT, 'docs', 'indicators.md'), 'utf8');
  const answered = Object.keys(await read(null, { period: YEAR }));
  expect(answered.filter((indicator) => !docs.includes(`### ${indicator}\n`))).toEqual([]);
});
