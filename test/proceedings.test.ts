import type { Role } from '../platform/auth';
import { ROLES } from '../platform/auth';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { registerVictim } from './support/victims';

// The proceedings subgraph: court cases opened by prosecutors and judges of a jurisdiction,
// victims by id (resolved by the victims subgraph), stages forward only, hearings, field
// groups by role in the own jurisdiction only, and every read in its own audit chain.

let hub: TestHub;
let victims: string[];

const OPEN = `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id stage } }`;
const ALL = `query($id: ID!) { proceeding(id: $id) {
  id caseNumber jurisdiction court kind stage openedAt closedAt outcome charges
  defendants { alias nationality gender } victims { id } hearings { scheduledAt victimAppearance safeTransportNeeded } } }`;
let caseCounter = 0;
const input = (overrides: Record<string, unknown> = {}) => ({
  caseNumber: `2 KLs ${++caseCounter}/26`,
  court: 'Landgericht Berlin',
  kind: 'CRIMINAL',
  charges: ['§ 232a StGB (forced prostitution)'],
  defendants: [{ alias: 'Defendant A', nationality: 'RO', gender: 'MALE' }],
  victimIds: victims,
  ...overrides,
});

async function open(overrides: Record<string, unknown> = {}, role: Role = 'prosecutor', jurisdiction = 'DE') {
  const res = await hub.queryAs(role, jurisdiction, OPEN, { input: input(overrides) });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.openProceeding.id as string;
}
const stored = () => hub.subgraphs.proceedings.connection.collection('proceedings').countDocuments();

beforeAll(async () => {
  hub = await startHub();
  victims = [await registerVictim(hub, 'DE'), await registerVictim(hub, 'DE')];
});
afterAll(() => hub.stop());

describe('openProceeding', () => {
  it('opens a proceeding in the caller’s jurisdiction, at INVESTIGATION, with its victims by id', async () => {
    const id = await open();
    const res = await hub.queryAs('judge', 'DE', ALL, { id });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.proceeding).toMatchObject({
      id,
      jurisdiction: 'DE',
      court: 'Landgericht Berlin',
      kind: 'CRIMINAL',
      stage: 'INVESTIGATION',
      closedAt: null,
      defendants: [{ alias: 'Defendant A', nationality: 'RO', gender: 'MALE' }],
      victims: victims.map((v) => ({ id: v })),
      hearings: [],
    });
  });

  test.each(ROLES.filter((r) => !['prosecutor', 'judge'].includes(r)))('%s may not open one', async (role) => {
    const before = await stored();
    const res = await hub.queryAs(role, 'DE', OPEN, { input: input() });
    expect(errorCodes(res.body)).toEqual({ openProceeding: 'FORBIDDEN' });
    expect(await stored()).toBe(before);
  });

  test.each([
    ['a victim of another jurisdiction', async () => ({ victimIds: [await registerVictim(hub, 'AT')] }), 'input.victimIds[0]', /no victim of DE has this id/],
    ['an unknown victim', async () => ({ victimIds: ['AAAAAAAAAAAAAAAAAAAAAA'] }), 'input.victimIds[0]', /no victim of DE has this id/],
    ['a malformed victim id', async () => ({ victimIds: ['1'] }), 'input.victimIds[0]', /not a valid id/],
    ['no charges', async () => ({ charges: [] }), 'input.charges', /at least one/],
    ['a defendant nationality that is no country', async () => ({ defendants: [{ alias: 'X', nationality: 'XX', gender: 'MALE' }] }), 'input.defendants[0].nationality', /ISO 3166/],
    ['an empty case number', async () => ({ caseNumber: '  ' }), 'input.caseNumber', /must not be empty/],
  ])('refuses %s with BAD_USER_INPUT naming the field, and stores nothing', async (_what, make, field, message) => {
    const before = await stored();
    const res = await hub.queryAs('prosecutor', 'DE', OPEN, { input: input(await make()) });
    expect(errorCodes(res.body)).toEqual({ openProceeding: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.field).toBe(field);
    expect(res.body.errors![0].message).toMatch(message);
    expect(await stored()).toBe(before);
  });

  it('refuses a case number the jurisdiction has already', async () => {
    await open({ caseNumber: '9 Js 100/26' });
    const res = await hub.queryAs('prosecutor', 'DE', OPEN, { input: input({ caseNumber: '9 Js 100/26' }) });
    expect(errorCodes(res.body)).toEqual({ openProceeding: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].message).toBe('input.caseNumber: DE already has a proceeding 9 Js 100/26');
  });
});

describe('who reads which fields', () => {
  let id: string;
  beforeAll(async () => {
    id = await open();
  });
  const SUMMARY = ['kind', 'stage', 'jurisdiction', 'openedAt', 'closedAt'];
  const ALL_FIELDS = ['caseNumber', 'jurisdiction', 'court', 'kind', 'stage', 'openedAt', 'closedAt', 'outcome', 'charges', 'defendants', 'victims', 'hearings'];
  const SEES: Record<Role, string[]> = {
    judge: ALL_FIELDS,
    prosecutor: ALL_FIELDS,
    law_enforcement: ALL_FIELDS,
    partner_system: SUMMARY,
    legal_aid_attorney: SUMMARY,
    social_worker: [],
    shelter_staff: [],
    accreditation_officer: [],
    auditor: [],
    registrar: [],
    defence_counsel: [], // not appointed in it: as an unknown id (below; the appointed counsel: test/defence.test.ts)
  };

  test.each(ROLES.filter((r) => r !== 'defence_counsel'))('%s of the jurisdiction', async (role) => {
    const res = await hub.queryAs(role, 'DE', ALL, { id });
    const denied = ALL_FIELDS.filter((f) => !SEES[role].includes(f));
    expect(errorCodes(res.body)).toEqual(Object.fromEntries(denied.map((f) => [`proceeding.${f}`, 'FORBIDDEN'])));
    for (const field of denied) expect(res.body.data.proceeding[field]).toBeNull();
    for (const field of SEES[role].filter((f) => !['closedAt', 'outcome'].includes(f))) expect(res.body.data.proceeding[field]).not.toBeNull();
  });

  it('defence counsel of the jurisdiction, not appointed in it, sees nothing, as for an unknown id', async () => {
    const res = await hub.queryAs('defence_counsel', 'DE', ALL, { id });
    expect(res.body).toEqual({ data: { proceeding: null } });
  });

  test.each(ROLES)('%s of another jurisdiction sees nothing, as for an unknown id', async (role) => {
    const res = await hub.queryAs(role, 'AT', ALL, { id });
    expect(res.body).toEqual({ data: { proceeding: null } });
  });

  it('every read is in the proceedings subgraph’s own chain, read through auditTrail', async () => {
    const trail = await hub.query(
      await hub.token('auditor', 'DE'),
      `query($id: ID!) { auditTrail(subjectType: "Proceeding", subjectId: $id) { events(first: 50) { edges { node { action role decision } } } } }`,
      { id },
    );
    expect(trail.body.errors).toBeUndefined();
    const events = trail.body.data.auditTrail.events.edges.map((e: { node: { action: string; role: string; decision: string } }) => `${e.node.action}:${e.node.role}:${e.node.decision}`);
    expect(events[0]).toBe('PROCEEDING_OPENED:prosecutor:ALLOW');
    expect(events).toEqual(expect.arrayContaining(['READ:judge:ALLOW', 'READ:partner_system:DENY', 'READ:shelter_staff:DENY']));
    expect((await hub.subgraphs.victims.audit.events({ subjectType: 'Proceeding' })).length).toBe(0);
  });
});

describe('stages and hearings', () => {
  const ADVANCE = `mutation($id: ID!, $stage: ProceedingStage!) { advanceStage(proceedingId: $id, stage: $stage) { stage closedAt } }`;
  const SCHEDULE = `mutation($id: ID!, $input: ScheduleHearingInput!) { scheduleHearing(proceedingId: $id, input: $input) { id court victimAppearance } }`;

  it('moves forward only; back or to the same stage is BAD_USER_INPUT; CLOSED sets closedAt', async () => {
    const id = await open();
    expect((await hub.queryAs('prosecutor', 'DE', ADVANCE, { id, stage: 'TRIAL' })).body.data.advanceStage).toEqual({ stage: 'TRIAL', closedAt: null });
    for (const stage of ['PROSECUTION', 'TRIAL']) {
      const back = await hub.queryAs('judge', 'DE', ADVANCE, { id, stage });
      expect(errorCodes(back.body)).toEqual({ advanceStage: 'BAD_USER_INPUT' });
      expect(back.body.errors![0].message).toBe('stage: a proceeding at TRIAL can only move forward (APPEAL, CLOSED)');
    }
    const early = await hub.queryAs('judge', 'DE', `mutation($id: ID!) { advanceStage(proceedingId: $id, stage: APPEAL, outcome: "too early") { stage } }`, { id });
    expect(errorCodes(early.body)).toEqual({ advanceStage: 'BAD_USER_INPUT' });
    const closed = await hub.queryAs('judge', 'DE', `mutation($id: ID!) { advanceStage(proceedingId: $id, stage: CLOSED, outcome: "Convicted on all counts") { stage closedAt outcome } }`, { id });
    expect(closed.body.data.advanceStage).toEqual({ stage: 'CLOSED', closedAt: expect.any(String), outcome: 'Convicted on all counts' });
    expect(errorCodes((await hub.queryAs('law_enforcement', 'DE', ADVANCE, { id, stage: 'APPEAL' })).body)).toEqual({ advanceStage: 'FORBIDDEN' });
    expect(errorCodes((await hub.queryAs('judge', 'AT', ADVANCE, { id, stage: 'APPEAL' })).body)).toEqual({ advanceStage: 'NOT_FOUND' });
  });

  it('a hearing is scheduled in the future, and a victim’s proceedings and hearings are one query through the gateway', async () => {
    const id = await open();
    const past = await hub.queryAs('judge', 'DE', SCHEDULE, { id, input: { scheduledAt: '2020-01-01T09:00:00Z', court: 'Saal 1', victimAppearance: 'VIDEO_LINK' } });
    expect(errorCodes(past.body)).toEqual({ scheduleHearing: 'BAD_USER_INPUT' });
    const res = await hub.queryAs('judge', 'DE', SCHEDULE, {
      id,
      input: { scheduledAt: '2030-03-01T09:00:00Z', court: 'Saal 1', victimAppearance: 'VIDEO_LINK', safeTransportNeeded: true },
    });
    expect(res.body.data.scheduleHearing).toEqual({ id: expect.any(String), court: 'Saal 1', victimAppearance: 'VIDEO_LINK' });
    const across = await hub.queryAs(
      'judge',
      'DE',
      `query($v: ID!) { victim(id: $v) { caseReference proceedings { id hearings { scheduledAt victimAppearance safeTransportNeeded } } } }`,
      { v: victims[0] },
    );
    expect(across.body.errors).toBeUndefined();
    const mine = across.body.data.victim.proceedings.find((p: { id: string }) => p.id === id);
    expect(mine.hearings).toEqual([{ scheduledAt: '2030-03-01T09:00:00.000Z', victimAppearance: 'VIDEO_LINK', safeTransportNeeded: true }]);
  });
});

describe('listing', () => {
  const LIST = `query($j: String, $stage: ProceedingStage, $first: Int, $after: String) { proceedings(jurisdiction: $j, stage: $stage, first: $first, after: $after) {
    totalCount edges { node { id stage } } pageInfo { hasNextPage endCursor } } }`;

  it('pages through the own jurisdiction’s proceedings once each, filters by stage, and shows other jurisdictions nothing', async () => {
    const first = await hub.queryAs('prosecutor', 'DE', LIST, { first: 100 });
    const total = first.body.data.proceedings.totalCount;
    expect(total).toBe(first.body.data.proceedings.edges.length);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await hub.queryAs('prosecutor', 'DE', LIST, { first: 3, after })).body.data.proceedings;
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(total);
    const investigation = await hub.queryAs('prosecutor', 'DE', LIST, { stage: 'INVESTIGATION', first: 100 });
    expect(investigation.body.data.proceedings.edges.every((e: { node: { stage: string } }) => e.node.stage === 'INVESTIGATION')).toBe(true);
    expect((await hub.queryAs('prosecutor', 'DE', LIST, { j: 'AT' })).body.data.proceedings).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    expect((await hub.queryAs('prosecutor', 'AT', LIST, {})).body.data.proceedings.totalCount).toBe(0);
    expect(errorCodes((await hub.queryAs('social_worker', 'DE', LIST, {})).body)).toEqual({ proceedings: 'FORBIDDEN' });
  });
});

describe('protective orders', () => {
  const REQUEST = `mutation($id: ID!, $input: RequestProtectiveOrderInput!) { requestProtectiveOrder(proceedingId: $id, input: $input) { id status urgency requestedAt decisionDue overdue } }`;
  const DECIDE = `mutation($id: ID!, $decision: ProtectiveOrderDecision!, $reasons: String!) { decideProtectiveOrder(orderId: $id, decision: $decision, reasons: $reasons) { status decidedAt reasons } }`;
  const PENDING = `query($first: Int, $after: String) { pendingProtectiveOrders(first: $first, after: $after) { totalCount edges { node { id urgency decisionDue overdue } } pageInfo { hasNextPage endCursor } } }`;
  const HOUR = 3_600_000;
  let proceedingId: string;
  const request = async (urgency: string, role: Role = 'social_worker', extra: Record<string, unknown> = {}) => {
    const res = await hub.queryAs(role, 'DE', REQUEST, {
      id: proceedingId,
      input: { kind: 'NO_CONTACT', urgency, protectedVictimId: victims[0], grounds: 'Threats by phone', protectedPersonLocation: 'Shelter Nord', ...extra },
    });
    return res;
  };

  beforeAll(async () => {
    proceedingId = await open();
  });

  it('a request is due by its urgency: URGENT 24 h, EXPEDITED 72 h, STANDARD 30 days', async () => {
    for (const [urgency, hours] of [['URGENT', 24], ['EXPEDITED', 72], ['STANDARD', 30 * 24]] as const) {
      const res = await request(urgency);
      expect(res.body.errors).toBeUndefined();
      const order = res.body.data.requestProtectiveOrder;
      expect(order).toMatchObject({ status: 'REQUESTED', urgency, overdue: false });
      expect(Date.parse(order.decisionDue) - Date.parse(order.requestedAt)).toBe(hours * HOUR);
    }
  });

  it('who may request: not a judge, not another jurisdiction; the protected victim must be one of the proceeding’s', async () => {
    expect(errorCodes((await request('URGENT', 'judge')).body)).toEqual({ requestProtectiveOrder: 'FORBIDDEN' });
    const foreign = await hub.queryAs('prosecutor', 'AT', REQUEST, { id: proceedingId, input: { kind: 'NO_CONTACT', urgency: 'URGENT', protectedVictimId: victims[0], grounds: 'x' } });
    expect(errorCodes(foreign.body)).toEqual({ requestProtectiveOrder: 'NOT_FOUND' });
    const stranger = await request('URGENT', 'prosecutor', { protectedVictimId: await registerVictim(hub, 'DE') });
    expect(errorCodes(stranger.body)).toEqual({ requestProtectiveOrder: 'BAD_USER_INPUT' });
    expect(stranger.body.errors![0].message).toBe('input.protectedVictimId: is not a victim of this proceeding');
  });

  it('pending orders come earliest deadline first, page by page', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    const dues: number[] = [];
    for (;;) {
      const page: any = (await hub.queryAs('judge', 'DE', PENDING, { first: 2, after })).body.data.pendingProtectiveOrders;
      ids.push(...page.edges.map((e: any) => e.node.id));
      dues.push(...page.edges.map((e: any) => Date.parse(e.node.decisionDue)));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(ids).size).toBe(3);
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect((await hub.queryAs('judge', 'AT', PENDING, {})).body.data.pendingProtectiveOrders.totalCount).toBe(0);
  });

  it('the location of the protected person only to judges, prosecutors and police', async () => {
    const { id } = (await request('STANDARD')).body.data.requestProtectiveOrder;
    const READ = `query($id: ID!) { proceeding(id: $id) { protectiveOrders { id grounds protectedPersonLocation } } }`;
    const judge = await hub.queryAs('judge', 'DE', READ, { id: proceedingId });
    expect(judge.body.data.proceeding.protectiveOrders.find((o: { id: string }) => o.id === id)).toEqual({ id, grounds: 'Threats by phone', protectedPersonLocation: 'Shelter Nord' });
    const orders = await hub.queryAs('social_worker', 'DE', `query($first: Int) { pendingProtectiveOrders(first: $first) { edges { node { id grounds protectedPersonLocation } } } }`, { first: 100 });
    const mine = orders.body.data.pendingProtectiveOrders.edges.map((e: any) => e.node).find((o: { id: string }) => o.id === id);
    expect(mine).toEqual({ id, grounds: 'Threats by phone', protectedPersonLocation: null });
  });

  it('a judge of the jurisdiction decides once, with reasons; a decided order is no longer pending', async () => {
    const { id } = (await request('EXPEDITED')).body.data.requestProtectiveOrder;
    expect(errorCodes((await hub.queryAs('prosecutor', 'DE', DECIDE, { id, decision: 'GRANTED', reasons: 'x' })).body)).toEqual({ decideProtectiveOrder: 'FORBIDDEN' });
    expect(errorCodes((await hub.queryAs('judge', 'AT', DECIDE, { id, decision: 'GRANTED', reasons: 'x' })).body)).toEqual({ decideProtectiveOrder: 'NOT_FOUND' });
    const empty = await hub.queryAs('judge', 'DE', DECIDE, { id, decision: 'GRANTED', reasons: '   ' });
    expect(errorCodes(empty.body)).toEqual({ decideProtectiveOrder: 'BAD_USER_INPUT' });
    const granted = await hub.queryAs('judge', 'DE', DECIDE, { id, decision: 'GRANTED', reasons: 'Credible threats; § 1 GewSchG' });
    expect(granted.body.data.decideProtectiveOrder).toEqual({ status: 'GRANTED', decidedAt: expect.any(String), reasons: 'Credible threats; § 1 GewSchG' });
    const twice = await hub.queryAs('judge', 'DE', DECIDE, { id, decision: 'REFUSED', reasons: 'changed my mind' });
    expect(errorCodes(twice.body)).toEqual({ decideProtectiveOrder: 'BAD_USER_INPUT' });
    expect(twice.body.errors![0].message).toMatch(/^orderId: the order was decided already \(GRANTED on /);
    const pending = await hub.queryAs('judge', 'DE', PENDING, { first: 100 });
    expect(pending.body.data.pendingProtectiveOrders.edges.map((e: any) => e.node.id)).not.toContain(id);
  });

  it('an undecided order past its deadline is overdue (the hub’s clock moved on 25 hours)', async () => {
    hub.clock.advance(25 * HOUR);
    const pending = (await hub.queryAs('judge', 'DE', PENDING, { first: 100 })).body.data.pendingProtectiveOrders.edges.map((e: any) => e.node);
    const overdue = Object.fromEntries(pending.map((o: { urgency: string; overdue: boolean }) => [o.urgency, o.overdue]));
    expect(overdue).toMatchObject({ URGENT: true, STANDARD: false });
  });
});

describe('evidence and its chain of custody', () => {
  const REGISTER = `mutation($id: ID!, $input: RegisterEvidenceInput!) { registerEvidence(proceedingId: $id, input: $input) { id } }`;
  const CUSTODY = `mutation($id: ID!, $input: CustodyEventInput!) { recordCustodyEvent(evidenceId: $id, input: $input) { sequence action toCustodian hash prevHash } }`;
  const VERIFY = `query($id: ID!) { verifyCustody(evidenceId: $id) { valid events firstBrokenAt } }`;
  const ITEM = `query($id: ID!) { proceeding(id: $id) { evidence { id kind description custodian custody { action } } } }`;
  const HASH = 'ab'.repeat(32);
  let proceedingId: string;
  const item = (overrides: Record<string, unknown> = {}) => ({
    kind: 'DIGITAL',
    description: 'Phone image',
    contentHash: HASH,
    handlingCode: 'H0',
    sourceReliability: 'B',
    informationAccuracy: 2,
    ...overrides,
  });
  const register = async (overrides: Record<string, unknown> = {}, sub = 'officer-7') => {
    const res = await hub.query(await hub.token('law_enforcement', 'DE', { sub }), REGISTER, { id: proceedingId, input: item(overrides) });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.registerEvidence.id as string;
  };
  const custody = async (id: string, action: string, to: string, role: Role = 'law_enforcement', from = 'officer-7') =>
    hub.queryAs(role, 'DE', CUSTODY, { id, input: { action, fromCustodian: from, toCustodian: to } });
  const events = () => hub.subgraphs.proceedings.connection.collection<{ _id: string } & Record<string, any>>('custodyEvents');
  const stored = () => hub.subgraphs.proceedings.connection.collection('evidence').countDocuments();

  beforeAll(async () => {
    proceedingId = await open();
  });

  test.each([
    ['a content hash that is no SHA-256', { contentHash: 'xyz' }, 'input.contentHash'],
    ['an accuracy outside 1–4', { informationAccuracy: 5 }, 'input.informationAccuracy'],
  ])('refuses %s with BAD_USER_INPUT, and stores nothing', async (_what, overrides, field) => {
    const before = await stored();
    const res = await hub.queryAs('law_enforcement', 'DE', REGISTER, { id: proceedingId, input: item(overrides) });
    expect(errorCodes(res.body)).toEqual({ registerEvidence: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.field).toBe(field);
    expect(await stored()).toBe(before);
  });

  it('refuses an unknown handling code or an operator object where an id belongs', async () => {
    const unknown = await hub.queryAs('law_enforcement', 'DE', REGISTER, { id: proceedingId, input: item({ handlingCode: 'H9' }) });
    expect(unknown.status).toBe(400);
    const operator = await hub.queryAs('law_enforcement', 'DE', REGISTER, { id: { $ne: null }, input: item() });
    expect(operator.status).toBe(400);
  });

  it('chains every custody event onto the one before, and verifies the chain', async () => {
    const id = await register();
    let holder = 'officer-7';
    for (const [action, to] of [['COLLECTED', 'officer-7'], ['SEALED', 'officer-7'], ['TRANSFERRED', 'lab-3'], ['ANALYZED', 'lab-3']]) {
      expect((await custody(id, action, to, 'law_enforcement', holder)).body.errors).toBeUndefined();
      holder = to;
    }
    expect((await hub.queryAs('prosecutor', 'DE', VERIFY, { id })).body.data.verifyCustody).toEqual({ valid: true, events: 4, firstBrokenAt: null });
    const chain = await events().find({ _id: { $in: [1, 2, 3, 4].map((n) => `custody/${id}#${n}`) } }).toArray();
    const bySeq = Object.fromEntries(chain.map((e) => [e.sequence, e]));
    expect(bySeq[2].prevHash).toBe(bySeq[1].hash);
  });

  it('finds an edited, a removed and a reordered custody event', async () => {
    const id = await register();
    await custody(id, 'COLLECTED', 'lab-3');
    for (const action of ['SEALED', 'TRANSFERRED', 'ANALYZED']) await custody(id, action, 'lab-3', 'law_enforcement', 'lab-3');
    const verify = async () => (await hub.queryAs('judge', 'DE', VERIFY, { id })).body.data.verifyCustody;

    await events().updateOne({ _id: `custody/${id}#2` }, { $set: { toCustodian: 'someone-else' } });
    expect(await verify()).toMatchObject({ valid: false, firstBrokenAt: 2 });
    await events().updateOne({ _id: `custody/${id}#2` }, { $set: { toCustodian: 'lab-3' } });
    expect((await verify()).valid).toBe(true);

    const third = (await events().findOne({ _id: `custody/${id}#3` }))!;
    await events().deleteOne({ _id: `custody/${id}#3` });
    expect(await verify()).toMatchObject({ valid: false, firstBrokenAt: 3 });
    await events().insertOne(third);

    const [a, b] = await Promise.all([events().findOne({ _id: `custody/${id}#1` }), events().findOne({ _id: `custody/${id}#2` })]);
    const { _id: _x, ...aContent } = a!;
    const { _id: _y, ...bContent } = b!;
    await events().replaceOne({ _id: `custody/${id}#1` }, bContent);
    await events().replaceOne({ _id: `custody/${id}#2` }, aContent);
    expect(await verify()).toMatchObject({ valid: false, firstBrokenAt: 1 });
  });

  it('custody passes only from whoever holds the item: a hand-over from anyone else is refused and nothing is chained', async () => {
    const id = await register();
    expect((await custody(id, 'TRANSFERRED', 'lab-3')).body.errors).toBeUndefined();
    const stale = await custody(id, 'TRANSFERRED', 'lab-9'); // officer-7 no longer holds it
    expect(errorCodes(stale.body)).toEqual({ recordCustodyEvent: 'CONFLICT' });
    expect(stale.body.errors![0].message).toMatch(/custody passes only from whoever holds the item now/);
    expect((await hub.queryAs('judge', 'DE', VERIFY, { id })).body.data.verifyCustody).toEqual({ valid: true, events: 1, firstBrokenAt: null });
  });

  it('two hand-overs from the holder at once: one is chained, the other refused', async () => {
    const id = await register();
    const answers = await Promise.all(['lab-1', 'lab-2'].map((to) => custody(id, 'TRANSFERRED', to)));
    expect(answers.map((a) => errorCodes(a.body).recordCustodyEvent ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    expect((await hub.queryAs('judge', 'DE', VERIFY, { id })).body.data.verifyCustody).toMatchObject({ valid: true, events: 1 });
  });

  it('several wrong fields of a custody event are named in one answer', async () => {
    const res = await hub.queryAs('law_enforcement', 'DE', CUSTODY, { id: await register(), input: { action: 'SEALED', fromCustodian: ' ', toCustodian: 'x'.repeat(201) } });
    expect(res.body.errors![0].extensions?.fields.map((f: { path: string }) => f.path)).toEqual(['input.fromCustodian', 'input.toCustodian']);
  });

  it('H1 evidence is presented in court only after the provider’s permission is recorded', async () => {
    const id = await register({ handlingCode: 'H1' });
    const refused = await custody(id, 'PRESENTED', 'court', 'prosecutor');
    expect(errorCodes(refused.body)).toEqual({ recordCustodyEvent: 'BAD_USER_INPUT' });
    expect(refused.body.errors![0].message).toMatch(/H1 evidence is not presented in court without the provider’s permission/);
    const permit = await hub.queryAs('prosecutor', 'DE', `mutation($id: ID!) { permitCourtUse(evidenceId: $id, reference: "Europol SIENA 2026/4711") { courtUsePermission } }`, { id });
    expect(permit.body.data.permitCourtUse).toEqual({ courtUsePermission: 'Europol SIENA 2026/4711' });
    expect((await custody(id, 'PRESENTED', 'court', 'prosecutor')).body.errors).toBeUndefined();
  });

  it('judges and prosecutors read every item; police only the items they hold, and never testimony', async () => {
    const held = await register({}, 'officer-7');
    const other = await register({}, 'officer-9');
    const testimony = await register({ kind: 'TESTIMONY' }, 'officer-7');
    const itemsAs = async (role: Role, sub: string) => {
      const res = await hub.query(await hub.token(role, 'DE', { sub }), ITEM, { id: proceedingId });
      return Object.fromEntries(res.body.data.proceeding.evidence.map((e: { id: string; description: string | null }) => [e.id, e.description]));
    };
    const judge = await itemsAs('judge', 'judge-1');
    for (const id of [held, other, testimony]) expect(judge[id]).toBe('Phone image');
    const officer = await itemsAs('law_enforcement', 'officer-7');
    expect([officer[held], officer[other], officer[testimony]]).toEqual(['Phone image', null, null]);
  });
});

describe('who reads protective orders and evidence', () => {
  let proceedingId: string;
  let evidenceId: string;
  const ORDERS = `{ pendingProtectiveOrders(first: 100) { edges { node { id kind urgency grounds status decisionDue protectedPersonLocation } } } }`;
  beforeAll(async () => {
    proceedingId = await open();
    const req = await hub.queryAs('prosecutor', 'DE', `mutation($id: ID!, $v: ID!) { requestProtectiveOrder(proceedingId: $id, input: { kind: NO_CONTACT, urgency: STANDARD, protectedVictimId: $v, grounds: "matrix", protectedPersonLocation: "Safe house" }) { id } }`, { id: proceedingId, v: victims[0] });
    expect(req.body.errors).toBeUndefined();
    const reg = await hub.query(await hub.token('law_enforcement', 'DE', { sub: 'officer-matrix' }), `mutation($id: ID!) { registerEvidence(proceedingId: $id, input: { kind: PHYSICAL, description: "matrix item", contentHash: "${'d'.repeat(64)}", handlingCode: H2, sourceReliability: A, informationAccuracy: 1 }) { id } }`, { id: proceedingId });
    evidenceId = reg.body.data.registerEvidence.id;
  });

  const ORDER_READERS: Role[] = ['judge', 'prosecutor', 'law_enforcement', 'social_worker', 'legal_aid_attorney'];
  const LOCATION_READERS: Role[] = ['judge', 'prosecutor', 'law_enforcement'];

  test.each(ROLES)('%s of the jurisdiction, pending orders', async (role) => {
    const res = await hub.queryAs(role, 'DE', ORDERS);
    if (!ORDER_READERS.includes(role)) {
      expect(errorCodes(res.body)).toEqual({ pendingProtectiveOrders: 'FORBIDDEN' });
      return;
    }
    const order = res.body.data.pendingProtectiveOrders.edges.map((e: any) => e.node).find((o: { grounds: string }) => o.grounds === 'matrix');
    expect(order).toMatchObject({ kind: 'NO_CONTACT', urgency: 'STANDARD', status: 'REQUESTED' });
    expect(order.protectedPersonLocation).toBe(LOCATION_READERS.includes(role) ? 'Safe house' : null);
  });

  test.each(ROLES)('%s of another jurisdiction sees no orders and no evidence', async (role) => {
    const orders = await hub.queryAs(role, 'AT', ORDERS);
    if (ORDER_READERS.includes(role)) expect(orders.body.data.pendingProtectiveOrders.edges).toEqual([]);
    const entity = await hub.query(await hub.token(role, 'AT'), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Evidence { id description } } }`, { r: [{ __typename: 'Evidence', id: evidenceId }] }, { url: hub.subgraphs.proceedings.url });
    expect(entity.body.data._entities).toEqual([null]);
  });

  test.each(ROLES)('%s of the jurisdiction, an item of evidence', async (role) => {
    const sub = role === 'law_enforcement' ? 'officer-matrix' : `${role}-1`;
    const res = await hub.query(await hub.token(role, 'DE', { sub }), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Evidence { id description } } }`, { r: [{ __typename: 'Evidence', id: evidenceId }] }, { url: hub.subgraphs.proceedings.url });
    const sees = ['judge', 'prosecutor', 'law_enforcement'].includes(role); // police: it holds this item
    // Defence counsel, not appointed and nothing disclosed: as an unknown id (test/defence.test.ts).
    expect(res.body.data._entities).toEqual(role === 'defence_counsel' ? [null] : [{ id: evidenceId, description: sees ? 'matrix item' : null }]);
  });
});
