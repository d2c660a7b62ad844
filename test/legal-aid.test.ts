import type { mongo } from 'mongoose';
import { PURPOSES } from '../platform/purposes';
import { newId } from '../subgraphs/common/validate';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { ASSIGN, ATTORNEYS, asAttorney as asAttorneyOf, CLOSE, CONSENT, LEGAL_AID, ONE, seedDirectory, type TestAttorney } from './support/legal-aid';
import { grantConsent, registerVictim } from './support/victims';

// The legal aid subgraph: assignments under the victim's consent, the closing rule while a
// proceeding is open, gaps in representation, matching, and who reads what of an
// assignment. Handoffs: test/handoffs.test.ts.

let hub: TestHub;
let filters: string[] = [];
const DAY = 86_400_000;

const [A1, A2, A3, A4] = ATTORNEYS;
const asAttorney = (a: TestAttorney) => asAttorneyOf(hub, a);
const gql = async (token: Promise<string>, query: string, variables: Record<string, unknown> = {}) => hub.query(await token, query, variables);

/** An ACTIVE assignment of a DE victim to attorney 1 (assigned by a DE social worker, consent recorded). */
async function activeAssignment(victimId: string, input: Record<string, unknown> = {}): Promise<string> {
  const res = await hub.queryAs('social_worker', 'DE', ASSIGN, { v: victimId, input: { attorneyId: A1._id, matter: 'CRIMINAL_PROCEEDING', jurisdiction: 'DE', ...input } });
  expect(res.body.errors).toBeUndefined();
  const id = res.body.data.assignLegalAid.id;
  expect((await gql(asAttorney(A1), CONSENT, { id })).body.data.recordRepresentationConsent.status).toBe('ACTIVE');
  return id;
}

async function openProceeding(victimId: string, caseNumber: string): Promise<string> {
  const res = await hub.queryAs('prosecutor', 'DE', `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`, {
    input: { caseNumber, court: 'LG Berlin', kind: 'CRIMINAL', charges: ['THB'], victimIds: [victimId] },
  });
  return res.body.data.openProceeding.id;
}

beforeAll(async () => {
  hub = await startHub({ monitorCommands: true });
  hub.subgraphs['legal-aid'].connection.getClient().on('commandStarted', (event: mongo.CommandStartedEvent) => {
    if (event.commandName === 'find') filters.push(`${event.command.find}:${Object.keys(event.command.filter ?? {}).join(',')}`);
  });
  await seedDirectory(hub);
});
afterEach(() => hub.clock.reset());
afterAll(() => hub.stop());

describe('assigning legal aid', () => {
  it('a social worker assigns; OFFERED until the attorney records the representation consent; the victim shows it across subgraphs', async () => {
    const victim = await registerVictim(hub, 'DE');
    const assigned = await hub.queryAs('social_worker', 'DE', ASSIGN, { v: victim, input: { attorneyId: A1._id, matter: 'COMPENSATION', jurisdiction: 'DE' } });
    expect(assigned.body.data.assignLegalAid).toMatchObject({ status: 'OFFERED', matter: 'COMPENSATION', attorney: { name: 'Attorney 1' } });
    const id = assigned.body.data.assignLegalAid.id;
    expect(errorCodes((await gql(asAttorney(A2), CONSENT, { id })).body)).toEqual({ recordRepresentationConsent: 'FORBIDDEN' });
    expect((await gql(asAttorney(A1), CONSENT, { id })).body.data.recordRepresentationConsent).toEqual({ id, status: 'ACTIVE' });
    const res = await hub.queryAs('social_worker', 'DE', LEGAL_AID, { id: victim });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.victim.legalAid).toEqual({ current: [{ id, status: 'ACTIVE', jurisdiction: 'DE', attorney: { name: 'Attorney 1' } }], history: [], gaps: [] });
  });

  it("another jurisdiction assigns only while the victim shares IDENTITY with it for LEGAL_REPRESENTATION; a victim it may not see answers as an unknown id", async () => {
    const victim = await registerVictim(hub, 'DE');
    const input = { attorneyId: A4._id, matter: 'ASYLUM', jurisdiction: 'AT' };
    const unseen = await hub.queryAs('social_worker', 'AT', ASSIGN, { v: victim, input });
    const unknownId = newId();
    const unknown = await hub.queryAs('social_worker', 'AT', ASSIGN, { v: unknownId, input });
    expect(errorCodes(unseen.body)).toEqual({ assignLegalAid: 'BAD_USER_INPUT' });
    expect(unseen.body).toEqual(JSON.parse(JSON.stringify(unknown.body).replaceAll(unknownId, victim)));
    // Known to AT (a consent names it), but not sharing IDENTITY with it.
    await grantConsent(hub, victim, 'DE', { categories: ['HEALTH'], granteeJurisdictions: ['AT'], purposes: PURPOSES });
    expect(errorCodes((await hub.queryAs('social_worker', 'AT', ASSIGN, { v: victim, input })).body)).toEqual({ assignLegalAid: 'FORBIDDEN' });
    // IDENTITY shared with AT, but for repatriation only: representation needs it for LEGAL_REPRESENTATION.
    await grantConsent(hub, victim, 'DE', { categories: ['IDENTITY'], granteeJurisdictions: ['AT'], purposes: ['REPATRIATION'] });
    const otherPurpose = await hub.queryAs('social_worker', 'AT', ASSIGN, { v: victim, input });
    expect(errorCodes(otherPurpose.body)).toEqual({ assignLegalAid: 'FORBIDDEN' });
    expect(otherPurpose.body.errors![0].message).toContain('for LEGAL_REPRESENTATION');
    await grantConsent(hub, victim, 'DE', { categories: ['IDENTITY'], granteeJurisdictions: ['AT'], purposes: ['LEGAL_REPRESENTATION'] });
    expect((await hub.queryAs('social_worker', 'AT', ASSIGN, { v: victim, input })).body.errors).toBeUndefined();
    // Nobody assigns in a jurisdiction other than their own.
    expect(errorCodes((await hub.queryAs('social_worker', 'DE', ASSIGN, { v: victim, input })).body)).toEqual({ assignLegalAid: 'FORBIDDEN' });
  });

  it('links a proceeding of its jurisdiction the caller may see (asked of the proceedings subgraph)', async () => {
    const victim = await registerVictim(hub, 'DE');
    const proceeding = await openProceeding(victim, `LA-${victim.slice(0, 8)}`);
    const input = { attorneyId: A1._id, matter: 'CRIMINAL_PROCEEDING', jurisdiction: 'DE', proceedingId: proceeding };
    expect((await gql(asAttorney(A1), ASSIGN, { v: victim, input })).body.errors).toBeUndefined();
    // A social worker does not see proceedings: the link is refused, naming the field.
    const social = await hub.queryAs('social_worker', 'DE', ASSIGN, { v: victim, input });
    expect(errorCodes(social.body)).toEqual({ assignLegalAid: 'BAD_USER_INPUT' });
    expect(social.body.errors![0].extensions?.field).toBe('input.proceedingId');
  });

  test.each([
    ['an unknown attorney', { attorneyId: 'AAAAAAAAAAAAAAAAAAAAAA' }, 'input.attorneyId', /no attorney/],
    ['an attorney of another jurisdiction', { attorneyId: A4._id }, 'input.attorneyId', /does not practise in DE/],
    ['an attorney not accepting cases', { attorneyId: ATTORNEYS[5]._id }, 'input.attorneyId', /not accepting/],
    ['a jurisdiction that is no country', { jurisdiction: 'Germany' }, 'input.jurisdiction', /ISO 3166/],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, overrides, field, message) => {
    const victim = await registerVictim(hub, 'DE');
    const res = await hub.queryAs('social_worker', 'DE', ASSIGN, { v: victim, input: { attorneyId: A1._id, matter: 'ASYLUM', jurisdiction: 'DE', ...overrides } });
    expect(errorCodes(res.body)).toEqual({ assignLegalAid: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.field).toBe(field);
    expect(res.body.errors![0].message).toMatch(message);
  });
});

describe('closing and continuity', () => {
  it('not closed while its proceeding is open, unless the file was handed on; closed once the proceeding is CLOSED', async () => {
    const victim = await registerVictim(hub, 'DE');
    const proceeding = await openProceeding(victim, `CL-${victim.slice(0, 8)}`);
    const res = await gql(asAttorney(A1), ASSIGN, { v: victim, input: { attorneyId: A1._id, matter: 'CRIMINAL_PROCEEDING', jurisdiction: 'DE', proceedingId: proceeding } });
    const id = res.body.data.assignLegalAid.id;
    await gql(asAttorney(A1), CONSENT, { id });
    const early = await gql(asAttorney(A1), CLOSE, { id });
    expect(errorCodes(early.body)).toEqual({ closeAssignment: 'BAD_USER_INPUT' });
    expect(early.body.errors![0].message).toMatch(/its proceeding is INVESTIGATION/);
    await hub.queryAs('judge', 'DE', `mutation($id: ID!) { advanceStage(proceedingId: $id, stage: CLOSED, outcome: "Convicted") { stage } }`, { id: proceeding });
    expect((await gql(asAttorney(A2), CLOSE, { id })).body.data.closeAssignment).toEqual({ id, status: 'CLOSED' }); // same provider
  });

  it('finds the gap between a proceeding opening and representation starting (a return’s gap: returns-legal-aid.test.ts)', async () => {
    const victim = await registerVictim(hub, 'DE');
    const proceeding = await openProceeding(victim, `GAP-${victim.slice(0, 8)}`);
    hub.clock.advance(10 * DAY);
    await activeAssignment(victim);
    const res = await gql(asAttorney(A1), LEGAL_AID, { id: victim });
    expect(res.body.errors).toBeUndefined();
    const [gap] = res.body.data.victim.legalAid.gaps;
    expect(gap).toMatchObject({ reason: 'ACTIVE_PROCEEDING', proceeding: { id: proceeding } });
    expect(Date.parse(gap.to) - Date.parse(gap.from)).toBeGreaterThan(9 * DAY);

    // Judges see the assignments of their proceedings (matter, attorney, status), not the gaps.
    expect(errorCodes((await hub.queryAs('judge', 'DE', LEGAL_AID, { id: victim })).body)['victim.legalAid.gaps']).toBe('FORBIDDEN');
  });
});

describe('who reads an assignment', () => {
  it('attorney, provider, social worker and judge each see their part; other providers nothing', async () => {
    const victim = await registerVictim(hub, 'DE');
    const proceeding = await openProceeding(victim, `RD-${victim.slice(0, 8)}`);
    const res = await gql(asAttorney(A1), ASSIGN, { v: victim, input: { attorneyId: A1._id, matter: 'CRIMINAL_PROCEEDING', jurisdiction: 'DE', proceedingId: proceeding } });
    const id = res.body.data.assignLegalAid.id;
    await gql(asAttorney(A1), CONSENT, { id });
    const read = async (token: Promise<string>) => (await gql(token, ONE, { id })).body;
    expect((await read(asAttorney(A1))).data.legalAidAssignment).toMatchObject({ status: 'ACTIVE', victim: { id: victim }, representationConsent: { language: 'uk' } });
    const colleague = await read(asAttorney(A2));
    expect(colleague.data.legalAidAssignment).toMatchObject({ status: 'ACTIVE', victim: { id: victim }, representationConsent: null });
    expect(errorCodes(colleague)).toEqual({ 'legalAidAssignment.representationConsent': 'FORBIDDEN' });
    const social = await read(hub.token('social_worker', 'DE'));
    expect(social.data.legalAidAssignment).toMatchObject({ matter: 'CRIMINAL_PROCEEDING', victim: { id: victim }, representationConsent: null });
    const judge = await read(hub.token('judge', 'DE'));
    expect(judge.data.legalAidAssignment).toMatchObject({ status: 'ACTIVE', matter: 'CRIMINAL_PROCEEDING', victim: null, jurisdiction: null });
    expect((await read(asAttorney(A3))).data.legalAidAssignment).toMatchObject({ status: null });
    expect((await read(asAttorney(A4))).data).toEqual({ legalAidAssignment: null });
    const events = await hub.subgraphs['legal-aid'].audit.events({ subjectId: id, action: 'READ' });
    expect(events.length).toBeGreaterThan(0);
  });
});

describe('interpretation and accommodations', () => {
  it('are requested on an open assignment and moved on in order; their details are the attorneys’ only', async () => {
    const victim = await registerVictim(hub, 'DE');
    const id = await activeAssignment(victim);
    const REQUEST = `mutation($id: ID!, $input: InterpretationInput!) { requestInterpretation(assignmentId: $id, input: $input) { interpretations { id language occasion status } } }`;
    const requested = await hub.queryAs('social_worker', 'DE', REQUEST, { id, input: { language: 'uk', occasion: 'HEARING', at: '2031-05-01T09:00:00Z' } });
    // The social worker asked for it, but reads no interpretation details (TESTIMONY-level).
    expect(errorCodes(requested.body)).toEqual({ 'requestInterpretation.interpretations': 'FORBIDDEN' });
    expect(requested.body.data.requestInterpretation.interpretations).toBeNull();
    const own = await gql(asAttorney(A1), `query($id: ID!) { legalAidAssignment(id: $id) { interpretations { id status } } }`, { id });
    const interpretationId = own.body.data.legalAidAssignment.interpretations[0].id;
    const UPDATE = `mutation($id: ID!, $i: ID!, $s: InterpretationStatus!, $who: String) { updateInterpretation(assignmentId: $id, interpretationId: $i, status: $s, interpreter: $who) { interpretations { status interpreter } } }`;
    expect(errorCodes((await gql(asAttorney(A1), UPDATE, { id, i: interpretationId, s: 'ASSIGNED' })).body)).toEqual({ updateInterpretation: 'BAD_USER_INPUT' });
    expect((await gql(asAttorney(A1), UPDATE, { id, i: interpretationId, s: 'ASSIGNED', who: 'O. Shevchenko (court interpreter)' })).body.data.updateInterpretation.interpretations).toEqual([
      { status: 'ASSIGNED', interpreter: 'O. Shevchenko (court interpreter)' },
    ]);
    expect((await gql(asAttorney(A1), UPDATE, { id, i: interpretationId, s: 'DONE' })).body.errors).toBeUndefined();
    const late = await gql(asAttorney(A1), UPDATE, { id, i: interpretationId, s: 'CANCELLED' });
    expect(errorCodes(late.body)).toEqual({ updateInterpretation: 'BAD_USER_INPUT' });
    expect(late.body.errors![0].message).toMatch(/is DONE/);
    const past = await hub.queryAs('social_worker', 'DE', REQUEST, { id, input: { language: 'uk', occasion: 'INTERVIEW', at: '2020-01-01T09:00:00Z' } });
    expect(past.body.errors![0].extensions?.field).toBe('input.at');

    const ACCOMMODATE = `mutation($id: ID!) { requestAccommodation(assignmentId: $id, input: { kind: TRAUMA_INFORMED, details: "Female interviewer" }) { accommodations { kind details } } }`;
    expect((await hub.queryAs('social_worker', 'DE', ACCOMMODATE, { id })).body.data.requestAccommodation.accommodations).toEqual([{ kind: 'TRAUMA_INFORMED', details: 'Female interviewer' }]);
    expect(errorCodes((await hub.queryAs('social_worker', 'AT', ACCOMMODATE, { id })).body)).toEqual({ requestAccommodation: 'NOT_FOUND' });
  });
});

describe('matching attorneys', () => {
  it('those accepting cases in the jurisdiction, speakers of the language first, then the least loaded', async () => {
    const MATCH = `query($l: [String!]!) { matchAttorneys(jurisdiction: "DE", languages: $l, matter: ASYLUM) { attorney { name } meets activeAssignments } }`;
    const res = await hub.queryAs('partner_system', 'DE', MATCH, { l: ['uk', 'ro'] });
    expect(res.body.errors).toBeUndefined();
    const names = res.body.data.matchAttorneys.map((m: any) => m.attorney.name);
    expect(names).not.toContain('Attorney 6');
    expect(names).not.toContain('Attorney 4');
    expect(names.slice(0, 2).sort()).toEqual(['Attorney 1', 'Attorney 3']);
    expect(res.body.data.matchAttorneys[0].meets).toContain('jurisdiction:DE');
    const bad = await hub.queryAs('partner_system', 'DE', MATCH, { l: ['Ukrainian'] });
    expect(errorCodes(bad.body)).toEqual({ matchAttorneys: 'BAD_USER_INPUT' });
  });

  it('costs the same finds, each by _id, whatever the number of attorneys', async () => {
    filters = [];
    const res = await hub.query(await hub.token('social_worker', 'DE'), `{ matchAttorneys(jurisdiction: "DE", languages: ["de"], first: 20) { attorney { name provider { name } } activeAssignments } }`, {}, { url: hub.subgraphs['legal-aid'].url });
    expect(res.body.errors).toBeUndefined();
    for (const filter of filters) expect(filter).toMatch(/:_id$/);
  });
});

describe('every wrong field of an input in one answer, nothing written', () => {
  const assignments = () => hub.subgraphs['legal-aid'].connection.collection('assignments');
  const stored = async (id: string) => assignments().findOne({ _id: id as never });

  it('assignLegalAid: a malformed victim id, jurisdiction and attorney id', async () => {
    const before = await assignments().countDocuments();
    const res = await hub.queryAs('social_worker', 'DE', ASSIGN, { v: 'x', input: { attorneyId: 'y', matter: 'ASYLUM', jurisdiction: 'Germany' } });
    expect(res.body.errors![0].extensions!.fields.map((f: { path: string }) => f.path)).toEqual(['victimId', 'input.jurisdiction', 'input.attorneyId']);
    expect(await assignments().countDocuments()).toBe(before);
  });

  it('recordRepresentationConsent and requestInterpretation: a future day or time and a wrong language', async () => {
    const res = await hub.queryAs('social_worker', 'DE', ASSIGN, { v: await registerVictim(hub, 'DE'), input: { attorneyId: A1._id, matter: 'ASYLUM', jurisdiction: 'DE' } });
    const id = res.body.data.assignLegalAid.id;
    const consent = await gql(asAttorney(A1), `mutation($id: ID!) { recordRepresentationConsent(assignmentId: $id, input: { givenOn: "2999-01-01", language: "Ukrainian", interpreterUsed: true }) { id } }`, { id });
    expect(consent.body.errors![0].extensions!.fields.map((f: { path: string }) => f.path)).toEqual(['input.givenOn', 'input.language']);
    expect((await stored(id))!.status).toBe('OFFERED');
    const interpret = await gql(asAttorney(A1), `mutation($id: ID!) { requestInterpretation(assignmentId: $id, input: { language: "Ukrainian", occasion: HEARING, at: "2020-01-01T09:00:00Z" }) { id } }`, { id });
    expect(interpret.body.errors![0].extensions!.fields.map((f: { path: string }) => f.path)).toEqual(['input.language', 'input.at']);
    expect((await stored(id))!.interpretations).toEqual([]);
  });
});
