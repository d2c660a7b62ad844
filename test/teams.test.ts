import { randomBytes } from 'node:crypto';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { registerVictim } from './support/victims';

// Joint investigation teams: set up by one party, active once every party joined; while
// active and within its dates, its members read the linked proceedings of the other
// parties — never evidence the provider restricted (H2, H3) — and that ends with removal,
// expiry or closure. Every read under a team is audited with the team as its basis.

let hub: TestHub;
let deProceeding: string;
let atProceeding: string;
const evidence: Record<string, string> = {};
const DAY = 86_400_000;

const as = async (role: string, jurisdiction: string, sub: string) => hub.token(role, jurisdiction, { sub });
const ask = async (token: string, query: string, variables: Record<string, unknown> = {}) => hub.query(token, query, variables);

const EXTENSION = `endsOn extensions { endsOn reason byJurisdiction approvedBy } pendingExtension { endsOn reason byJurisdiction approvedBy awaiting }`;
const CREATE = `mutation($input: CreateTeamInput!) { createJointInvestigationTeam(input: $input) { id status parties joined leaders { jurisdiction sub } members { sub role jurisdiction } } }`;
const JOIN = `mutation($id: ID!) { joinJointInvestigationTeam(teamId: $id) { status joined } }`;
const ADD = `mutation($id: ID!, $input: TeamMemberInput!) { addTeamMember(teamId: $id, input: $input) { members { sub role jurisdiction } } }`;
const REMOVE = `mutation($id: ID!, $sub: String!) { removeTeamMember(teamId: $id, sub: $sub) { members { sub } } }`;
const LINK = `mutation($id: ID!, $proceedingId: ID!) { linkProceeding(teamId: $id, proceedingId: $proceedingId) { proceedings { id } } }`;
const EXTEND = `mutation($id: ID!, $endsOn: String!, $reason: String!) { extendTeam(teamId: $id, endsOn: $endsOn, reason: $reason) { ${EXTENSION} } }`;
const APPROVE = `mutation($id: ID!, $endsOn: String!) { approveTeamExtension(teamId: $id, endsOn: $endsOn) { ${EXTENSION} } }`;
const CLOSE = `mutation($id: ID!) { closeTeam(teamId: $id, reason: "Investigation complete") { status closingReason } }`;
const TEAM = `query($id: ID!) { jointInvestigationTeam(id: $id) { id name status joined proceedings { id jurisdiction } } }`;
const READ = `query($id: ID!) { proceeding(id: $id) { id caseNumber jurisdiction charges evidence { id handlingCode description } } }`;

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
const teamInput = (overrides: Record<string, unknown> = {}) => ({ name: 'JIT Danube', parties: ['DE', 'AT'], purpose: 'Labour exploitation network', startsOn: today(), endsOn: inDays(365), ...overrides });

let teams = 0;

/**
 * A team of DE and AT with both parties joined and DE's proceeding linked: AT joins through
 * `at.prosecutor` and adds `at.officer` (subjects of this team only, so that teams of other
 * tests give them nothing).
 */
async function activeTeam(overrides: Record<string, unknown> = {}): Promise<{ id: string; prosecutor: string; officer: string }> {
  const n = ++teams;
  const at = { prosecutor: `pros-at-${n}`, officer: `officer-at-${n}` };
  const created = await ask(await as('prosecutor', 'DE', 'pros-de-1'), CREATE, { input: teamInput(overrides) });
  expect(created.body.errors).toBeUndefined();
  const id = created.body.data.createJointInvestigationTeam.id;
  expect((await ask(await as('prosecutor', 'AT', at.prosecutor), JOIN, { id })).body.data.joinJointInvestigationTeam).toEqual({ status: 'ACTIVE', joined: ['DE', 'AT'] });
  expect((await ask(await as('prosecutor', 'DE', 'pros-de-1'), LINK, { id, proceedingId: deProceeding })).body.errors).toBeUndefined();
  expect((await ask(await as('prosecutor', 'AT', at.prosecutor), ADD, { id, input: { sub: at.officer, role: 'law_enforcement' } })).body.errors).toBeUndefined();
  return { id, ...at };
}

beforeAll(async () => {
  hub = await startHub();
  const OPEN = `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`;
  const open = async (jurisdiction: string, caseNumber: string) => {
    const victim = await registerVictim(hub, jurisdiction);
    const res = await hub.queryAs('prosecutor', jurisdiction, OPEN, {
      input: { caseNumber, court: 'Court', kind: 'CRIMINAL', charges: ['Trafficking in human beings'], defendants: [], victimIds: [victim] },
    });
    return res.body.data.openProceeding.id as string;
  };
  deProceeding = await open('DE', 'DE-JIT-1');
  atProceeding = await open('AT', 'AT-JIT-1');
  const REGISTER = `mutation($id: ID!, $input: RegisterEvidenceInput!) { registerEvidence(proceedingId: $id, input: $input) { id } }`;
  for (const code of ['H0', 'H1', 'H2', 'H3']) {
    const res = await hub.queryAs('prosecutor', 'DE', REGISTER, {
      id: deProceeding,
      input: { kind: 'FINANCIAL', description: `Bank records ${code}`, contentHash: 'cd'.repeat(32), handlingCode: code, sourceReliability: 'B', informationAccuracy: 2 },
    });
    evidence[code] = res.body.data.registerEvidence.id;
  }
});
afterEach(() => hub.clock.reset());
afterAll(() => hub.stop());

describe('setting up a team', () => {
  it('is PENDING until every party joined, then ACTIVE; the creator leads for their party', async () => {
    const created = await ask(await as('judge', 'DE', 'judge-de-1'), CREATE, { input: teamInput({ parties: ['DE', 'AT', 'IT'] }) });
    const team = created.body.data.createJointInvestigationTeam;
    expect(team).toMatchObject({ status: 'PENDING', parties: ['DE', 'AT', 'IT'], joined: ['DE'], leaders: [{ jurisdiction: 'DE', sub: 'judge-de-1' }], members: [{ sub: 'judge-de-1', role: 'judge', jurisdiction: 'DE' }] });
    expect((await ask(await as('prosecutor', 'AT', 'pros-at-2'), JOIN, { id: team.id })).body.data.joinJointInvestigationTeam).toEqual({ status: 'PENDING', joined: ['DE', 'AT'] });
    const again = await ask(await as('judge', 'AT', 'judge-at-2'), JOIN, { id: team.id });
    expect(errorCodes(again.body)).toEqual({ joinJointInvestigationTeam: 'BAD_USER_INPUT' });
    expect((await ask(await as('prosecutor', 'IT', 'pros-it-1'), JOIN, { id: team.id })).body.data.joinJointInvestigationTeam).toEqual({ status: 'ACTIVE', joined: ['DE', 'AT', 'IT'] });
  });

  it('a jurisdiction that is no party finds no such team; other roles may not set one up', async () => {
    const { id } = await activeTeam();
    expect(errorCodes((await ask(await as('prosecutor', 'GR', 'pros-gr-1'), JOIN, { id })).body)).toEqual({ joinJointInvestigationTeam: 'NOT_FOUND' });
    expect((await ask(await as('judge', 'GR', 'judge-gr-1'), TEAM, { id })).body.data.jointInvestigationTeam).toBeNull();
    expect(errorCodes((await ask(await as('law_enforcement', 'DE', 'officer-de-1'), CREATE, { input: teamInput() })).body)).toEqual({ createJointInvestigationTeam: 'FORBIDDEN' });
  });

  test.each([
    ['one party only', { parties: ['DE'] }, 'input.parties', /at least two/],
    ['without the own jurisdiction', { parties: ['AT', 'IT'] }, 'input.parties', /your own jurisdiction DE/],
    ['a party that is no country', { parties: ['DE', 'XX'] }, 'input.parties[1]', /ISO 3166/],
    ['an end before the start', { startsOn: inDays(10), endsOn: inDays(5) }, 'input.endsOn', /before startsOn/],
    ['a date that does not exist', { startsOn: '2026-02-30' }, 'input.startsOn', /calendar date/],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, overrides, field, message) => {
    const res = await ask(await as('prosecutor', 'DE', 'pros-de-1'), CREATE, { input: teamInput(overrides) });
    expect(errorCodes(res.body)).toEqual({ createJointInvestigationTeam: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.field).toBe(field);
    expect(res.body.errors![0].message).toMatch(message);
  });

  it('a party links only its own proceedings, once it joined', async () => {
    const created = await ask(await as('prosecutor', 'DE', 'pros-de-1'), CREATE, { input: teamInput() });
    const id = created.body.data.createJointInvestigationTeam.id;
    const early = await ask(await as('prosecutor', 'AT', 'pros-at-1'), LINK, { id, proceedingId: atProceeding });
    expect(errorCodes(early.body)).toEqual({ linkProceeding: 'BAD_USER_INPUT' });
    expect(early.body.errors![0].message).toMatch(/AT has not joined/);
    const foreign = await ask(await as('prosecutor', 'DE', 'pros-de-1'), LINK, { id, proceedingId: atProceeding });
    expect(errorCodes(foreign.body)).toEqual({ linkProceeding: 'BAD_USER_INPUT' });
    expect(foreign.body.errors![0].message).toMatch(/no proceeding of DE/);
  });
});

describe('what a team opens', () => {
  it('members of another party read the linked proceeding; H2 and H3 evidence stays with its provider', async () => {
    const { id, prosecutor, officer } = await activeTeam();
    const res = await ask(await as('prosecutor', 'AT', prosecutor), READ, { id: deProceeding });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.proceeding).toMatchObject({ id: deProceeding, caseNumber: 'DE-JIT-1', jurisdiction: 'DE', charges: ['Trafficking in human beings'] });
    expect(res.body.data.proceeding.evidence.map((e: any) => e.handlingCode).sort()).toEqual(['H0', 'H1']);
    // Police read as the provider's own police do: the case, and only the items they hold.
    const police = await ask(await as('law_enforcement', 'AT', officer), `query($id: ID!) { proceeding(id: $id) { caseNumber charges evidence { id } } }`, { id: deProceeding });
    expect(police.body.errors).toBeUndefined();
    expect(police.body.data.proceeding.evidence.map((e: any) => e.id).sort()).toEqual([evidence.H0, evidence.H1].sort());
    const team = await ask(await as('law_enforcement', 'AT', officer), TEAM, { id });
    expect(team.body.data.jointInvestigationTeam.proceedings).toEqual([{ id: deProceeding, jurisdiction: 'DE' }]);
    // The provider's own prosecutors see every item.
    const own = await hub.queryAs('prosecutor', 'DE', READ, { id: deProceeding });
    expect(own.body.data.proceeding.evidence).toHaveLength(4);
  });

  it('non-members of the same jurisdictions, and members in another role, see nothing of it', async () => {
    const { prosecutor } = await activeTeam();
    for (const [role, sub] of [['prosecutor', 'pros-at-77'], ['law_enforcement', 'officer-at-77'], ['judge', prosecutor]]) {
      const res = await ask(await as(role, 'AT', sub), READ, { id: deProceeding });
      expect(res.body).toEqual({ data: { proceeding: null } });
    }
    const evidenceDirect = await ask(await as('prosecutor', 'AT', 'pros-at-77'), `query($id: ID!) { verifyCustody(evidenceId: $id) { valid } }`, { id: evidence.H0 });
    expect(errorCodes(evidenceDirect.body)).toEqual({ verifyCustody: 'NOT_FOUND' });
  });

  it('a member reads but may not act on another party’s proceeding', async () => {
    const { prosecutor } = await activeTeam();
    const res = await ask(await as('prosecutor', 'AT', prosecutor), `mutation($id: ID!) { advanceStage(proceedingId: $id, stage: PROSECUTION) { stage } }`, { id: deProceeding });
    expect(errorCodes(res.body)).toEqual({ advanceStage: 'NOT_FOUND' });
  });

  it('access ends on the next request after removal', async () => {
    const team = await activeTeam();
    const officer = await as('law_enforcement', 'AT', team.officer);
    const CASE = `query($id: ID!) { proceeding(id: $id) { id caseNumber } }`;
    expect((await ask(officer, CASE, { id: deProceeding })).body.data.proceeding).toEqual({ id: deProceeding, caseNumber: 'DE-JIT-1' });
    const foreign = await ask(await as('prosecutor', 'DE', 'pros-de-1'), REMOVE, { id: team.id, sub: team.officer });
    expect(errorCodes(foreign.body)).toEqual({ removeTeamMember: 'FORBIDDEN' });
    expect((await ask(await as('prosecutor', 'AT', team.prosecutor), REMOVE, { id: team.id, sub: team.officer })).body.errors).toBeUndefined();
    expect((await ask(officer, CASE, { id: deProceeding })).body.data.proceeding).toBeNull();
  });

  it('access ends after the last day, and again after an agreed extension runs out; the team shows EXPIRED', async () => {
    const { id, prosecutor } = await activeTeam({ endsOn: inDays(365) });
    const member = await as('prosecutor', 'AT', prosecutor);
    expect((await ask(member, EXTEND, { id, endsOn: inDays(400), reason: 'New lines of inquiry' })).body.errors).toBeUndefined();
    const agreed = await ask(await as('prosecutor', 'DE', 'pros-de-1'), APPROVE, { id, endsOn: inDays(400) });
    expect(agreed.body.data.approveTeamExtension).toEqual({
      endsOn: inDays(400),
      extensions: [{ endsOn: inDays(400), reason: 'New lines of inquiry', byJurisdiction: 'AT', approvedBy: ['AT', 'DE'] }],
      pendingExtension: null,
    });
    hub.clock.advance(380 * DAY);
    expect((await ask(member, READ, { id: deProceeding })).body.data.proceeding).not.toBeNull();
    hub.clock.advance(30 * DAY);
    expect((await ask(member, READ, { id: deProceeding })).body.data.proceeding).toBeNull();
    expect((await ask(member, TEAM, { id })).body.data.jointInvestigationTeam.status).toBe('EXPIRED');
    const late = await ask(member, EXTEND, { id, endsOn: inDays(800), reason: 'too late' });
    expect(errorCodes(late.body)).toEqual({ extendTeam: 'BAD_USER_INPUT' });
  });

  it('nothing opens before the first day or after closure', async () => {
    const created = await ask(await as('prosecutor', 'DE', 'pros-de-1'), CREATE, { input: teamInput({ startsOn: inDays(10) }) });
    const id = created.body.data.createJointInvestigationTeam.id;
    await ask(await as('prosecutor', 'AT', 'pros-at-later'), JOIN, { id });
    await ask(await as('prosecutor', 'DE', 'pros-de-1'), LINK, { id, proceedingId: deProceeding });
    const member = await as('prosecutor', 'AT', 'pros-at-later');
    expect((await ask(member, READ, { id: deProceeding })).body.data.proceeding).toBeNull();
    hub.clock.advance(10 * DAY);
    expect((await ask(member, READ, { id: deProceeding })).body.data.proceeding).not.toBeNull();
    const notLeader = await ask(await as('judge', 'DE', 'judge-de-5'), CLOSE, { id });
    expect(errorCodes(notLeader.body)).toEqual({ closeTeam: 'FORBIDDEN' });
    expect((await ask(await as('prosecutor', 'DE', 'pros-de-1'), CLOSE, { id })).body.data.closeTeam).toEqual({ status: 'CLOSED', closingReason: 'Investigation complete' });
    expect((await ask(member, READ, { id: deProceeding })).body.data.proceeding).toBeNull();
  });

  it('every read under a team is audited with the team as its basis', async () => {
    const { id, prosecutor } = await activeTeam();
    await ask(await as('prosecutor', 'AT', prosecutor), READ, { id: deProceeding });
    const events = await hub.subgraphs.proceedings.audit.events({ subjectId: deProceeding, action: 'READ' });
    const underTeam = events.filter((e) => e.bases.includes(`TEAM:${id}`));
    expect(underTeam.length).toBeGreaterThan(0);
    expect(underTeam[0]).toMatchObject({ subjectType: 'Proceeding', decision: 'ALLOW' });
  });
});

describe('extending a team (every party agrees)', () => {
  const deLeader = () => as('prosecutor', 'DE', 'pros-de-1');
  const teamOf = async (id: string) => (await ask(await deLeader(), `query($id: ID!) { jointInvestigationTeam(id: $id) { ${EXTENSION} } }`, { id })).body.data.jointInvestigationTeam;

  it('one party alone does not extend it: the answer says what awaits whom, and the team ends on its day', async () => {
    const { id, prosecutor } = await activeTeam({ endsOn: inDays(365) });
    const proposed = await ask(await deLeader(), EXTEND, { id, endsOn: inDays(400), reason: 'Financial analysis pending' });
    expect(proposed.body.errors).toBeUndefined();
    expect(proposed.body.data.extendTeam).toEqual({
      endsOn: inDays(365),
      extensions: [],
      pendingExtension: { endsOn: inDays(400), reason: 'Financial analysis pending', byJurisdiction: 'DE', approvedBy: ['DE'], awaiting: ['AT'] },
    });
    hub.clock.advance(370 * DAY);
    const member = await as('prosecutor', 'AT', prosecutor);
    expect((await ask(member, READ, { id: deProceeding })).body.data.proceeding).toBeNull();
    expect((await ask(member, TEAM, { id })).body.data.jointInvestigationTeam.status).toBe('EXPIRED');
    // A proposal does not outlive the team: approving it now is refused.
    expect(errorCodes((await ask(member, APPROVE, { id, endsOn: inDays(400) })).body)).toEqual({ approveTeamExtension: 'BAD_USER_INPUT' });
  });

  it('is in force once the leader of every party approved the same day, and each step is audited', async () => {
    const created = await ask(await deLeader(), CREATE, { input: teamInput({ parties: ['DE', 'AT', 'IT'] }) });
    const id = created.body.data.createJointInvestigationTeam.id;
    await ask(await as('prosecutor', 'AT', 'pros-at-3p'), JOIN, { id });
    await ask(await as('judge', 'IT', 'judge-it-3p'), JOIN, { id });
    await ask(await deLeader(), EXTEND, { id, endsOn: inDays(500), reason: 'Second phase' });
    const half = await ask(await as('prosecutor', 'AT', 'pros-at-3p'), APPROVE, { id, endsOn: inDays(500) });
    expect(half.body.data.approveTeamExtension).toMatchObject({ endsOn: inDays(365), pendingExtension: { approvedBy: ['DE', 'AT'], awaiting: ['IT'] } });
    const all = await ask(await as('judge', 'IT', 'judge-it-3p'), APPROVE, { id, endsOn: inDays(500) });
    expect(all.body.data.approveTeamExtension).toEqual({
      endsOn: inDays(500),
      extensions: [{ endsOn: inDays(500), reason: 'Second phase', byJurisdiction: 'DE', approvedBy: ['DE', 'AT', 'IT'] }],
      pendingExtension: null,
    });
    const events = await hub.subgraphs.proceedings.audit.events({ subjectType: 'JointInvestigationTeam', subjectId: id });
    const steps = events.map((e: any) => `${e.action}:${e.jurisdiction}`).filter((step) => /EXTEN/.test(step));
    expect(steps).toEqual(['TEAM_EXTENSION_PROPOSED:DE', 'TEAM_EXTENSION_APPROVED:AT', 'TEAM_EXTENSION_APPROVED:IT', 'TEAM_EXTENDED:IT']);
  });

  it('an agreed step is bounded: beyond TEAM_EXTENSION_MAX_MONTHS (12) is BAD_USER_INPUT naming the limit, nothing pending', async () => {
    const { id } = await activeTeam({ endsOn: inDays(365) });
    for (const endsOn of ['2099-12-31', inDays(365 + 370)]) {
      const res = await ask(await deLeader(), EXTEND, { id, endsOn, reason: 'Indefinitely' });
      expect(errorCodes(res.body)).toEqual({ extendTeam: 'BAD_USER_INPUT' });
      expect(res.body.errors![0].extensions?.field).toBe('endsOn');
      expect(res.body.errors![0].message).toMatch(/at most 12 months \(TEAM_EXTENSION_MAX_MONTHS\)/);
    }
    expect((await teamOf(id)).pendingExtension).toBeNull();
    expect((await ask(await deLeader(), EXTEND, { id, endsOn: inDays(365 + 330), reason: 'Within a year' })).body.errors).toBeUndefined();
  });

  it('an approval must name the pending day, once per party; a counter-proposal starts the agreement again', async () => {
    const { id, prosecutor } = await activeTeam({ endsOn: inDays(365) });
    const atLeader = await as('prosecutor', 'AT', prosecutor);
    expect(errorCodes((await ask(atLeader, APPROVE, { id, endsOn: inDays(400) })).body)).toEqual({ approveTeamExtension: 'BAD_USER_INPUT' });
    await ask(await deLeader(), EXTEND, { id, endsOn: inDays(500), reason: 'Long' });
    const other = await ask(atLeader, APPROVE, { id, endsOn: inDays(400) });
    expect(errorCodes(other.body)).toEqual({ approveTeamExtension: 'BAD_USER_INPUT' });
    expect(other.body.errors![0].message).toMatch(new RegExp(`pending proposal of DE is to ${inDays(500)}`));
    expect(errorCodes((await ask(await deLeader(), APPROVE, { id, endsOn: inDays(500) })).body)).toEqual({ approveTeamExtension: 'BAD_USER_INPUT' });
    const counter = await ask(atLeader, EXTEND, { id, endsOn: inDays(420), reason: 'Shorter' });
    expect(counter.body.data.extendTeam.pendingExtension).toMatchObject({ endsOn: inDays(420), approvedBy: ['AT'], awaiting: ['DE'] });
    expect((await ask(await deLeader(), APPROVE, { id, endsOn: inDays(420) })).body.data.approveTeamExtension.endsOn).toBe(inDays(420));
  });

  it('a non-party finds no such team (as for an unknown id); police members and non-leaders are refused; nothing is written', async () => {
    const { id, officer } = await activeTeam({ endsOn: inDays(365) });
    const unknown = randomBytes(16).toString('base64url');
    await ask(await deLeader(), ADD, { id, input: { sub: 'pros-de-member', role: 'prosecutor' } });
    const attempts: Array<[string, string, string, string]> = [
      ['prosecutor', 'GR', 'pros-gr-1', 'NOT_FOUND'],
      ['law_enforcement', 'AT', officer, 'FORBIDDEN'],
      ['judge', 'AT', 'judge-at-not-member', 'FORBIDDEN'],
      ['prosecutor', 'DE', 'pros-de-member', 'FORBIDDEN'],
    ];
    for (const [role, jurisdiction, sub, code] of attempts) {
      const caller = await as(role, jurisdiction, sub);
      for (const [field, query, variables] of [
        ['extendTeam', EXTEND, { endsOn: inDays(400), reason: 'Alone' }],
        ['approveTeamExtension', APPROVE, { endsOn: inDays(400) }],
      ] as const) {
        const real = await ask(caller, query, { id, ...variables });
        expect(errorCodes(real.body)).toEqual({ [field]: code });
        // Where the team is invisible, a real id answers exactly as an id that does not exist.
        if (code === 'NOT_FOUND' || role === 'law_enforcement') {
          const none = await ask(caller, query, { id: unknown, ...variables });
          expect(errorCodes(none.body)).toEqual({ [field]: code });
          expect(none.body.errors![0].message.replace(unknown, '<id>')).toBe(real.body.errors![0].message.replace(id, '<id>'));
        }
      }
    }
    expect(await teamOf(id)).toMatchObject({ endsOn: inDays(365), extensions: [], pendingExtension: null });
  });
});
