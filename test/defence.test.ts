import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../platform/auth';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { registerVictim } from './support/victims';

// The defence (decision 111): a judge appoints counsel for one defendant; she reads the
// proceeding's summary and trial, its protective orders' terms (never whom they protect,
// the grounds, the reasons or where) and the evidence disclosed to her defendant, with its
// chain of custody; never a victim. Undisclosed items, and items disclosed to another
// defendant, answer to her as unknown ids; H2 and H3 items are disclosed only on a judge's
// order; an ended appointment loses it all; every read is audited with purpose DEFENCE.
// Through the gateway and on the proceedings subgraph directly.

let hub: TestHub;
let surfaces: Array<[string, string | undefined]>;
const unknownId = () => randomBytes(16).toString('base64url');

const OPEN = `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`;
const REGISTER = `mutation($id: ID!, $input: RegisterEvidenceInput!) { registerEvidence(proceedingId: $id, input: $input) { id } }`;
const CUSTODY = `mutation($id: ID!) { recordCustodyEvent(evidenceId: $id, input: { action: TRANSFERRED, fromCustodian: "prosecutor@de.example", toCustodian: "lab-de-1", note: "To the lab" }) { sequence } }`;
const APPOINT = `mutation($id: ID!, $input: AppointDefenceCounselInput!) { appointDefenceCounsel(proceedingId: $id, input: $input) { id proceedingId defendant counselSubject counselOrganisation appointedBy active } }`;
const END = `mutation($id: ID!) { endDefenceAppointment(appointmentId: $id, reason: "Counsel withdrew") { id active endReason } }`;
const ORDER = `mutation($id: ID!, $reasons: String!) { orderDisclosure(evidenceId: $id, reasons: $reasons) { id evidenceId reasons } }`;
const DISCLOSE = `mutation($id: ID!, $input: DiscloseEvidenceInput!) { discloseEvidence(evidenceId: $id, input: $input) { id defendant note disclosedBy evidence { id } order { id } } }`;
const DEADLINE = `mutation($id: ID!, $dueBy: String!) { setDisclosureDeadline(proceedingId: $id, dueBy: $dueBy) { id disclosureDueBy } }`;

/** Everything of a proceeding a client can ask. */
const EVERYTHING = `query($id: ID!) { proceeding(id: $id) {
  id kind stage jurisdiction openedAt closedAt caseNumber court charges defendants { alias } hearings { id } outcome convictedDefendants victims { id } precedents { id }
  protectiveOrders { id proceedingId kind urgency status requestedAt decisionDue overdue decidedAt decidedBy reasons protectedVictim { id } grounds protectedPersonLocation }
  evidence { id kind handlingCode description custody { sequence action } }
  disclosures { id defendant note disclosedAt disclosedBy evidence { id } order { id orderedAt orderedBy reasons } }
  disclosureDueBy defenceAppointments { id defendant counselSubject counselOrganisation active }
} }`;

const world = {
  proceeding: '',
  other: '', // a second DE proceeding she is not appointed in
  victim: '',
  order: '',
  items: {} as Record<'h0ToA' | 'h1ToB' | 'h2' | 'h3' | 'undisclosed', string>,
  appointment: '',
};
const COUNSEL_A = { sub: 'counsel-a', org: 'Kanzlei Adler' };
const counselToken = (claims: { sub: string; org: string } = COUNSEL_A, jurisdiction = 'DE') => hub.token('defence_counsel', jurisdiction, claims);
/** A request without X-Purpose: counsel's purpose is implied. */
const ask = async (token: string, query: string, variables: Record<string, unknown>, url?: string) => hub.query(token, query, variables, { url, headers: { 'x-purpose': '' } });
const ok = (res: { body: { data?: any; errors?: unknown } }) => {
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
};

async function openProceeding(jurisdiction: string, caseNumber: string, aliases: string[]) {
  const victim = await registerVictim(hub, jurisdiction);
  world.victim ||= victim; // the first proceeding's
  const input = { caseNumber, court: 'Landgericht Berlin', kind: 'CRIMINAL', charges: ['§ 232a StGB'], defendants: aliases.map((alias) => ({ alias, nationality: 'RO', gender: 'MALE' })), victimIds: [victim] };
  return ok(await hub.queryAs('prosecutor', jurisdiction, OPEN, { input })).openProceeding.id as string;
}
async function registerItem(proceeding: string, handlingCode: string, jurisdiction = 'DE') {
  const input = { kind: 'DOCUMENT', description: `Ledger ${handlingCode}`, contentHash: 'ab'.repeat(32), handlingCode, sourceReliability: 'B', informationAccuracy: 2 };
  return ok(await hub.queryAs('prosecutor', jurisdiction, REGISTER, { id: proceeding, input })).registerEvidence.id as string;
}
const judge = (jurisdiction = 'DE') => hub.token('judge', jurisdiction, { sub: 'judge-de-1' });
const prosecutor = (jurisdiction = 'DE') => hub.token('prosecutor', jurisdiction, { sub: 'pros-de-1' });
const appoint = async (proceeding: string, defendant: string, counsel: { sub: string; org: string }) =>
  ok(await hub.query(await judge(), APPOINT, { id: proceeding, input: { defendant, counselSubject: counsel.sub, counselOrganisation: counsel.org } })).appointDefenceCounsel;
const disclose = async (item: string, defendant: string) => ok(await hub.query(await prosecutor(), DISCLOSE, { id: item, input: { defendant, note: 'Copy served' } })).discloseEvidence;

beforeAll(async () => {
  hub = await startHub();
  surfaces = [
    ['gateway', undefined],
    ['proceedings subgraph', hub.subgraphs.proceedings.url],
  ];
  world.proceeding = await openProceeding('DE', 'DEF 1/26', ['Defendant A', 'Defendant B']);
  world.other = await openProceeding('DE', 'DEF 2/26', ['Defendant C']);
  const orderInput = { kind: 'NO_CONTACT', urgency: 'STANDARD', protectedVictimId: world.victim, grounds: 'Threats by Defendant A', protectedPersonLocation: 'Safe house, Berlin' };
  world.order = ok(await hub.queryAs('prosecutor', 'DE', `mutation($id: ID!, $input: RequestProtectiveOrderInput!) { requestProtectiveOrder(proceedingId: $id, input: $input) { id } }`, { id: world.proceeding, input: orderInput }))
    .requestProtectiveOrder.id;
  world.items = {
    h0ToA: await registerItem(world.proceeding, 'H0'),
    h1ToB: await registerItem(world.proceeding, 'H1'),
    h2: await registerItem(world.proceeding, 'H2'),
    h3: await registerItem(world.proceeding, 'H3'),
    undisclosed: await registerItem(world.proceeding, 'H0'),
  };
  ok(await hub.query(await prosecutor(), CUSTODY, { id: world.items.h0ToA }));
  world.appointment = (await appoint(world.proceeding, 'Defendant A', COUNSEL_A)).id;
  await disclose(world.items.h0ToA, 'Defendant A');
  await disclose(world.items.h1ToB, 'Defendant B');
  ok(await hub.query(await judge(), ORDER, { id: world.items.h2, reasons: 'The defence needs the intercept to cross-examine' }));
  await disclose(world.items.h2, 'Defendant A');
});
afterAll(() => hub.stop());

describe('who may act: role × jurisdiction, through the gateway and on the subgraph', () => {
  const JURISDICTIONS = ['DE', 'AT'];
  /** Each mutation: who may, and fresh arguments for one call (an allowed call changes things). */
  const TABLE: Record<string, { may: Role; query: string; args: () => Promise<Record<string, unknown>> }> = {
    appointDefenceCounsel: { may: 'judge', query: APPOINT, args: async () => ({ id: world.proceeding, input: { defendant: 'Defendant B', counselSubject: `c-${unknownId()}`, counselOrganisation: 'Kanzlei Berg' } }) },
    endDefenceAppointment: { may: 'judge', query: END, args: async () => ({ id: (await appoint(world.other, 'Defendant C', { sub: `c-${unknownId()}`, org: 'Kanzlei Berg' })).id }) },
    setDisclosureDeadline: { may: 'judge', query: DEADLINE, args: async () => ({ id: world.other, dueBy: '2031-06-30T12:00:00Z' }) },
    orderDisclosure: { may: 'judge', query: ORDER, args: async () => ({ id: world.items.h3, reasons: 'Table' }) },
    discloseEvidence: { may: 'prosecutor', query: DISCLOSE, args: async () => ({ id: await registerItem(world.other, 'H0'), input: { defendant: 'Defendant C' } }) },
  };

  test.each(Object.keys(TABLE))('%s', async (mutation) => {
    const { may, query, args } = TABLE[mutation];
    for (const [, url] of surfaces) {
      const answers: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const role of ROLES) {
        for (const jurisdiction of JURISDICTIONS) {
          const res = await hub.query(await hub.token(role, jurisdiction, { sub: `${role}-${jurisdiction}`, org: 'Kanzlei Berg' }), query, await args(), { url });
          answers[`${role} of ${jurisdiction}`] = res.body.errors ? String(res.body.errors[0].extensions?.code) : 'done';
          // Another role: FORBIDDEN; the role in another jurisdiction: as for an unknown id.
          expected[`${role} of ${jurisdiction}`] = role !== may ? 'FORBIDDEN' : jurisdiction === 'DE' ? 'done' : 'NOT_FOUND';
        }
      }
      expect({ url: url ?? 'gateway', answers }).toEqual({ url: url ?? 'gateway', answers: expected });
    }
  });
});

describe('what the appointed counsel reads', () => {
  test.each([['gateway'], ['proceedings subgraph']])('exactly the listed fields, through the %s', async (surface) => {
    const url = surface === 'gateway' ? undefined : hub.subgraphs.proceedings.url;
    const res = await ask(await counselToken(), EVERYTHING, { id: world.proceeding }, url);
    const p = res.body.data!.proceeding;
    const h2Disclosure = p.disclosures.findIndex((d: { evidence: { id: string } }) => d.evidence.id === world.items.h2);
    expect(errorCodes(res.body)).toEqual({
      'proceeding.outcome': 'FORBIDDEN',
      'proceeding.convictedDefendants': 'FORBIDDEN',
      'proceeding.victims': 'FORBIDDEN',
      'proceeding.precedents': 'FORBIDDEN',
      'proceeding.protectiveOrders.0.reasons': 'FORBIDDEN',
      'proceeding.protectiveOrders.0.protectedVictim': 'FORBIDDEN',
      'proceeding.protectiveOrders.0.grounds': 'FORBIDDEN',
      'proceeding.protectiveOrders.0.protectedPersonLocation': 'FORBIDDEN',
      [`proceeding.disclosures.${h2Disclosure}.order.reasons`]: 'FORBIDDEN',
    });
    expect(p).toMatchObject({ kind: 'CRIMINAL', stage: 'INVESTIGATION', jurisdiction: 'DE', caseNumber: 'DEF 1/26', court: 'Landgericht Berlin', charges: ['§ 232a StGB'], hearings: [] });
    expect(p.defendants.map((d: { alias: string }) => d.alias)).toEqual(['Defendant A', 'Defendant B']);
    expect({ victims: p.victims, grounds: p.protectiveOrders[0].grounds, location: p.protectiveOrders[0].protectedPersonLocation, protectedVictim: p.protectiveOrders[0].protectedVictim }).toEqual({
      victims: null,
      grounds: null,
      location: null,
      protectedVictim: null,
    });
    expect(p.protectiveOrders[0]).toMatchObject({ id: world.order, kind: 'NO_CONTACT', urgency: 'STANDARD', status: 'REQUESTED' });
    // Only what was disclosed to Defendant A, with its chain of custody.
    expect(p.evidence.map((e: { id: string }) => e.id).sort()).toEqual([world.items.h0ToA, world.items.h2].sort());
    expect(p.evidence.find((e: { id: string }) => e.id === world.items.h0ToA).custody.map((c: { action: string }) => c.action)).toEqual(['TRANSFERRED']);
    expect(p.disclosures.map((d: { defendant: string }) => d.defendant)).toEqual(['Defendant A', 'Defendant A']);
    expect(p.disclosures[h2Disclosure].order).toMatchObject({ orderedBy: 'judge-de-1', reasons: null });
    expect(p.defenceAppointments).toEqual([{ id: world.appointment, defendant: 'Defendant A', counselSubject: 'counsel-a', counselOrganisation: 'Kanzlei Adler', active: true }]);
  });

  test.each([['gateway'], ['proceedings subgraph']])('lists only her proceedings, through the %s', async (surface) => {
    const url = surface === 'gateway' ? undefined : hub.subgraphs.proceedings.url;
    const res = await ask(await counselToken(), `{ proceedings { totalCount edges { node { id caseNumber } } } }`, {}, url);
    expect(ok(res).proceedings).toEqual({ totalCount: 1, edges: [{ node: { id: world.proceeding, caseNumber: 'DEF 1/26' } }] });
  });

  it('undisclosed items, and items disclosed only to another defendant, answer as unknown ids (on the subgraph, by reference)', async () => {
    const read = (id: string) => `{ _entities(representations: [{ __typename: "Evidence", id: "${id}" }]) { ... on Evidence { id description } } }`;
    const token = await counselToken();
    const url = hub.subgraphs.proceedings.url;
    const unknown = await ask(token, read(unknownId()), {}, url);
    for (const id of [world.items.undisclosed, world.items.h1ToB, world.items.h3]) expect((await ask(token, read(id), {}, url)).body).toEqual(unknown.body);
    expect((await ask(token, read(world.items.h0ToA), {}, url)).body.data!._entities[0]).toEqual({ id: world.items.h0ToA, description: 'Ledger H0' });
  });

  it('never a victim: no list of victims, no victim by id, no proceedings of a victim', async () => {
    const token = await counselToken();
    const victims = await ask(token, `{ victims { edges { node { id } } } }`, {});
    expect(errorCodes(victims.body)).toEqual({ victims: 'FORBIDDEN' });
    const victim = await ask(token, `query($id: ID!) { victim(id: $id) { id caseReference gender } }`, { id: world.victim });
    expect(victim.body).toEqual({ data: { victim: null } });
    const direct = await ask(token, `{ _entities(representations: [{ __typename: "Victim", id: "${world.victim}" }]) { ... on Victim { proceedings { id } } } }`, {}, hub.subgraphs.proceedings.url);
    expect(errorCodes(direct.body)).toEqual({ '_entities.0.proceedings': 'FORBIDDEN' });
  });
});

describe('who is not the appointed counsel sees the proceeding as an unknown id', () => {
  const cases: Array<[string, () => Promise<string>]> = [
    ['counsel of another proceeding', () => counselToken({ sub: 'counsel-c', org: 'Kanzlei Adler' })],
    ['the same subject in another role (of another jurisdiction)', () => hub.token('legal_aid_attorney', 'AT', COUNSEL_A)],
    ['the same subject of another organisation', () => counselToken({ sub: 'counsel-a', org: 'Kanzlei Falsch' })],
  ];
  test.each(cases)('%s', async (_who, token) => {
    for (const [, url] of surfaces) {
      const seen = await hub.query(await token(), `query($id: ID!) { proceeding(id: $id) { id caseNumber } }`, { id: world.proceeding }, { url });
      const unknown = await hub.query(await token(), `query($id: ID!) { proceeding(id: $id) { id caseNumber } }`, { id: unknownId() }, { url });
      expect(seen.body).toEqual(unknown.body);
    }
  });
});

it('the same subject in a role of the jurisdiction reads only what that role reads (the appointment is not carried over)', async () => {
  const res = await hub.query(await hub.token('legal_aid_attorney', 'DE', COUNSEL_A), `query($id: ID!) { proceeding(id: $id) { stage caseNumber evidence { id } } }`, { id: world.proceeding });
  expect(errorCodes(res.body)).toEqual({ 'proceeding.caseNumber': 'FORBIDDEN', 'proceeding.evidence': 'FORBIDDEN' });
});

describe('disclosure', () => {
  it('an H2 or H3 item is refused without a judge’s order, naming the code and the missing order; allowed with one', async () => {
    for (const code of ['H2', 'H3']) {
      const item = await registerItem(world.proceeding, code);
      const refused = await hub.query(await prosecutor(), DISCLOSE, { id: item, input: { defendant: 'Defendant A' } });
      expect(errorCodes(refused.body)).toEqual({ discloseEvidence: 'FORBIDDEN' });
      expect(refused.body.errors![0].message).toBe(`Evidence ${item} has handling code ${code}: it is disclosed to the defence only on a judge's order (orderDisclosure), and there is none`);
      const order = ok(await hub.query(await judge(), ORDER, { id: item, reasons: 'Fair trial' })).orderDisclosure;
      expect(ok(await hub.query(await prosecutor(), DISCLOSE, { id: item, input: { defendant: 'Defendant A' } })).discloseEvidence.order).toEqual({ id: order.id });
    }
  });

  it('once per item and defendant: a second disclosure is refused naming the defendant; another defendant gets his own', async () => {
    const item = await registerItem(world.proceeding, 'H0');
    await disclose(item, 'Defendant A');
    const again = await hub.query(await prosecutor(), DISCLOSE, { id: item, input: { defendant: 'Defendant A' } });
    expect(again.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.defendant' });
    expect((await disclose(item, 'Defendant B')).defendant).toBe('Defendant B');
  });

  it('the prosecutor and the judge see every disclosure and the order’s reasons', async () => {
    const p = ok(await hub.query(await judge(), `query($id: ID!) { proceeding(id: $id) { disclosures { defendant order { reasons } } } }`, { id: world.proceeding })).proceeding;
    expect(new Set(p.disclosures.map((d: { defendant: string }) => d.defendant))).toEqual(new Set(['Defendant A', 'Defendant B']));
    expect(p.disclosures.some((d: { order: { reasons: string } | null }) => d.order?.reasons === 'The defence needs the intercept to cross-examine')).toBe(true);
  });

  it('the judge sets the deadline; the counsel reads it', async () => {
    ok(await hub.query(await judge(), DEADLINE, { id: world.proceeding, dueBy: '2031-01-31T12:00:00Z' }));
    const p = ok(await ask(await counselToken(), `query($id: ID!) { proceeding(id: $id) { disclosureDueBy } }`, { id: world.proceeding })).proceeding;
    expect(p.disclosureDueBy).toBe('2031-01-31T12:00:00.000Z');
  });
});

describe('bad input names the field', () => {
  const field = (res: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => [res.body.errors?.[0]?.extensions?.code, res.body.errors?.[0]?.extensions?.field];
  it.each([
    ['a defendant not of the proceeding', APPOINT, () => ({ id: world.proceeding, input: { defendant: 'Nobody', counselSubject: 'x', counselOrganisation: 'y' } }), 'input.defendant'],
    ['an empty counsel subject', APPOINT, () => ({ id: world.proceeding, input: { defendant: 'Defendant A', counselSubject: ' ', counselOrganisation: 'y' } }), 'input.counselSubject'],
    ['counsel already appointed in it (one defendant each)', APPOINT, () => ({ id: world.proceeding, input: { defendant: 'Defendant B', counselSubject: 'counsel-a', counselOrganisation: 'Kanzlei Adler' } }), 'input.counselSubject'],
    ['a malformed proceeding id', APPOINT, () => ({ id: 'nope', input: { defendant: 'Defendant A', counselSubject: 'x', counselOrganisation: 'y' } }), 'proceedingId'],
    ['a deadline that is no date-time', DEADLINE, () => ({ id: world.proceeding, dueBy: '31.01.2031' }), 'dueBy'],
    ['a deadline in the past', DEADLINE, () => ({ id: world.proceeding, dueBy: '2001-01-01T00:00:00Z' }), 'dueBy'],
    ['an order for an item that needs none', ORDER, () => ({ id: world.items.h0ToA, reasons: 'x' }), 'evidenceId'],
    ['an order without reasons', ORDER, () => ({ id: world.items.h3, reasons: '' }), 'reasons'],
  ])('%s', async (_what, query, args, named) => {
    const token = query === DISCLOSE ? await prosecutor() : await judge();
    expect(field(await hub.query(token, query, args()))).toEqual(['BAD_USER_INPUT', named]);
  });

  it('a disclosure to a defendant not of the proceeding', async () => {
    const res = await hub.query(await prosecutor(), DISCLOSE, { id: world.items.undisclosed, input: { defendant: 'Defendant C' } });
    expect(field(res)).toEqual(['BAD_USER_INPUT', 'input.defendant']);
  });
});

describe('every counsel read is audited with purpose DEFENCE; an ended appointment loses everything', () => {
  it('the auditor reads the counsel’s reads of the proceeding and the evidence, each with purpose DEFENCE and her appointment as basis', async () => {
    const token = await counselToken({ sub: 'counsel-audit', org: 'Kanzlei Adler' });
    const { id } = await appoint(world.other, 'Defendant C', { sub: 'counsel-audit', org: 'Kanzlei Adler' });
    const item = await registerItem(world.other, 'H0');
    await disclose(item, 'Defendant C');
    ok(await ask(token, `query($id: ID!) { proceeding(id: $id) { caseNumber charges evidence { id description } } }`, { id: world.other }));
    const trail = async (subjectType: string, subjectId: string) =>
      ok(
        await hub.query(
          await hub.token('auditor', 'DE'),
          `query($t: String!, $id: ID!) { auditTrail(subjectType: $t, subjectId: $id) { events(first: 100) { edges { node { action role purpose decision bases actor } } } } }`,
          { t: subjectType, id: subjectId },
        ),
      ).auditTrail.events.edges.map((e: { node: Record<string, unknown> }) => e.node);
    for (const [type, subject] of [['Proceeding', world.other], ['Evidence', item]]) {
      const reads = (await trail(type, subject)).filter((e: { actor: string }) => e.actor === 'counsel-audit');
      expect(reads.length).toBeGreaterThan(0);
      expect(reads.map((e: { purpose: string; role: string; decision: string; bases: string[] }) => [e.purpose, e.role, e.decision, e.bases])).toEqual(
        reads.map(() => ['DEFENCE', 'defence_counsel', 'ALLOW', [`${type === 'Proceeding' ? 'APPOINTED' : 'DISCLOSED'}:${id}`]]),
      );
    }
  });

  it('after the judge ends the appointment, the proceeding and its evidence answer as unknown ids', async () => {
    const counsel = { sub: 'counsel-ended', org: 'Kanzlei Adler' };
    const { id } = await appoint(world.proceeding, 'Defendant B', counsel);
    const read = `query($id: ID!) { proceeding(id: $id) { id caseNumber evidence { id } } }`;
    expect(ok(await ask(await counselToken(counsel), read, { id: world.proceeding })).proceeding.evidence.map((e: { id: string }) => e.id)).toContain(world.items.h1ToB);
    expect(ok(await hub.query(await judge(), END, { id })).endDefenceAppointment).toEqual({ id, active: false, endReason: 'Counsel withdrew' });
    for (const [, url] of surfaces) {
      const after = await ask(await counselToken(counsel), read, { id: world.proceeding }, url);
      expect(after.body).toEqual({ data: { proceeding: null } });
      const listed = await ask(await counselToken(counsel), `{ proceedings { totalCount edges { node { id } } } }`, {}, url);
      expect(ok(listed).proceedings).toEqual({ totalCount: 0, edges: [] });
    }
    const direct = await ask(await counselToken(counsel), `{ _entities(representations: [{ __typename: "Evidence", id: "${world.items.h1ToB}" }]) { ... on Evidence { id } } }`, {}, hub.subgraphs.proceedings.url);
    expect(direct.body).toEqual({ data: { _entities: [null] } });
    const again = await hub.query(await judge(), END, { id });
    expect(again.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'appointmentId' });
  });
});
