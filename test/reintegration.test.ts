import { newId } from '../subgraphs/common/validate';
import { errorCodes, startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { grantConsent, registerVictim } from './support/victims';

// The reintegration plan that follows a survivor home (issue 27, docs/returns.md): opened
// when the destination records her arrival, owned by the destination; goals, reviews at
// 3, 6 and 12 months after arrival on the hub's clock, closing with an outcome.

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
}, 180_000);
afterAll(() => hub.stop());
afterEach(() => hub.clock.reset());

const DAY = 86_400_000;
const PLAN = `id status jurisdiction sendingJurisdiction openedAt nextReviewDue`;
const GOALS = `goals { id area target provider language culturalNotes status }`;
const READ = `query($id: ID!) { reintegrationPlan(id: $id) { ${PLAN} ${GOALS} reviews { monthsAfterArrival dueAt reviewedAt note } outcome closingNote } }`;
const ADD = `mutation($p: ID!, $input: ReintegrationGoalInput!) { addReintegrationGoal(planId: $p, input: $input) { ${GOALS} } }`;
const UPDATE = `mutation($p: ID!, $g: ID!, $input: UpdateReintegrationGoalInput!) { updateReintegrationGoal(planId: $p, goalId: $g, input: $input) { ${GOALS} } }`;
const REVIEW = `mutation($p: ID!, $input: ReintegrationReviewInput!) { reviewReintegration(planId: $p, input: $input) { nextReviewDue reviews { monthsAfterArrival reviewedAt note } } }`;
const CLOSE = `mutation($p: ID!, $outcome: ReintegrationOutcome!, $note: String) { closeReintegration(planId: $p, outcome: $outcome, note: $note) { status outcome nextReviewDue } }`;
const DUE = `query($first: Int, $after: String) { reintegrationReviewsDue(first: $first, after: $after) { totalCount edges { node { id nextReviewDue } } pageInfo { hasNextPage endCursor } } }`;
const GOAL = { area: 'VOCATIONAL_TRAINING', target: 'I want to train as a hairdresser', provider: 'Caritas Wien', language: 'uk', culturalNotes: 'Prefers a woman trainer' };

async function as(role: string, jurisdiction: string, query: string, variables: Record<string, unknown>, direct = false): Promise<GraphQLResponse> {
  const purpose: Record<string, string> = role === 'social_worker' ? { 'x-purpose': 'REPATRIATION' } : {};
  return hub.query(await hub.token(role, jurisdiction), query, variables, { headers: purpose, ...(direct ? { url: hub.subgraphs.victims.url } : {}) });
}

async function ok(role: string, jurisdiction: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await as(role, jurisdiction, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

/** A DE victim returned to `destination` and arrived there now (hub clock): her reintegration plan's id. */
async function arrived(destination = 'AT'): Promise<{ planId: string; victimId: string; arrivedAt: Date }> {
  const victimId = await registerVictim(hub, 'DE');
  await grantConsent(hub, victimId, 'DE', { categories: ['IDENTITY', 'HEALTH', 'LOCATION', 'TESTIMONY'], granteeJurisdictions: [destination], purposes: ['REPATRIATION'] });
  const id = (await ok('social_worker', 'DE', `mutation($v: ID!) { proposeReturn(victimId: $v, input: { destinationJurisdiction: "${destination}", voluntary: true }) { id } }`, { v: victimId })).proposeReturn.id;
  await ok('social_worker', destination, `mutation($id: ID!) { recordRiskAssessment(returnPlanId: $id, input: { level: LOW }) { id } }`, { id });
  await ok('social_worker', destination, `mutation($id: ID!) { agreeReturn(returnPlanId: $id, input: { receivedBy: "Caritas", receptionAddress: "Safe house", services: ["counselling"] }) { id } }`, { id });
  await ok('social_worker', 'DE', `mutation($id: ID!) { recordDeparture(returnPlanId: $id) { id } }`, { id });
  await ok('social_worker', destination, `mutation($id: ID!) { recordArrival(returnPlanId: $id) { id } }`, { id });
  const victim = (await ok('social_worker', destination, `query($v: ID!) { victim(id: $v) { status reintegration { id openedAt } } }`, { v: victimId })).victim;
  expect(victim.status).toBe('REINTEGRATING');
  return { planId: victim.reintegration.id, victimId, arrivedAt: new Date(victim.reintegration.openedAt) };
}

const monthsLater = (date: Date, months: number) => {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
};

describe('opened at arrival, owned by the destination', () => {
  test('reviews due 3, 6 and 12 months after arrival; goals added and updated in her words', async () => {
    const { planId, arrivedAt } = await arrived();
    const plan = (await ok('social_worker', 'AT', READ, { id: planId })).reintegrationPlan;
    expect(plan).toMatchObject({ status: 'OPEN', jurisdiction: 'AT', sendingJurisdiction: 'DE', goals: [] });
    expect(plan.reviews.map((r: { monthsAfterArrival: number; dueAt: string }) => [r.monthsAfterArrival, r.dueAt])).toEqual(
      [3, 6, 12].map((m) => [m, monthsLater(arrivedAt, m).toISOString()]),
    );
    expect(plan.nextReviewDue).toBe(monthsLater(arrivedAt, 3).toISOString());
    const [goal] = (await ok('social_worker', 'AT', ADD, { p: planId, input: GOAL })).addReintegrationGoal.goals;
    expect(goal).toMatchObject({ ...GOAL, status: 'PLANNED' });
    const updated = (await ok('social_worker', 'AT', UPDATE, { p: planId, g: goal.id, input: { status: 'MET' } })).updateReintegrationGoal.goals;
    expect(updated).toEqual([{ ...goal, status: 'MET' }]);
  });

  test('bad input names every wrong field at once; an unknown goal is named', async () => {
    const { planId } = await arrived();
    const res = await as('social_worker', 'AT', ADD, { p: planId, input: { area: 'HOUSING', target: ' ', provider: '', language: 'klingon' } });
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((res.body.errors![0].extensions!.fields as Array<{ path: string }>).map((f) => f.path).sort()).toEqual(['input.language', 'input.provider', 'input.target']);
    const unknown = await as('social_worker', 'AT', UPDATE, { p: planId, g: newId(), input: { status: 'MET' } });
    expect(unknown.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ path: 'goalId' })] });
  });

  test('the sending side sees the status and review dates, never the goals; a stranger nothing', async () => {
    const { planId, victimId } = await arrived();
    await ok('social_worker', 'AT', ADD, { p: planId, input: GOAL });
    for (const direct of [false, true]) {
      const sending = await as('social_worker', 'DE', READ, { id: planId }, direct);
      expect(sending.body.data.reintegrationPlan).toMatchObject({ status: 'OPEN', jurisdiction: 'AT', goals: null, reviews: null });
      expect(errorCodes(sending.body)).toEqual({ 'reintegrationPlan.goals': 'FORBIDDEN', 'reintegrationPlan.reviews': 'FORBIDDEN', 'reintegrationPlan.closingNote': 'FORBIDDEN' });
      const own = await as('social_worker', 'DE', `query($v: ID!) { victim(id: $v) { reintegration { id status } } }`, { v: victimId }, direct);
      expect(own.body.data.victim.reintegration).toEqual({ id: planId, status: 'OPEN' });
      expect((await as('social_worker', 'LU', READ, { id: planId }, direct)).body.data.reintegrationPlan).toBeNull();
    }
  });
});

describe('who keeps the plan', () => {
  // Each mutation: only a social worker of the destination. The sending side, which knows the plan, is told so; a stranger gets it as an unknown id.
  const STEPS: Array<[string, string, (planId: string, goalId: string) => Record<string, unknown>]> = [
    ['addReintegrationGoal', ADD, (p) => ({ p, input: GOAL })],
    ['updateReintegrationGoal', UPDATE, (p, g) => ({ p, g, input: { status: 'IN_PROGRESS' } })],
    ['closeReintegration', CLOSE, (p) => ({ p, outcome: 'GOALS_PARTLY_MET' })],
  ];
  test.each(STEPS)('%s', async (name, query, variables) => {
    const { planId } = await arrived();
    const goalId = (await ok('social_worker', 'AT', ADD, { p: planId, input: GOAL })).addReintegrationGoal.goals[0].id;
    const cases: Array<[string, string, string]> = [
      ['social_worker', 'DE', 'FORBIDDEN'],
      ['law_enforcement', 'AT', 'FORBIDDEN'],
      ['prosecutor', 'AT', 'FORBIDDEN'],
      ['legal_aid_attorney', 'AT', 'FORBIDDEN'],
      ['social_worker', 'LU', 'NOT_FOUND'],
    ];
    for (const [role, jurisdiction, code] of cases) {
      for (const direct of [false, true]) {
        const res = await as(role, jurisdiction, query, variables(planId, goalId), direct);
        // Refused as a whole (nothing written, no plan answered), not merely a field of the answer denied.
        expect([name, role, jurisdiction, direct, res.body.errors?.[0]?.extensions?.code, res.body.data?.[name] ?? null]).toEqual([name, role, jurisdiction, direct, code, null]);
      }
    }
    const shown = (res: GraphQLResponse, id: string) => JSON.stringify(res.body).split(id).join('<id>');
    const unknown = newId();
    expect(shown(await as('social_worker', 'LU', query, variables(planId, goalId)), planId)).toBe(shown(await as('social_worker', 'LU', query, variables(unknown, goalId)), unknown));
    expect((await as('social_worker', 'AT', query, variables(planId, goalId))).body.errors).toBeUndefined();
  });
});

describe('reviews due, on the hub clock', () => {
  test('a review is overdue once its date has passed; holding it moves the plan to its next date; listed only for the destination', async () => {
    // Plans of their own destination (PL), so no other test's plan is in the list.
    const first = await arrived('PL');
    hub.clock.advance(DAY);
    const second = await arrived('PL');
    expect((await ok('social_worker', 'PL', DUE)).reintegrationReviewsDue.totalCount).toBe(0);
    const early = await as('social_worker', 'PL', REVIEW, { p: first.planId, input: { note: 'Early' } });
    expect(early.body.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(early.body.errors![0].message).toContain(`3 months after arrival) is due on ${monthsLater(first.arrivedAt, 3).toISOString().slice(0, 10)}`);

    // Three months and two days after the first arrival both are overdue, the longest overdue first, one page at a time.
    hub.clock.set(new Date(monthsLater(first.arrivedAt, 3).getTime() + 2 * DAY));
    const page1 = (await ok('social_worker', 'PL', DUE, { first: 1 })).reintegrationReviewsDue;
    expect(page1).toMatchObject({ totalCount: 2, edges: [{ node: { id: first.planId } }], pageInfo: { hasNextPage: true } });
    const page2 = (await ok('social_worker', 'PL', DUE, { first: 1, after: page1.pageInfo.endCursor })).reintegrationReviewsDue;
    expect(page2).toMatchObject({ edges: [{ node: { id: second.planId } }], pageInfo: { hasNextPage: false } });
    // Not another jurisdiction's, not the sending side's.
    expect((await ok('social_worker', 'DE', DUE)).reintegrationReviewsDue.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(first.planId);
    expect(errorCodes((await as('law_enforcement', 'PL', DUE, {})).body)).toEqual({ reintegrationReviewsDue: 'FORBIDDEN' });

    const reviewed = (await ok('social_worker', 'PL', REVIEW, { p: first.planId, input: { note: 'Settled; started the course' } })).reviewReintegration;
    expect(reviewed.nextReviewDue).toBe(monthsLater(first.arrivedAt, 6).toISOString());
    expect(reviewed.reviews[0]).toMatchObject({ monthsAfterArrival: 3, note: 'Settled; started the course' });
    expect((await ok('social_worker', 'PL', DUE)).reintegrationReviewsDue).toMatchObject({ totalCount: 1, edges: [{ node: { id: second.planId } }] });
    // A closed plan has no review due.
    await ok('social_worker', 'PL', CLOSE, { p: second.planId, outcome: 'LOST_CONTACT' });
    expect((await ok('social_worker', 'PL', DUE)).reintegrationReviewsDue.totalCount).toBe(0);
    const again = await as('social_worker', 'PL', ADD, { p: second.planId, input: GOAL });
    expect(again.body.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
  });
});

describe('her data', () => {
  test('erasure removes her targets, the providers, cultural notes and what reviews found; areas and statuses stay', async () => {
    const { planId, victimId } = await arrived();
    await ok('social_worker', 'AT', ADD, { p: planId, input: GOAL });
    await ok('judge', 'DE', `mutation($v: ID!) { eraseVictimData(victimId: $v, legalBasis: "GDPR Art. 17") { id } }`, { v: victimId });
    const plan = (await ok('social_worker', 'AT', READ, { id: planId })).reintegrationPlan;
    expect(plan.goals).toEqual([expect.objectContaining({ area: 'VOCATIONAL_TRAINING', status: 'PLANNED', target: null, provider: null, culturalNotes: null })]);
    expect(plan.status).toBe('OPEN');
  });

  test('her access report shows the destination opening and reading her reintegration plan', async () => {
    const { planId, victimId } = await arrived();
    await ok('social_worker', 'AT', ADD, { p: planId, input: GOAL });
    await ok('social_worker', 'AT', READ, { id: planId });
    const report = await ok('social_worker', 'DE', `query($v: ID!) { accessReport(victimId: $v) { entries { action jurisdiction categoriesRead text } } }`, { v: victimId });
    const entries = report.accessReport.entries as Array<{ action: string; jurisdiction: string; categoriesRead: string[]; text: string }>;
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['RETURN_ARRIVED', 'REINTEGRATION_OPENED', 'REINTEGRATION_GOAL_ADDED']));
    expect(entries).toContainEqual(expect.objectContaining({ action: 'READ', jurisdiction: 'AT', categoriesRead: ['TESTIMONY'] }));
    expect(entries.find((e) => e.action === 'REINTEGRATION_GOAL_ADDED')!.text).toContain('added a goal to your reintegration plan');
  });
});
