import { createHash } from 'node:crypto';
import type { Role } from '../platform/auth';
import { ROLES } from '../platform/auth';
import { errorCodes, startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { registerVictim } from './support/victims';

// Mutual legal assistance requests (European Investigation Order, Directive 2014/41):
// drafted and submitted by the requesting jurisdiction, received, recognized or refused,
// postponed and executed by the executing one, with EIO deadlines on the hub's clock and
// e-CODEX delivery evidence hash-chained per request. DE asks AT unless a test says otherwise.

let hub: TestHub;
const DAY = 86_400_000;

const FIELDS = `id reference requestingJurisdiction executingJurisdiction proceeding { id } kind urgency subject status
  recognitionDue executionDue overdue extension { reason extendedAt by recognitionDue } refusalGrounds postponedUntil executionSummary createdAt
  history { from to by byJurisdiction at reason } deliveryEvidence { sequence event at by digest reason }`;
const DRAFT = `mutation($input: DraftLegalAssistanceRequestInput!) { draftLegalAssistanceRequest(input: $input) { ${FIELDS} } }`;
const READ = `query($id: ID!) { legalAssistanceRequest(id: $id) { ${FIELDS} } }`;
const VERIFY = `query($id: ID!) { verifyDelivery(requestId: $id) { valid events firstBrokenAt } }`;
const LIST = `query($jurisdiction: String, $role: AssistanceRole, $status: LegalAssistanceStatus, $overdue: Boolean, $first: Int, $after: String) {
  legalAssistanceRequests(jurisdiction: $jurisdiction, role: $role, status: $status, overdue: $overdue, first: $first, after: $after) {
    edges { cursor node { id reference status overdue } } pageInfo { hasNextPage endCursor } totalCount } }`;

type Side = 'requesting' | 'executing';
type StepName = 'submit' | 'acknowledge' | 'recognize' | 'refuse' | 'postpone' | 'execute' | 'close' | 'extend';
const STEP: Record<StepName, { field: string; side: Side; params?: string; args?: string }> = {
  submit: { field: 'submitLegalAssistanceRequest', side: 'requesting' },
  acknowledge: { field: 'acknowledgeReceipt', side: 'executing' },
  recognize: { field: 'recognizeRequest', side: 'executing' },
  refuse: { field: 'refuseRequest', side: 'executing', params: ', $text: String!', args: ', grounds: $text' },
  postpone: { field: 'postponeRequest', side: 'executing', params: ', $text: String!, $until: String!', args: ', reason: $text, until: $until' },
  execute: { field: 'recordExecution', side: 'executing', params: ', $text: String!', args: ', summary: $text' },
  close: { field: 'closeRequest', side: 'requesting' },
  extend: { field: 'extendDeadline', side: 'executing', params: ', $text: String!', args: ', reason: $text' },
};
/** Where each status is reached from a draft. */
const PATH: Record<string, StepName[]> = {
  DRAFT: [],
  SUBMITTED: ['submit'],
  RECEIVED: ['submit', 'acknowledge'],
  RECOGNIZED: ['submit', 'acknowledge', 'recognize'],
  REFUSED: ['submit', 'acknowledge', 'refuse'],
  POSTPONED: ['submit', 'acknowledge', 'recognize', 'postpone'],
  EXECUTED: ['submit', 'acknowledge', 'recognize', 'execute'],
  CLOSED: ['submit', 'acknowledge', 'recognize', 'execute', 'close'],
};

interface Pair {
  requesting: string;
  executing: string;
}
const DE_AT: Pair = { requesting: 'DE', executing: 'AT' };
const proceedingOf: Record<string, string> = {};

const future = (days: number) => new Date(hub.clock.now().getTime() + days * DAY).toISOString();

async function openProceeding(jurisdiction: string): Promise<string> {
  const victim = await registerVictim(hub, jurisdiction);
  const res = await hub.queryAs('prosecutor', jurisdiction, `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`, {
    input: { caseNumber: `MLA ${Math.random().toString(36).slice(2)}`, court: 'Court', kind: 'CRIMINAL', charges: ['Trafficking in human beings'], victimIds: [victim] },
  });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.openProceeding.id;
}

function draftInput(pair: Pair, overrides: Record<string, unknown> = {}) {
  return { proceedingId: proceedingOf[pair.requesting], executingJurisdiction: pair.executing, kind: 'BANKING_INFORMATION', urgency: 'NORMAL', subject: 'Holders and transactions of account AT61 1904 3002 3457 3201', ...overrides };
}

async function draft(pair: Pair = DE_AT, overrides: Record<string, unknown> = {}, role: Role = 'prosecutor', sub?: string) {
  const res = await hub.query(await hub.token(role, pair.requesting, sub ? { sub } : {}), DRAFT, { input: draftInput(pair, overrides) });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.draftLegalAssistanceRequest;
}

/** Takes a step as a prosecutor of the side whose step it is (or as `as` says). */
async function step(name: StepName, id: string, as: { role?: Role; jurisdiction?: string; sub?: string; text?: string; until?: string } = {}, pair: Pair = DE_AT): Promise<GraphQLResponse> {
  const s = STEP[name];
  const jurisdiction = as.jurisdiction ?? pair[s.side];
  const variables: Record<string, unknown> = { id };
  if (s.params?.includes('$text')) variables.text = as.text ?? `${name}: reasons given`;
  if (s.params?.includes('$until')) variables.until = as.until ?? future(30);
  const token = await hub.token(as.role ?? 'prosecutor', jurisdiction, as.sub ? { sub: as.sub } : {});
  return hub.query(token, `mutation($id: ID!${s.params ?? ''}) { ${s.field}(id: $id${s.args ?? ''}) { ${FIELDS} } }`, variables);
}

async function stepOk(name: StepName, id: string, as: Parameters<typeof step>[2] = {}, pair: Pair = DE_AT) {
  const res = await step(name, id, as, pair);
  expect(res.body.errors).toBeUndefined();
  return res.body.data[STEP[name].field];
}

/** A request taken through the API to `status`. */
async function requestIn(status: string, pair: Pair = DE_AT, overrides: Record<string, unknown> = {}) {
  let request = await draft(pair, overrides);
  for (const name of PATH[status]) request = await stepOk(name, request.id, {}, pair);
  expect(request.status).toBe(status);
  return request;
}

async function read(id: string, role: Role = 'prosecutor', jurisdiction = 'DE') {
  const res = await hub.queryAs(role, jurisdiction, READ, { id });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.legalAssistanceRequest;
}

const events = () => hub.subgraphs.proceedings.connection.collection<{ _id: string } & Record<string, any>>('deliveryEvents');
const stored = () => hub.subgraphs.proceedings.connection.collection('legalAssistanceRequests').countDocuments();

/** The documented digest: SHA-256 of the canonical JSON of the request's content. */
function digestOf(r: Record<string, string>, proceedingId: string, status: string): string {
  const content = { reference: r.reference, requestingJurisdiction: r.requestingJurisdiction, executingJurisdiction: r.executingJurisdiction, proceedingId, kind: r.kind, urgency: r.urgency, subject: r.subject, status };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

beforeAll(async () => {
  hub = await startHub();
  for (const j of ['DE', 'AT', 'PL', 'CZ']) proceedingOf[j] = await openProceeding(j);
});
afterAll(() => hub.stop());

describe('the lifecycle through the gateway', () => {
  it('DE drafts and submits, AT receives, recognizes, postpones, resumes and executes, DE closes: every step in the history, every hop in the delivery evidence', async () => {
    const drafted = await draft(DE_AT, {}, 'prosecutor', 'prosecutor-de-1');
    expect(drafted).toMatchObject({
      requestingJurisdiction: 'DE',
      executingJurisdiction: 'AT',
      proceeding: { id: proceedingOf.DE },
      kind: 'BANKING_INFORMATION',
      urgency: 'NORMAL',
      status: 'DRAFT',
      recognitionDue: null,
      executionDue: null,
      overdue: false,
      extension: null,
      deliveryEvidence: [],
    });
    expect(drafted.reference).toMatch(/^MLA-DE-AT-\d{4}-[A-HJ-NP-Z2-9]{6}$/);
    const { id } = drafted;

    await stepOk('submit', id, { role: 'judge', sub: 'judge-de-1' });
    const received = await stepOk('acknowledge', id, { sub: 'prosecutor-at-1' });
    expect(received.status).toBe('RECEIVED');
    expect(received.proceeding).toBeNull(); // the executing side sees the request, never the proceeding
    const receivedAt = Date.parse(received.history[2].at);
    expect(Date.parse(received.recognitionDue) - receivedAt).toBe(30 * DAY);
    const recognized = await stepOk('recognize', id, { role: 'judge', sub: 'judge-at-1' });
    expect(Date.parse(recognized.executionDue) - Date.parse(recognized.history[3].at)).toBe(90 * DAY);
    const until = future(20);
    const postponed = await stepOk('postpone', id, { sub: 'judge-at-1', role: 'judge', text: 'A domestic investigation would be prejudiced', until });
    expect(postponed).toMatchObject({ status: 'POSTPONED', postponedUntil: until });
    const resumed = await stepOk('recognize', id, { role: 'judge', sub: 'judge-at-1' });
    expect(resumed).toMatchObject({ status: 'RECOGNIZED', postponedUntil: null });
    expect(Date.parse(resumed.executionDue) - Date.parse(resumed.history[5].at)).toBe(90 * DAY);
    const executed = await stepOk('execute', id, { role: 'judge', sub: 'judge-at-1', text: 'Statements of three accounts transmitted' });
    expect(executed).toMatchObject({ status: 'EXECUTED', executionSummary: 'Statements of three accounts transmitted' });
    const closed = await stepOk('close', id, { sub: 'prosecutor-de-1' });
    expect(closed.status).toBe('CLOSED');

    const seen = await read(id, 'judge', 'DE');
    expect(seen.proceeding).toEqual({ id: proceedingOf.DE });
    expect(seen.history.map((h: any) => [h.from, h.to, h.by, h.byJurisdiction, h.reason])).toEqual([
      [null, 'DRAFT', 'prosecutor-de-1', 'DE', null],
      ['DRAFT', 'SUBMITTED', 'judge-de-1', 'DE', null],
      ['SUBMITTED', 'RECEIVED', 'prosecutor-at-1', 'AT', null],
      ['RECEIVED', 'RECOGNIZED', 'judge-at-1', 'AT', null],
      ['RECOGNIZED', 'POSTPONED', 'judge-at-1', 'AT', 'A domestic investigation would be prejudiced'],
      ['POSTPONED', 'RECOGNIZED', 'judge-at-1', 'AT', null],
      ['RECOGNIZED', 'EXECUTED', 'judge-at-1', 'AT', null],
      ['EXECUTED', 'CLOSED', 'prosecutor-de-1', 'DE', null],
    ]);
    const digest = (status: string) => digestOf(seen, proceedingOf.DE, status);
    expect(seen.deliveryEvidence.map((e: any) => [e.sequence, e.event, e.by, e.digest, e.reason])).toEqual([
      [1, 'SUBMISSION_ACCEPTED', 'DE', digest('SUBMITTED'), null],
      [2, 'DELIVERED', 'DE', digest('SUBMITTED'), null],
      [3, 'RETRIEVED', 'AT', digest('RECEIVED'), null],
      [4, 'DELIVERED', 'AT', digest('RECOGNIZED'), null],
      [5, 'DELIVERED', 'AT', digest('POSTPONED'), null],
      [6, 'DELIVERED', 'AT', digest('RECOGNIZED'), null],
      [7, 'DELIVERED', 'AT', digest('EXECUTED'), null],
    ]);
    for (const [role, jurisdiction] of [['prosecutor', 'DE'], ['judge', 'AT']] as const) {
      expect((await hub.queryAs(role, jurisdiction, VERIFY, { id })).body.data.verifyDelivery).toEqual({ valid: true, events: 7, firstBrokenAt: null });
    }
    // The executing side reads the same request, history and evidence; only the proceeding stays DE's.
    const executingView = await read(id, 'judge', 'AT');
    expect({ ...executingView, overdue: seen.overdue }).toEqual({ ...seen, proceeding: null });
  });

  it('a refusal carries its grounds to the requesting side, which then closes the request', async () => {
    const { id } = await requestIn('RECEIVED');
    const refused = await stepOk('refuse', id, { role: 'judge', text: 'Ne bis in idem (EIO Art. 11(1)(d))' });
    expect(refused).toMatchObject({ status: 'REFUSED', refusalGrounds: 'Ne bis in idem (EIO Art. 11(1)(d))', overdue: false });
    expect(refused.history[3]).toMatchObject({ from: 'RECEIVED', to: 'REFUSED', byJurisdiction: 'AT', reason: 'Ne bis in idem (EIO Art. 11(1)(d))' });
    expect(refused.deliveryEvidence.map((e: any) => `${e.event}:${e.by}`)).toEqual(['SUBMISSION_ACCEPTED:DE', 'DELIVERED:DE', 'RETRIEVED:AT', 'DELIVERED:AT']);
    expect((await read(id)).refusalGrounds).toBe('Ne bis in idem (EIO Art. 11(1)(d))');
    expect((await stepOk('close', id)).status).toBe('CLOSED');
  });

  it('a submission while the proceeding is CLOSED is refused and recorded as SUBMISSION_REJECTED; the request stays a DRAFT', async () => {
    const proceedingId = await openProceeding('DE');
    const { id, reference } = await draft(DE_AT, { proceedingId });
    const close = await hub.queryAs('judge', 'DE', `mutation($id: ID!) { advanceStage(proceedingId: $id, stage: CLOSED, outcome: "Convicted") { stage } }`, { id: proceedingId });
    expect(close.body.errors).toBeUndefined();
    const res = await step('submit', id);
    expect(errorCodes(res.body)).toEqual({ submitLegalAssistanceRequest: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].message).toBe(`id: request ${reference} cannot be submitted: its proceeding is CLOSED`);
    const after = await read(id);
    expect(after.status).toBe('DRAFT');
    expect(after.history).toHaveLength(1);
    expect(after.deliveryEvidence).toEqual([
      { sequence: 1, event: 'SUBMISSION_REJECTED', at: expect.any(String), by: 'DE', digest: digestOf(after, proceedingId, 'DRAFT'), reason: 'its proceeding is CLOSED' },
    ]);
    expect((await hub.queryAs('prosecutor', 'DE', VERIFY, { id })).body.data.verifyDelivery).toEqual({ valid: true, events: 1, firstBrokenAt: null });
    expect((await hub.queryAs('judge', 'AT', READ, { id })).body.data.legalAssistanceRequest).toBeNull();
  });

  it('every change and every read is in the proceedings subgraph’s audit chain, with the executing side’s basis', async () => {
    const { id } = await requestIn('RECEIVED');
    await read(id, 'judge', 'AT');
    const trail = await hub.query(
      await hub.token('auditor', 'DE'),
      `query($id: ID!) { auditTrail(subjectType: "LegalAssistanceRequest", subjectId: $id) { events(first: 50) { edges { node { action role jurisdiction decision } } } } }`,
      { id },
    );
    expect(trail.body.errors).toBeUndefined();
    const actions = trail.body.data.auditTrail.events.edges.map((e: any) => `${e.node.action}:${e.node.jurisdiction}:${e.node.decision}`);
    expect(actions.filter((a: string) => !a.startsWith('READ'))).toEqual(['LEGAL_ASSISTANCE_DRAFTED:DE:ALLOW', 'LEGAL_ASSISTANCE_SUBMITTED:DE:ALLOW', 'LEGAL_ASSISTANCE_RECEIVED:AT:ALLOW']);
    expect(actions).toContain('READ:AT:ALLOW');
  });
});

describe('illegal transitions', () => {
  /** The legal next statuses, as the issue states them. */
  const NEXT: Record<string, string[]> = {
    DRAFT: ['SUBMITTED'],
    SUBMITTED: ['RECEIVED'],
    RECEIVED: ['RECOGNIZED', 'REFUSED'],
    RECOGNIZED: ['EXECUTED', 'POSTPONED'],
    POSTPONED: ['RECOGNIZED'],
    EXECUTED: ['CLOSED'],
    REFUSED: ['CLOSED'],
    CLOSED: [],
  };
  const TARGET: Record<Exclude<StepName, 'extend'>, string> = { submit: 'SUBMITTED', acknowledge: 'RECEIVED', recognize: 'RECOGNIZED', refuse: 'REFUSED', postpone: 'POSTPONED', execute: 'EXECUTED', close: 'CLOSED' };
  const inStatus: Record<string, { id: string; reference: string }> = {};
  beforeAll(async () => {
    for (const status of Object.keys(NEXT)) inStatus[status] = await requestIn(status);
  });
  const cases = Object.keys(NEXT).flatMap((status) =>
    (Object.keys(TARGET) as Array<keyof typeof TARGET>).filter((name) => !NEXT[status].includes(TARGET[name])).map((name) => [status, name] as const),
  );
  const logged = async (id: string) => (await hub.subgraphs.proceedings.audit.events({ subjectId: id })).filter((e) => e.action !== 'READ').length;

  test.each(cases)('%s: %s is BAD_USER_INPUT naming the status and where it can go, and changes nothing', async (status, name) => {
    const { id, reference } = inStatus[status];
    const before = await read(id);
    const changes = await logged(id);
    const res = await step(name, id);
    if (status === 'DRAFT' && STEP[name].side === 'executing') {
      // The executing side does not know of a draft at all.
      expect(errorCodes(res.body)).toEqual({ [STEP[name].field]: 'NOT_FOUND' });
    } else {
      expect(errorCodes(res.body)).toEqual({ [STEP[name].field]: 'BAD_USER_INPUT' });
      const where = NEXT[status].length ? `it can go to ${NEXT[status].join(' or ')}` : 'it goes nowhere from there';
      expect(res.body.errors![0]).toMatchObject({ message: `id: request ${reference} is ${status}: ${where}`, extensions: { field: 'id' } });
    }
    expect(await read(id)).toEqual(before);
    expect(await logged(id)).toBe(changes); // refused before anything is logged
  });

  test.each(['SUBMITTED', 'RECOGNIZED', 'POSTPONED', 'REFUSED', 'EXECUTED', 'CLOSED'])('the recognition deadline of a %s request is not extended', async (status) => {
    const { id, reference } = inStatus[status];
    const before = await read(id);
    const res = await step('extend', id);
    expect(errorCodes(res.body)).toEqual({ extendDeadline: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].message).toBe(`id: request ${reference} is ${status}: its recognition deadline is extended only while it is RECEIVED`);
    expect(await read(id)).toEqual(before);
  });
});

describe('who may do what', () => {
  let submitted: { id: string; reference: string };
  let drafted: { id: string };
  beforeAll(async () => {
    submitted = await requestIn('SUBMITTED');
    drafted = await draft();
  });

  it('the wrong side is FORBIDDEN, with a message saying whose step it is', async () => {
    const early = await step('acknowledge', submitted.id, { jurisdiction: 'DE', role: 'judge' });
    expect(errorCodes(early.body)).toEqual({ acknowledgeReceipt: 'FORBIDDEN' });
    expect(early.body.errors![0].message).toBe(`Acknowledging receipt of request ${submitted.reference} is the executing side's step (AT)`);
    const executed = await requestIn('EXECUTED');
    const close = await step('close', executed.id, { jurisdiction: 'AT' });
    expect(errorCodes(close.body)).toEqual({ closeRequest: 'FORBIDDEN' });
    expect(close.body.errors![0].message).toBe(`Closing request ${executed.reference} is the requesting side's step (DE)`);
    const received = await requestIn('RECEIVED');
    for (const name of ['recognize', 'refuse', 'extend'] as const) expect(errorCodes((await step(name, received.id, { jurisdiction: 'DE' })).body)).toEqual({ [STEP[name].field]: 'FORBIDDEN' });
    expect((await read(received.id)).status).toBe('RECEIVED');
  });

  it('a third jurisdiction gets NOT_FOUND for everything, exactly as for an unknown id', async () => {
    const unknown = 'AAAAAAAAAAAAAAAAAAAAAA';
    for (const name of Object.keys(STEP) as StepName[]) {
      const res = await step(name, submitted.id, { jurisdiction: 'IT' });
      expect(errorCodes(res.body)).toEqual({ [STEP[name].field]: 'NOT_FOUND' });
      expect(res.body.errors![0].message).toBe(`LegalAssistanceRequest ${submitted.id} was not found`);
      expect((await step(name, unknown, { jurisdiction: 'DE' })).body.errors![0].message).toBe(`LegalAssistanceRequest ${unknown} was not found`);
    }
    expect((await hub.queryAs('judge', 'IT', READ, { id: submitted.id })).body).toEqual({ data: { legalAssistanceRequest: null } });
    expect(errorCodes((await hub.queryAs('judge', 'IT', VERIFY, { id: submitted.id })).body)).toEqual({ verifyDelivery: 'NOT_FOUND' });
    const entity = await hub.query(await hub.token('judge', 'IT'), `query($r: [_Any!]!) { _entities(representations: $r) { ... on LegalAssistanceRequest { id reference } } }`, { r: [{ __typename: 'LegalAssistanceRequest', id: submitted.id }] }, { url: hub.subgraphs.proceedings.url });
    expect(entity.body.data._entities).toEqual([null]);
  });

  it('the executing side does not see a DRAFT: not by id, not in its lists, not as an entity, not to act on', async () => {
    expect((await hub.queryAs('judge', 'AT', READ, { id: drafted.id })).body).toEqual({ data: { legalAssistanceRequest: null } });
    const listed = await hub.queryAs('judge', 'AT', LIST, { role: 'EXECUTING', first: 100 });
    expect(listed.body.data.legalAssistanceRequests.edges.map((e: any) => e.node.id)).not.toContain(drafted.id);
    expect(listed.body.data.legalAssistanceRequests.edges.map((e: any) => e.node.id)).toContain(submitted.id);
    const entity = await hub.query(await hub.token('judge', 'AT'), `query($r: [_Any!]!) { _entities(representations: $r) { ... on LegalAssistanceRequest { id reference } } }`, { r: [{ __typename: 'LegalAssistanceRequest', id: drafted.id }] }, { url: hub.subgraphs.proceedings.url });
    expect(entity.body.data._entities).toEqual([null]);
    expect(errorCodes((await step('acknowledge', drafted.id)).body)).toEqual({ acknowledgeReceipt: 'NOT_FOUND' });
    expect(errorCodes((await hub.queryAs('judge', 'AT', VERIFY, { id: drafted.id })).body)).toEqual({ verifyDelivery: 'NOT_FOUND' });
  });

  test.each(ROLES.filter((r) => !['judge', 'prosecutor', 'law_enforcement'].includes(r)))('%s of either side may neither read nor act', async (role) => {
    for (const jurisdiction of ['DE', 'AT']) {
      expect(errorCodes((await hub.queryAs(role, jurisdiction, READ, { id: submitted.id })).body)).toEqual({ legalAssistanceRequest: 'FORBIDDEN' });
      expect(errorCodes((await hub.queryAs(role, jurisdiction, LIST, {})).body)).toEqual({ legalAssistanceRequests: 'FORBIDDEN' });
      expect(errorCodes((await hub.queryAs(role, jurisdiction, VERIFY, { id: submitted.id })).body)).toEqual({ verifyDelivery: 'FORBIDDEN' });
    }
    const before = await stored();
    const res = await hub.query(await hub.token(role, 'DE'), DRAFT, { input: draftInput(DE_AT) });
    expect(errorCodes(res.body)).toEqual({ draftLegalAssistanceRequest: 'FORBIDDEN' });
    expect(await stored()).toBe(before);
    expect(errorCodes((await step('acknowledge', submitted.id, { role })).body)).toEqual({ acknowledgeReceipt: 'FORBIDDEN' });
    // An entity reference answers with every field refused.
    const entity = await hub.query(await hub.token(role, 'DE'), `query($r: [_Any!]!) { _entities(representations: $r) { ... on LegalAssistanceRequest { id reference } } }`, { r: [{ __typename: 'LegalAssistanceRequest', id: submitted.id }] }, { url: hub.subgraphs.proceedings.url });
    expect(entity.body.data._entities[0]?.reference ?? null).toBeNull();
  });

  it('police of either side read a request but cannot act on it', async () => {
    for (const jurisdiction of ['DE', 'AT']) {
      const seen = await read(submitted.id, 'law_enforcement', jurisdiction);
      expect(seen).toMatchObject({ reference: submitted.reference, status: 'SUBMITTED', proceeding: jurisdiction === 'DE' ? { id: proceedingOf.DE } : null });
      expect(errorCodes((await hub.queryAs('law_enforcement', jurisdiction, VERIFY, { id: submitted.id })).body)).toEqual({ verifyDelivery: 'FORBIDDEN' });
    }
    const res = await hub.queryAs('law_enforcement', 'DE', DRAFT, { input: draftInput(DE_AT) });
    expect(errorCodes(res.body)).toEqual({ draftLegalAssistanceRequest: 'FORBIDDEN' });
    expect(errorCodes((await step('acknowledge', submitted.id, { role: 'law_enforcement' })).body)).toEqual({ acknowledgeReceipt: 'FORBIDDEN' });
    expect(errorCodes((await step('close', submitted.id, { role: 'law_enforcement' })).body)).toEqual({ closeRequest: 'FORBIDDEN' });
    expect((await read(submitted.id)).status).toBe('SUBMITTED');
  });
});

describe('input', () => {
  test.each([
    ['a proceeding of another jurisdiction', () => ({ proceedingId: proceedingOf.AT }), 'input.proceedingId', 'no proceeding of DE has this id'],
    ['an unknown proceeding', () => ({ proceedingId: 'AAAAAAAAAAAAAAAAAAAAAA' }), 'input.proceedingId', 'no proceeding of DE has this id'],
    ['a malformed proceeding id', () => ({ proceedingId: '42' }), 'input.proceedingId', 'is not a valid id (22 characters of A-Z, a-z, 0-9, - and _)'],
    ['its own jurisdiction as the executing one', () => ({ executingJurisdiction: 'DE' }), 'input.executingJurisdiction', 'must be another jurisdiction than the requesting one (DE)'],
    ['an executing jurisdiction that is no country', () => ({ executingJurisdiction: 'XX' }), 'input.executingJurisdiction', '"XX" is not an ISO 3166-1 alpha-2 country code'],
    ['an empty subject', () => ({ subject: '   ' }), 'input.subject', 'must not be empty'],
    ['a subject over 2000 characters', () => ({ subject: 'x'.repeat(2001) }), 'input.subject', 'must have at most 2000 characters'],
  ])('a draft with %s is BAD_USER_INPUT naming the field, and stores nothing', async (_what, make, field, message) => {
    const before = await stored();
    const res = await hub.queryAs('prosecutor', 'DE', DRAFT, { input: draftInput(DE_AT, make()) });
    expect(errorCodes(res.body)).toEqual({ draftLegalAssistanceRequest: 'BAD_USER_INPUT' });
    expect(res.body.errors![0]).toMatchObject({ message: `${field}: ${message}`, extensions: { field } });
    expect(await stored()).toBe(before);
  });

  test.each([
    ['RECEIVED', 'refuse', { text: ' ' }, 'grounds', 'must not be empty'],
    ['RECOGNIZED', 'postpone', { text: '' }, 'reason', 'must not be empty'],
    ['RECOGNIZED', 'postpone', { until: '2020-01-01T00:00:00Z' }, 'until', 'must be in the future'],
    ['RECOGNIZED', 'postpone', { until: 'next week' }, 'until', 'must be a date-time such as 2030-01-31T12:00:00Z'],
    ['RECOGNIZED', 'execute', { text: '' }, 'summary', 'must not be empty'],
    ['RECEIVED', 'extend', { text: '' }, 'reason', 'must not be empty'],
  ] as const)('on a %s request, %s with %j is BAD_USER_INPUT naming the field, and changes nothing', async (status, name, given, field, message) => {
    const { id } = await requestIn(status);
    const before = await read(id);
    const res = await step(name, id, given);
    expect(res.body.errors![0]).toMatchObject({ message: `${field}: ${message}`, extensions: { code: 'BAD_USER_INPUT', field } });
    expect(await read(id)).toEqual(before);
  });
});

describe('deadlines on the hub’s clock (EIO Art. 12)', () => {
  afterEach(() => hub.clock.reset());

  it('recognition is due 30 days after receipt: not overdue before, overdue after', async () => {
    const { id } = await requestIn('RECEIVED');
    expect((await read(id)).overdue).toBe(false);
    hub.clock.advance(29 * DAY);
    expect((await read(id, 'judge', 'AT')).overdue).toBe(false);
    hub.clock.advance(2 * DAY);
    expect((await read(id, 'judge', 'AT')).overdue).toBe(true);
    expect((await read(id)).overdue).toBe(true); // both sides, on the same clock
    // Recognized late: no longer overdue; execution is due 90 days from now.
    const recognized = await stepOk('recognize', id);
    expect(recognized.overdue).toBe(false);
    expect(Date.parse(recognized.executionDue) - Date.parse(recognized.history[3].at)).toBe(90 * DAY);
  });

  it('an URGENT request is due 7 days after receipt', async () => {
    const { id, recognitionDue, history } = await requestIn('RECEIVED', DE_AT, { urgency: 'URGENT' });
    expect(Date.parse(recognitionDue) - Date.parse(history[2].at)).toBe(7 * DAY);
    hub.clock.advance(6 * DAY);
    expect((await read(id)).overdue).toBe(false);
    hub.clock.advance(2 * DAY);
    expect((await read(id)).overdue).toBe(true);
  });

  it('the executing side extends the recognition deadline once by 30 days, with a reason the requesting side sees; a second time is BAD_USER_INPUT saying when', async () => {
    const { id, recognitionDue, reference } = await requestIn('RECEIVED');
    hub.clock.advance(25 * DAY);
    const extended = await stepOk('extend', id, { role: 'judge', sub: 'judge-at-7', text: 'The bank answers within 6 weeks' });
    const due = Date.parse(recognitionDue) + 30 * DAY;
    expect(Date.parse(extended.recognitionDue)).toBe(due);
    const seen = await read(id, 'prosecutor', 'DE');
    expect(seen.extension).toEqual({ reason: 'The bank answers within 6 weeks', extendedAt: expect.any(String), by: 'judge-at-7', recognitionDue: new Date(due).toISOString() });
    expect(seen.recognitionDue).toBe(new Date(due).toISOString());
    const again = await step('extend', id, { text: 'Still waiting' });
    expect(errorCodes(again.body)).toEqual({ extendDeadline: 'BAD_USER_INPUT' });
    expect(again.body.errors![0].message).toBe(`id: the recognition deadline of request ${reference} was extended already, on ${seen.extension.extendedAt}; it is extended once`);
    expect((await read(id)).extension).toEqual(seen.extension);
    hub.clock.advance(10 * DAY); // day 35: past the first deadline, within the extended one
    expect((await read(id)).overdue).toBe(false);
    hub.clock.advance(26 * DAY); // day 61
    expect((await read(id)).overdue).toBe(true);
  });

  it('execution is due 90 days after recognition, and again 90 days after resuming from a postponement, which is overdue past its date', async () => {
    const { id, executionDue } = await requestIn('RECOGNIZED');
    hub.clock.advance(89 * DAY);
    expect((await read(id)).overdue).toBe(false);
    hub.clock.advance(2 * DAY);
    expect((await read(id)).overdue).toBe(true);
    const postponed = await stepOk('postpone', id, { until: future(10) });
    expect(postponed.overdue).toBe(false);
    hub.clock.advance(11 * DAY);
    expect((await read(id)).overdue).toBe(true);
    const resumed = await stepOk('recognize', id);
    expect(resumed.overdue).toBe(false);
    expect(Date.parse(resumed.executionDue)).toBeGreaterThan(Date.parse(executionDue) + 100 * DAY);
    expect(Date.parse(resumed.executionDue) - Date.parse(resumed.history[5].at)).toBe(90 * DAY);
  });
});

describe('listing', () => {
  // PL asks CZ (and CZ asks PL once), on the hub's clock moved 31 days between the two receipts.
  const PL_CZ: Pair = { requesting: 'PL', executing: 'CZ' };
  const CZ_PL: Pair = { requesting: 'CZ', executing: 'PL' };
  const ids: Record<string, string> = {};
  const list = async (role: Role, jurisdiction: string, variables: Record<string, unknown>) => {
    const res = await hub.queryAs(role, jurisdiction, LIST, { first: 100, ...variables });
    expect(res.body.errors).toBeUndefined();
    const page = res.body.data.legalAssistanceRequests;
    return { ids: page.edges.map((e: any) => e.node.id) as string[], totalCount: page.totalCount as number, page };
  };
  const named = (...names: string[]) => names.map((n) => ids[n]);

  beforeAll(async () => {
    ids.lateReceived = (await requestIn('RECEIVED', PL_CZ)).id;
    hub.clock.advance(31 * DAY);
    ids.draft = (await requestIn('DRAFT', PL_CZ)).id;
    ids.submitted1 = (await requestIn('SUBMITTED', PL_CZ)).id;
    ids.submitted2 = (await requestIn('SUBMITTED', PL_CZ)).id;
    ids.received = (await requestIn('RECEIVED', PL_CZ)).id;
    ids.closed = (await requestIn('CLOSED', PL_CZ)).id;
    ids.incoming = (await requestIn('SUBMITTED', CZ_PL)).id;
  });
  afterAll(() => hub.clock.reset());

  it('without a role, both sides: the requesting list, then the executing one, with exact totalCount', async () => {
    const both = await list('judge', 'PL', {});
    expect(both.ids).toEqual(named('lateReceived', 'draft', 'submitted1', 'submitted2', 'received', 'closed', 'incoming'));
    expect(both.totalCount).toBe(7);
    expect(await list('prosecutor', 'PL', { role: 'REQUESTING' })).toMatchObject({ ids: named('lateReceived', 'draft', 'submitted1', 'submitted2', 'received', 'closed'), totalCount: 6 });
    expect(await list('prosecutor', 'PL', { role: 'EXECUTING' })).toMatchObject({ ids: named('incoming'), totalCount: 1 });
    // A draft is in no executing list.
    expect(await list('law_enforcement', 'CZ', { role: 'EXECUTING' })).toMatchObject({ ids: named('lateReceived', 'submitted1', 'submitted2', 'received', 'closed'), totalCount: 5 });
    expect(await list('judge', 'CZ', { role: 'EXECUTING', status: 'DRAFT' })).toMatchObject({ ids: [], totalCount: 0 });
  });

  it('by status, and by overdue', async () => {
    expect(await list('judge', 'PL', { role: 'REQUESTING', status: 'SUBMITTED' })).toMatchObject({ ids: named('submitted1', 'submitted2'), totalCount: 2 });
    expect(await list('judge', 'PL', { status: 'SUBMITTED' })).toMatchObject({ ids: named('submitted1', 'submitted2', 'incoming'), totalCount: 3 });
    expect(await list('judge', 'PL', { overdue: true })).toMatchObject({ ids: named('lateReceived'), totalCount: 1 });
    expect(await list('judge', 'CZ', { role: 'EXECUTING', status: 'RECEIVED', overdue: true })).toMatchObject({ ids: named('lateReceived'), totalCount: 1 });
    expect(await list('judge', 'CZ', { role: 'EXECUTING', status: 'RECEIVED', overdue: false })).toMatchObject({ ids: named('received'), totalCount: 1 });
    expect(await list('judge', 'PL', { role: 'REQUESTING', status: 'SUBMITTED', overdue: true })).toMatchObject({ ids: [], totalCount: 0 });
    const notOverdue = await list('judge', 'PL', { role: 'REQUESTING', overdue: false });
    expect(new Set(notOverdue.ids)).toEqual(new Set(named('draft', 'submitted1', 'submitted2', 'received', 'closed')));
    expect(notOverdue.totalCount).toBe(5);
  });

  it('pages with cursors, and another jurisdiction’s lists are empty', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { page } = await list('judge', 'PL', { first: 2, after });
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(named('lateReceived', 'draft', 'submitted1', 'submitted2', 'received', 'closed', 'incoming'));
    expect(await list('judge', 'PL', { jurisdiction: 'CZ' })).toMatchObject({ ids: [], totalCount: 0 });
    const bad = await hub.queryAs('judge', 'PL', LIST, { jurisdiction: 'XX' });
    expect(errorCodes(bad.body)).toEqual({ legalAssistanceRequests: 'BAD_USER_INPUT' });
  });
});

describe('delivery evidence', () => {
  it('finds an edited, a removed and a reordered delivery event', async () => {
    const { id } = await requestIn('EXECUTED');
    const verify = async () => (await hub.queryAs('judge', 'AT', VERIFY, { id })).body.data.verifyDelivery;
    expect(await verify()).toEqual({ valid: true, events: 5, firstBrokenAt: null });

    await events().updateOne({ _id: `delivery/${id}#3` }, { $set: { by: 'DE' } });
    expect(await verify()).toMatchObject({ valid: false, firstBrokenAt: 3 });
    expect((await hub.queryAs('prosecutor', 'DE', VERIFY, { id })).body.data.verifyDelivery).toMatchObject({ valid: false, firstBrokenAt: 3 });
    await events().updateOne({ _id: `delivery/${id}#3` }, { $set: { by: 'AT' } });
    expect(await verify()).toEqual({ valid: true, events: 5, firstBrokenAt: null });

    const fourth = (await events().findOne({ _id: `delivery/${id}#4` }))!;
    await events().deleteOne({ _id: `delivery/${id}#4` });
    expect(await verify()).toMatchObject({ valid: false, firstBrokenAt: 4 });
    await events().insertOne(fourth);

    const [a, b] = await Promise.all([events().findOne({ _id: `delivery/${id}#1` }), events().findOne({ _id: `delivery/${id}#2` })]);
    const { _id: _x, ...aContent } = a!;
    const { _id: _y, ...bContent } = b!;
    await events().replaceOne({ _id: `delivery/${id}#1` }, bContent);
    await events().replaceOne({ _id: `delivery/${id}#2` }, aContent);
    expect(await verify()).toMatchObject({ valid: false, firstBrokenAt: 1 });
  });
});
