import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { mongo } from 'mongoose';
import { ROOT } from '../platform/paths';
import { startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { grantConsent, registerVictim } from './support/victims';

// The victims subgraph's `Region.reintegration` (issue 27), counted from returns and
// reintegration plans made through the API (docs/indicators.md), published by the
// platform's rules. A region of this test's own, DE, AT and AL; every return is proposed
// on day 0 of 2026-Q3.
// - Arrived in Q3: 10 from DE to AT and 2 from AL to AT (AT keeps 12 plans), 10 from AT
//   to AL (10), 9 from AL to DE and 2 from IT, outside the region, to DE (11).
// - DE also proposes 7 that do not arrive: one assessed on day 0, assessed again on day 98
//   (Q4) as UNACCEPTABLE and cancelled; one cancelled on day 1 before any assessment; five
//   assessed only on day 98. So DE proposed 17, 11 assessed in Q3; AT 10; AL 11.
// - Closed on day 30 (Q3): AT's 12 plans, 11 GOALS_MET and one WITHDREW; AL's 10, 2
//   GOALS_MET and 8 LOST_CONTACT. DE's 11 stay open.

const REGION = { code: 'RIT', name: 'Returns test', jurisdictions: ['DE', 'AT', 'AL'] };
const DAY = 86_400_000;
const PROPOSED = new Date('2026-07-06T09:00:00Z'); // 2026-Q3
const day = (days: number) => new Date(PROPOSED.getTime() + days * DAY);
const REINTEGRATION = `query($period: PeriodInput!, $by: Boolean) { region(code: "RIT") { reintegration(period: $period, byJurisdiction: $by) { indicator jurisdiction period value suppressed unit } } }`;
const YEAR = { granularity: 'YEAR', year: 2026 };
const QUARTER = { granularity: 'QUARTER', year: 2026, quarter: 3 };

const PROPOSE = `mutation($v: ID!, $to: String!) { proposeReturn(victimId: $v, input: { destinationJurisdiction: $to, voluntary: true }) { id } }`;
const ASSESS = `mutation($id: ID!, $level: ReturnRiskLevel!) { recordRiskAssessment(returnPlanId: $id, input: { level: $level }) { id } }`;
const AGREE = `mutation($id: ID!) { agreeReturn(returnPlanId: $id, input: { receivedBy: "Caritas", receptionAddress: "Safe house", services: ["counselling"] }) { id } }`;
const DEPART = `mutation($id: ID!) { recordDeparture(returnPlanId: $id) { id } }`;
const ARRIVE = `mutation($id: ID!) { recordArrival(returnPlanId: $id) { id } }`;
const CANCEL = `mutation($id: ID!) { cancelReturn(returnPlanId: $id, reason: "Not safe to return") { id } }`;
const PLAN = `query($v: ID!) { victim(id: $v) { reintegration { id } } }`;
const CLOSE = `mutation($p: ID!, $outcome: ReintegrationOutcome!) { closeReintegration(planId: $p, outcome: $outcome) { status } }`;

let hub: TestHub;
let erasedVictims: string[];
/** The victims database's reads (collection:filter fields), from the command monitor. */
let finds: string[] = [];

/** A social worker of `jurisdiction`, stating REPATRIATION. */
async function ok(jurisdiction: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await hub.query(await hub.token('social_worker', jurisdiction), query, variables, { headers: { 'x-purpose': 'REPATRIATION' } });
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

/** `count` victims of `from`, each consenting, a return to `to` proposed now: their victim and plan ids. */
async function proposed(from: string, to: string, count: number): Promise<Array<{ victimId: string; id: string }>> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const victimId = await registerVictim(hub, from, { legalName: `Returning ${from} ${to} ${i}` });
      await grantConsent(hub, victimId, from, { categories: ['IDENTITY', 'HEALTH', 'LOCATION', 'TESTIMONY'], granteeJurisdictions: [to], purposes: ['REPATRIATION'] });
      return { victimId, id: (await ok(from, PROPOSE, { v: victimId, to })).proposeReturn.id as string };
    }),
  );
}

/** Returns assessed by `to` now. */
const assessed = (to: string, plans: Array<{ id: string }>, level = 'LOW') => Promise.all(plans.map(({ id }) => ok(to, ASSESS, { id, level })));

/** Returns from `from` to `to` taken to arrival now: the victims and their reintegration plans' ids. */
async function arrived(from: string, to: string, count: number): Promise<Array<{ victimId: string; planId: string }>> {
  const plans = await proposed(from, to, count);
  await assessed(to, plans);
  return Promise.all(
    plans.map(async ({ victimId, id }) => {
      for (const [side, step] of [[to, AGREE], [from, DEPART], [to, ARRIVE]]) await ok(side, step, { id });
      return { victimId, planId: (await ok(to, PLAN, { v: victimId })).victim.reintegration.id as string };
    }),
  );
}

/** Plans closed now by the destination's social worker, each with its outcome. */
const closed = (to: string, plans: Array<{ planId: string }>, outcomes: string[]) => Promise.all(plans.map(({ planId }, i) => ok(to, CLOSE, { p: planId, outcome: outcomes[i] })));

beforeAll(async () => {
  hub = await startHub({ env: { REGIONS: JSON.stringify([REGION]) }, monitorCommands: true });
  hub.subgraphs.victims.connection.getClient().on('commandStarted', (event: mongo.CommandStartedEvent) => {
    if (event.commandName === 'find') finds.push(`${event.command.find}:${Object.keys(event.command.filter ?? {}).join(',')}`);
  });
  hub.clock.set(PROPOSED);
  const inAT = [...(await arrived('DE', 'AT', 10)), ...(await arrived('AL', 'AT', 2))];
  const inAL = await arrived('AT', 'AL', 10);
  await arrived('AL', 'DE', 9);
  await arrived('IT', 'DE', 2);
  const [refused, withdrawn, ...late] = await proposed('DE', 'AT', 7);
  await assessed('AT', [refused]);
  hub.clock.set(day(1));
  await ok('DE', CANCEL, { id: withdrawn.id });
  hub.clock.set(day(30));
  await closed('AT', inAT, [...Array(11).fill('GOALS_MET'), 'WITHDREW']);
  await closed('AL', inAL, [...Array(2).fill('GOALS_MET'), ...Array(8).fill('LOST_CONTACT')]);
  hub.clock.set(day(98)); // 2026-10-12
  await assessed('AT', [refused], 'UNACCEPTABLE');
  await ok('AT', CANCEL, { id: refused.id });
  await assessed('AT', late);
  // Two DE survivors to erase: the return refused for risk, and one received in AT whose plan was closed GOALS_MET.
  erasedVictims = [refused.victimId, inAT[0].victimId];
}, 300_000);
afterAll(() => hub.stop());

const valuesOf = (res: GraphQLResponse) => {
  expect(res.body.errors).toBeUndefined();
  return Object.fromEntries((res.body.data.region.reintegration as Array<{ indicator: string; jurisdiction: string | null; value: number | null }>).map((v) => [`${v.indicator}${v.jurisdiction ? ` ${v.jurisdiction}` : ''}`, v.value]));
};

const YEAR_VALUES = {
  RETURNS_WITH_RISK_ASSESSMENT_RATE: 1, // 37 of 38 assessed by the year's end, as shown: 40 of 40
  REINTEGRATION_PLANS_ACTIVE: 35, // 33
  REINTEGRATION_GOALS_MET_RATE: 0.6, // 13 of 22 closed GOALS_MET, as shown: 15 of 25
};

it("the region's year, public: people rounded up to 5, rates from the rounded counts", async () => {
  expect(valuesOf(await hub.query(null, REINTEGRATION, { period: YEAR }))).toEqual(YEAR_VALUES);
  expect(valuesOf(await hub.query(null, REINTEGRATION, { period: { granularity: 'YEAR', year: 2025 } }))).toEqual({
    RETURNS_WITH_RISK_ASSESSMENT_RATE: null,
    REINTEGRATION_PLANS_ACTIVE: null,
    REINTEGRATION_GOALS_MET_RATE: null,
  });
});

const QUARTER_VALUES = {
  RETURNS_WITH_RISK_ASSESSMENT_RATE: 0.875, // 32 of 38, as shown: 35 of 40
  'RETURNS_WITH_RISK_ASSESSMENT_RATE DE': 0.75, // 11 of 17 (the return assessed again in Q4 counts from its first assessment), as shown: 15 of 20
  'RETURNS_WITH_RISK_ASSESSMENT_RATE AT': null, // of 10
  'RETURNS_WITH_RISK_ASSESSMENT_RATE AL': null, // 11 of 11: suppressed so that AT's cannot be derived (DE's rests on 11 too; AL sorts first)
  REINTEGRATION_PLANS_ACTIVE: 35, // 33
  'REINTEGRATION_PLANS_ACTIVE DE': null, // 11: suppressed so that AL's 10 cannot be derived
  'REINTEGRATION_PLANS_ACTIVE AT': 15, // 12
  'REINTEGRATION_PLANS_ACTIVE AL': null, // 10
  REINTEGRATION_GOALS_MET_RATE: 0.6,
  'REINTEGRATION_GOALS_MET_RATE DE': null, // none closed
  'REINTEGRATION_GOALS_MET_RATE AT': 1, // 11 of 12, as shown: 15 of 15 (an exact 0.917 would give both back)
  'REINTEGRATION_GOALS_MET_RATE AL': null, // 2 met
};

it('per jurisdiction at the thresholds: 12 shown as 15, 10 suppressed with its rate, 11 suppressed so that 10 cannot be derived', async () => {
  expect(valuesOf(await hub.query(await hub.token('partner_system', 'AT'), REINTEGRATION, { period: QUARTER, by: true }))).toEqual(QUARTER_VALUES);
});

it('plans closed before a quarter are not active in it, and a quarter not begun has none', async () => {
  const prosecutor = await hub.token('prosecutor', 'DE');
  expect(valuesOf(await hub.query(prosecutor, REINTEGRATION, { period: { granularity: 'QUARTER', year: 2026, quarter: 4 } }))).toEqual({
    RETURNS_WITH_RISK_ASSESSMENT_RATE: null, // nothing proposed
    REINTEGRATION_PLANS_ACTIVE: 15, // DE's 11 still open; AT's and AL's closed in Q3
    REINTEGRATION_GOALS_MET_RATE: null,
  });
  expect(valuesOf(await hub.query(prosecutor, REINTEGRATION, { period: { granularity: 'QUARTER', year: 2027, quarter: 1 } }))).toMatchObject({ REINTEGRATION_PLANS_ACTIVE: null });
});

it('counted through the lists: the victims database is read by `_id` only, never scanned', async () => {
  finds = [];
  valuesOf(await hub.query(await hub.token('partner_system', 'DE'), REINTEGRATION, { period: YEAR, by: true }));
  expect(finds.length).toBeGreaterThan(0);
  expect(finds.filter((find) => !find.endsWith(':_id'))).toEqual([]);
});

describe('who reads the quarter and the jurisdictions', () => {
  test.each([
    ['auditor', 'AL'],
    ['judge', 'DE'],
  ])('%s of %s of the region reads them', async (role, jurisdiction) => {
    expect(valuesOf(await hub.query(await hub.token(role, jurisdiction), REINTEGRATION, { period: QUARTER, by: true }))['REINTEGRATION_PLANS_ACTIVE AT']).toBe(15);
  });

  test.each([
    ['a social worker of the region', 'social_worker', 'AT', 'FORBIDDEN'],
    ['a partner system of another region', 'partner_system', 'IT', 'FORBIDDEN'],
    ['a caller without a token', null, null, 'UNAUTHENTICATED'],
  ])('%s is refused, and gets no value', async (_who, role, jurisdiction, code) => {
    const token = role ? await hub.token(role, jurisdiction!) : null;
    for (const variables of [{ period: QUARTER }, { period: YEAR, by: true }]) {
      const res = await hub.query(token, REINTEGRATION, variables);
      expect({ code: res.body.errors?.[0]?.extensions?.code, values: res.body.data?.region?.reintegration ?? null }).toEqual({ code, values: null });
    }
  });
});

it('erased survivors still count: a return keeps its status, dates and risk level, a plan its dates, status and outcome', async () => {
  for (const id of erasedVictims) {
    const erased = await hub.queryAs('judge', 'DE', `mutation($id: ID!) { eraseVictimData(victimId: $id, legalBasis: "GDPR Art. 17(1)(a)") { status } }`, { id });
    expect(erased.body.errors).toBeUndefined();
  }
  expect(valuesOf(await hub.query(null, REINTEGRATION, { period: YEAR }))).toEqual(YEAR_VALUES);
  expect(valuesOf(await hub.query(await hub.token('prosecutor', 'AT'), REINTEGRATION, { period: QUARTER, by: true }))).toEqual(QUARTER_VALUES);
});

it("every read is logged in the victims subgraph's chain as a read of the region, and every indicator is defined in docs/indicators.md", async () => {
  const events = (await hub.subgraphs.victims.audit.events({ action: 'INDICATORS_READ' })).filter((e) => e.fields.includes('reintegration'));
  expect(new Set(events.map((e) => `${e.subjectType}:${e.subjectId}`))).toEqual(new Set(['Region:RIT']));
  expect(events.filter((e) => e.role === 'partner_system').map((e) => e.bases)).toContainEqual(['PERIOD:2026-Q3', 'BY_JURISDICTION']);
  const docs = readFileSync(path.join(ROOT, 'docs', 'indicators.md'), 'utf8');
  expect(Object.keys(YEAR_VALUES).filter((indicator) => !docs.includes(`### ${indicator}\n`))).toEqual([]);
});
