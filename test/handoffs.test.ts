import { PURPOSES } from '../platform/purposes';
import { newId } from '../subgraphs/common/validate';
import { errorCodes, startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { ACCEPT, ASSIGN, ATTORNEYS, asAttorney as asAttorneyOf, CONSENT, HAND_OFF, LEGAL_AID, ONE, REFUSE, seedDirectory, type TestAttorney } from './support/legal-aid';
import { grantConsent, registerVictim } from './support/victims';

// Files handed from an attorney to one in the next jurisdiction. A handoff carries only
// the categories the victim shares with that jurisdiction for legal representation; the
// receiving side sees the offer and nothing of the assignment before accepting; after
// accepting, the receiving attorney reads of the old assignment exactly what was carried,
// while the victim still shares it — by every path, through the gateway and on the legal
// aid subgraph directly.

let hub: TestHub;
const [A1, A2, A3, A4, A5, , A7] = ATTORNEYS;
const asAttorney = (a: TestAttorney) => asAttorneyOf(hub, a);
const gql = async (token: Promise<string>, query: string, variables: Record<string, unknown> = {}) => hub.query(await token, query, variables);
const WITHDRAW = `mutation($id: ID!) { withdrawConsent(consentId: $id) { id active } }`;
const NOTES = 'Moving to Berlin; trial in Tirana by video link';

beforeAll(async () => {
  hub = await startHub();
  await seedDirectory(hub);
});
afterAll(() => hub.stop());

/** An ACTIVE assignment of a DE victim to attorney 1 (assigned by a DE social worker, consent recorded). */
async function activeAssignment(victimId: string): Promise<string> {
  const res = await hub.queryAs('social_worker', 'DE', ASSIGN, { v: victimId, input: { attorneyId: A1._id, matter: 'CRIMINAL_PROCEEDING', jurisdiction: 'DE' } });
  const id = res.body.data.assignLegalAid.id;
  expect((await gql(asAttorney(A1), CONSENT, { id })).body.data.recordRepresentationConsent.status).toBe('ACTIVE');
  return id;
}

interface File {
  victim: string;
  from: string;
  consents: string[];
  handoff: string;
}

/**
 * A victim of AL, her ACTIVE assignment to attorney 7 (AL) with the representation
 * consent, an interpretation and an accommodation, and her consents naming DE (for legal
 * representation unless told).
 */
async function alFile(shares: Array<{ categories: string[]; purposes?: string[] }>): Promise<Omit<File, 'handoff'>> {
  const victim = await registerVictim(hub, 'AL');
  const from = (await hub.queryAs('social_worker', 'AL', ASSIGN, { v: victim, input: { attorneyId: A7._id, matter: 'CRIMINAL_PROCEEDING', jurisdiction: 'AL' } })).body.data.assignLegalAid.id;
  await gql(asAttorney(A7), CONSENT, { id: from });
  const interpret = `mutation($id: ID!) { requestInterpretation(assignmentId: $id, input: { language: "sq", occasion: HEARING, at: "2031-05-01T09:00:00Z" }) { id } }`;
  expect((await gql(asAttorney(A7), interpret, { id: from })).body.errors).toBeUndefined();
  const accommodate = `mutation($id: ID!) { requestAccommodation(assignmentId: $id, input: { kind: TRAUMA_INFORMED, details: "Female interviewer" }) { id } }`;
  expect((await hub.queryAs('social_worker', 'AL', accommodate, { id: from })).body.errors).toBeUndefined();
  const consents: string[] = [];
  for (const share of shares) consents.push(await grantConsent(hub, victim, 'AL', { granteeJurisdictions: ['DE'], purposes: ['LEGAL_REPRESENTATION'], ...share }));
  return { victim, from, consents };
}

/** Attorney 7 offers the file to attorney 1 (DE). */
const offer = (from: string, carried: string[]) =>
  gql(asAttorney(A7), HAND_OFF, { id: from, input: { toAttorneyId: A1._id, toJurisdiction: 'DE', reason: NOTES, transferCategories: carried } });

async function handedFile(shares: Array<{ categories: string[]; purposes?: string[] }>, carried: string[]): Promise<File> {
  const file = await alFile(shares);
  const offered = await offer(file.from, carried);
  expect(offered.body.errors).toBeUndefined();
  return { ...file, handoff: offered.body.data.handOff.id };
}

// ---- Reading the old assignment by every path ----

/** Each field of an assignment, and the carried category it needs (none: never carried). */
const CARRIED_FIELD: Record<string, string | null> = {
  matter: 'CASE',
  status: 'CASE',
  attorney: 'CASE',
  accommodations: 'HEALTH',
  representationConsent: 'TESTIMONY',
  interpretations: 'TESTIMONY',
  ...Object.fromEntries(['victim', 'jurisdiction', 'proceedingId', 'openedAt', 'closedAt', 'closingReason', 'handoffs'].map((f) => [f, null])),
};
const OLD = `id matter status attorney { name } accommodations { details } representationConsent { language } interpretations { language } victim { id } jurisdiction proceedingId openedAt closedAt closingReason handoffs { id }`;

interface Seen {
  by: string;
  res: GraphQLResponse;
  node: Record<string, unknown> | null;
  path: string;
}

type Node = Record<string, any>;
/** The entry with `id` in a list, and its path. */
function entry(list: Node[] | null | undefined, id: string, path: string, inner = ''): { node: Node | null; path: string } {
  const i = (list ?? []).findIndex((n) => n.id === id);
  return i < 0 ? { node: null, path } : { node: inner ? list![i][inner] : list![i], path: `${path}.${i}${inner ? `.${inner}` : ''}` };
}

/**
 * The old assignment as the token reads it: by id (gateway and subgraph), as an entity,
 * in the victim's legal aid (gateway and subgraph) and from its handoff (the offer before
 * acceptance, the new assignment's handoffs after).
 */
async function oldAssignmentBy(token: string, file: File, toAssignment?: string): Promise<Seen[]> {
  const subgraph = { url: hub.subgraphs['legal-aid'].url };
  const aid = `legalAid { current { ${OLD} } history { ${OLD} } }`;
  const [byId, byIdDirect, entity, victim, victimEntity, handoff] = await Promise.all([
    hub.query(token, `query($id: ID!) { legalAidAssignment(id: $id) { ${OLD} } }`, { id: file.from }),
    hub.query(token, `query($id: ID!) { legalAidAssignment(id: $id) { ${OLD} } }`, { id: file.from }, subgraph),
    hub.query(token, `query($r: [_Any!]!) { _entities(representations: $r) { ... on LegalAidAssignment { ${OLD} } } }`, { r: [{ __typename: 'LegalAidAssignment', id: file.from }] }, subgraph),
    hub.query(token, `query($id: ID!) { victim(id: $id) { ${aid} } }`, { id: file.victim }),
    hub.query(token, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { ${aid} } } }`, { r: [{ __typename: 'Victim', id: file.victim }] }, subgraph),
    toAssignment
      ? hub.query(token, `query($id: ID!) { legalAidAssignment(id: $id) { handoffs { id fromAssignment { ${OLD} } } } }`, { id: toAssignment })
      : hub.query(token, `{ offeredHandoffs { id fromAssignment { ${OLD} } } }`),
  ]);
  const inLegalAid = (legalAid: Node | null | undefined, path: string) => {
    const current = entry(legalAid?.current, file.from, `${path}.current`);
    return current.node ? current : entry(legalAid?.history, file.from, `${path}.history`);
  };
  const fromHandoff = toAssignment
    ? entry(handoff.body.data?.legalAidAssignment?.handoffs, file.handoff, 'legalAidAssignment.handoffs', 'fromAssignment')
    : entry(handoff.body.data?.offeredHandoffs, file.handoff, 'offeredHandoffs', 'fromAssignment');
  return [
    { by: 'legalAidAssignment (gateway)', res: byId, node: byId.body.data?.legalAidAssignment ?? null, path: 'legalAidAssignment' },
    { by: 'legalAidAssignment (subgraph)', res: byIdDirect, node: byIdDirect.body.data?.legalAidAssignment ?? null, path: 'legalAidAssignment' },
    { by: '_entities (subgraph)', res: entity, node: entity.body.data?._entities?.[0] ?? null, path: '_entities.0' },
    { by: 'Victim.legalAid (gateway)', res: victim, ...inLegalAid(victim.body.data?.victim?.legalAid, 'victim.legalAid') },
    { by: 'Victim.legalAid (subgraph)', res: victimEntity, ...inLegalAid(victimEntity.body.data?._entities?.[0]?.legalAid, '_entities.0.legalAid') },
    { by: 'handoff.fromAssignment (gateway)', res: handoff, ...fromHandoff },
  ];
}

/** By every path, nothing of the old assignment (not even that it exists). */
function expectHidden(seen: Seen[]): void {
  for (const { by, node } of seen) expect({ by, node }).toEqual({ by, node: null });
}

/** By every path, the fields of exactly these carried categories; every other field FORBIDDEN. */
function expectExactly(seen: Seen[], carried: string[]): void {
  const wanted = Object.fromEntries(Object.entries(CARRIED_FIELD).map(([field, category]) => [field, category !== null && carried.includes(category) ? 'read' : 'FORBIDDEN']));
  for (const { by, res, node, path } of seen) {
    expect({ by, found: node !== null }).toEqual({ by, found: true });
    const codes = errorCodes(res.body);
    const got = Object.fromEntries(Object.keys(CARRIED_FIELD).map((field) => [field, node![field] !== null && !codes[`${path}.${field}`] ? 'read' : (codes[`${path}.${field}`] ?? 'null')]));
    expect({ by, fields: got }).toEqual({ by, fields: wanted });
  }
}

describe('offering and answering a handoff', () => {
  it('carries only what the victim shares with the receiving jurisdiction for legal representation; accepted, it opens an assignment there, OFFERED until the representation consent, and hands off the old one', async () => {
    const victim = await registerVictim(hub, 'DE');
    const from = await activeAssignment(victim);
    const input = { toAttorneyId: A4._id, toJurisdiction: 'AT', reason: 'Repatriation to Vienna; speaks Ukrainian', transferCategories: ['CASE', 'IDENTITY', 'HEALTH'] };
    const beyond = await gql(asAttorney(A1), HAND_OFF, { id: from, input });
    expect(errorCodes(beyond.body)).toEqual({ handOff: 'BAD_USER_INPUT' });
    expect(beyond.body.errors![0].extensions?.field).toBe('input.transferCategories[1]');
    expect(beyond.body.errors![0].message).toMatch(/IDENTITY: the victim has not consented to share it with AT for LEGAL_REPRESENTATION/);
    await grantConsent(hub, victim, 'DE', { categories: ['IDENTITY', 'HEALTH'], granteeJurisdictions: ['AT'], purposes: PURPOSES });
    expect(errorCodes((await gql(asAttorney(A2), HAND_OFF, { id: from, input })).body)).toEqual({ handOff: 'FORBIDDEN' });
    const offered = await gql(asAttorney(A1), HAND_OFF, { id: from, input });
    expect(offered.body.data.handOff).toMatchObject({ status: 'OFFERED', toJurisdiction: 'AT', transferCategories: ['CASE', 'IDENTITY', 'HEALTH'] });
    const handoff = offered.body.data.handOff.id;
    expect((await gql(asAttorney(A1), ONE, { id: from })).body.data.legalAidAssignment.status).toBe('ACTIVE');
    // Another attorney of the sending jurisdiction knows of it, but may not take it; one of a third jurisdiction does not know of it.
    expect(errorCodes((await gql(asAttorney(A3), ACCEPT, { id: handoff })).body)).toEqual({ acceptHandoff: 'FORBIDDEN' });
    expect(errorCodes((await hub.query(await hub.token('legal_aid_attorney', 'IT', { sub: A4.practitionerId }), ACCEPT, { id: handoff })).body)).toEqual({ acceptHandoff: 'NOT_FOUND' });

    // An attorney of the receiving provider may take it for the receiving attorney, and reads nothing of the old assignment.
    const accepted = await gql(asAttorney(A5), ACCEPT, { id: handoff });
    expect(accepted.body.errors).toBeUndefined();
    const { toAssignment, fromAssignment } = accepted.body.data.acceptHandoff;
    expect(accepted.body.data.acceptHandoff.status).toBe('ACCEPTED');
    expect(toAssignment).toMatchObject({ status: 'OFFERED', jurisdiction: 'AT' });
    expect(fromAssignment).toBeNull();
    expect(errorCodes((await gql(asAttorney(A4), ACCEPT, { id: handoff })).body)).toEqual({ acceptHandoff: 'BAD_USER_INPUT' });
    // Linked both ways, for the receiving attorney.
    const LINKS = `query($id: ID!) { legalAidAssignment(id: $id) { handoffs { id fromAssignment { id status } toAssignment { id } } } }`;
    const back = await gql(asAttorney(A4), LINKS, { id: toAssignment.id });
    expect(back.body.data.legalAidAssignment.handoffs).toEqual([{ id: handoff, fromAssignment: { id: from, status: 'HANDED_OFF' }, toAssignment: { id: toAssignment.id } }]);
    // TESTIMONY was not carried: not the representation consent. The victim's legal aid moved with her.
    expect(errorCodes((await gql(asAttorney(A4), ONE, { id: from })).body)).toMatchObject({ 'legalAidAssignment.representationConsent': 'FORBIDDEN' });
    const aid = await hub.queryAs('social_worker', 'DE', LEGAL_AID, { id: victim });
    expect(aid.body.data.victim.legalAid.history).toEqual([{ id: from, status: 'HANDED_OFF' }]);
  });

  it('refused, the old assignment stays ACTIVE and can be offered again', async () => {
    const victim = await registerVictim(hub, 'DE');
    const from = await activeAssignment(victim);
    const input = { toAttorneyId: A2._id, toJurisdiction: 'DE', reason: 'Moving', transferCategories: ['CASE', 'TESTIMONY'] };
    const first = (await gql(asAttorney(A1), HAND_OFF, { id: from, input })).body.data.handOff.id;
    expect(errorCodes((await gql(asAttorney(A1), HAND_OFF, { id: from, input })).body)).toEqual({ handOff: 'BAD_USER_INPUT' });
    expect((await gql(asAttorney(A2), REFUSE, { id: first })).body.data.refuseHandoff).toEqual({ id: first, status: 'REFUSED' });
    expect((await gql(asAttorney(A1), ONE, { id: from })).body.data.legalAidAssignment.status).toBe('ACTIVE');
    expect((await gql(asAttorney(A1), HAND_OFF, { id: from, input })).body.errors).toBeUndefined();
  });

  it("what was carried is readable: after AL → DE carrying IDENTITY the DE attorney reads her client's name, until the consent is withdrawn", async () => {
    const file = await alFile([{ categories: ['IDENTITY'], purposes: ['REPATRIATION'] }]);
    // Shared with DE, but not for legal representation: not carried (she could not read it).
    const refused = await offer(file.from, ['CASE', 'IDENTITY']);
    expect(errorCodes(refused.body)).toEqual({ handOff: 'BAD_USER_INPUT' });
    expect(refused.body.errors![0].extensions?.field).toBe('input.transferCategories[1]');
    const consent = await grantConsent(hub, file.victim, 'AL', { categories: ['IDENTITY'], granteeJurisdictions: ['DE'], purposes: ['LEGAL_REPRESENTATION'] });
    const handoff = (await offer(file.from, ['CASE', 'IDENTITY'])).body.data.handOff.id;
    expect((await gql(asAttorney(A1), ACCEPT, { id: handoff })).body.errors).toBeUndefined();
    const NAME = `query($id: ID!) { victim(id: $id) { legalName legalAid { current { attorney { name } } } } }`;
    const read = await gql(asAttorney(A1), NAME, { id: file.victim });
    expect(read.body).toEqual({ data: { victim: { legalName: 'Test Person', legalAid: { current: [{ attorney: { name: 'Attorney 1' } }] } } } });
    expect((await gql(asAttorney(A1), WITHDRAW, { id: consent })).body.errors).toBeDefined(); // consents are recorded by the victim's own jurisdiction
    expect((await hub.queryAs('social_worker', 'AL', WITHDRAW, { id: consent })).body.errors).toBeUndefined();
    const after = await gql(asAttorney(A1), NAME, { id: file.victim });
    expect(errorCodes(after.body)).toEqual({ 'victim.legalName': 'FORBIDDEN' });
  });
});

describe('before acceptance: the offer, nothing of the assignment', () => {
  it('the receiving side sees who offers which categories and when, by every path nothing of the assignment, as for an unknown id', async () => {
    const file = await handedFile([{ categories: ['IDENTITY', 'HEALTH', 'TESTIMONY'] }], ['CASE', 'HEALTH', 'TESTIMONY']);
    const OFFERS = `{ offeredHandoffs { id fromAttorney { name } fromJurisdiction toJurisdiction transferCategories status offeredAt fromAssignment { id } } }`;
    for (const who of [A1, A2]) {
      for (const url of [hub.gateway.url, hub.subgraphs['legal-aid'].url]) {
        const offers = await hub.query(await asAttorney(who), OFFERS, {}, { url });
        expect(offers.body.errors).toBeUndefined();
        expect(offers.body.data.offeredHandoffs.find((h: { id: string }) => h.id === file.handoff)).toEqual({
          id: file.handoff,
          fromAttorney: { name: 'Attorney 7' },
          fromJurisdiction: 'AL',
          toJurisdiction: 'DE',
          transferCategories: ['CASE', 'HEALTH', 'TESTIMONY'],
          status: 'OFFERED',
          offeredAt: expect.any(String),
          fromAssignment: null,
        });
      }
      expectHidden(await oldAssignmentBy(await asAttorney(who), file));
    }
    // Another provider of DE is not offered it.
    const other = await gql(asAttorney(A3), OFFERS);
    expect(other.body.data.offeredHandoffs.map((h: { id: string }) => h.id)).not.toContain(file.handoff);
    // The old assignment answers exactly as an id that does not exist.
    const unknown = newId();
    for (const url of [hub.gateway.url, hub.subgraphs['legal-aid'].url]) {
      const ask = async (id: string) => (await hub.query(await asAttorney(A1), `query($id: ID!) { legalAidAssignment(id: $id) { ${OLD} } }`, { id }, { url })).body;
      expect(await ask(file.from)).toEqual(await ask(unknown));
    }
  });

  it('the reason is read by the receiving attorney only while the victim shares TESTIMONY with her jurisdiction for legal representation', async () => {
    const file = await handedFile([{ categories: ['HEALTH'] }, { categories: ['TESTIMONY'], purposes: ['VICTIM_SUPPORT'] }], ['CASE', 'HEALTH']);
    const REASON = `{ offeredHandoffs { id reason } }`;
    const reason = async (who: TestAttorney, url = hub.gateway.url) => {
      const res = await hub.query(await asAttorney(who), REASON, {}, { url });
      const i = res.body.data.offeredHandoffs.findIndex((h: { id: string }) => h.id === file.handoff);
      return { reason: res.body.data.offeredHandoffs[i].reason, code: errorCodes(res.body)[`offeredHandoffs.${i}.reason`] ?? null };
    };
    expect(await reason(A1)).toEqual({ reason: null, code: 'FORBIDDEN' });
    const testimony = await grantConsent(hub, file.victim, 'AL', { categories: ['TESTIMONY'], granteeJurisdictions: ['DE'], purposes: ['LEGAL_REPRESENTATION'] });
    for (const url of [hub.gateway.url, hub.subgraphs['legal-aid'].url]) expect(await reason(A1, url)).toEqual({ reason: NOTES, code: null });
    expect(await reason(A2)).toEqual({ reason: null, code: 'FORBIDDEN' }); // the notes are for the receiving attorney
    await hub.queryAs('social_worker', 'AL', WITHDRAW, { id: testimony });
    expect(await reason(A1, hub.subgraphs['legal-aid'].url)).toEqual({ reason: null, code: 'FORBIDDEN' });
    // The handing attorney reads her own notes.
    const own = await gql(asAttorney(A7), `query($id: ID!) { legalAidAssignment(id: $id) { handoffs { reason } } }`, { id: file.from });
    expect(own.body.data.legalAidAssignment.handoffs).toEqual([{ reason: NOTES }]);
  });
});

describe('after acceptance: exactly what was carried, while the victim shares it', () => {
  it('the receiving attorney reads the carried categories by every path, the rest FORBIDDEN; her colleagues and other purposes nothing', async () => {
    // TESTIMONY is shared with DE, but this handoff does not carry it.
    const file = await handedFile([{ categories: ['IDENTITY', 'HEALTH', 'TESTIMONY'] }], ['CASE', 'HEALTH']);
    const accepted = await gql(asAttorney(A1), `mutation($id: ID!) { acceptHandoff(handoffId: $id) { toAssignment { id } fromAssignment { ${OLD} } } }`, { id: file.handoff });
    const to = accepted.body.data.acceptHandoff.toAssignment.id;
    expectExactly([{ by: 'acceptHandoff', res: accepted, node: accepted.body.data.acceptHandoff.fromAssignment, path: 'acceptHandoff.fromAssignment' }], ['CASE', 'HEALTH']);
    expectExactly(await oldAssignmentBy(await asAttorney(A1), file, to), ['CASE', 'HEALTH']);
    expect((await gql(asAttorney(A1), ONE, { id: to })).body.data.legalAidAssignment).toMatchObject({ id: to, status: 'OFFERED', jurisdiction: 'DE' });
    expect((await gql(asAttorney(A1), CONSENT, { id: to })).body.data.recordRepresentationConsent).toEqual({ id: to, status: 'ACTIVE' });
    // An attorney of the same provider, a DE social worker, the receiving attorney for another purpose: nothing of it.
    expectHidden(await oldAssignmentBy(await asAttorney(A2), file, to));
    expect((await hub.queryAs('social_worker', 'DE', ONE, { id: file.from })).body.data).toEqual({ legalAidAssignment: null });
    const otherPurpose = await hub.query(await asAttorney(A1), ONE, { id: file.from }, { headers: { 'x-purpose': 'VICTIM_SUPPORT' } });
    expect(otherPurpose.body.data).toEqual({ legalAidAssignment: null });
    // Logged on what it was released: the handoff and the consent behind it.
    const events = await hub.subgraphs['legal-aid'].audit.events({ subjectType: 'LegalAidAssignment', subjectId: file.from, action: 'READ', actor: A1.practitionerId });
    expect(events.flatMap((e) => e.bases)).toContain(`HANDOFF:${file.handoff}/CONSENT:${file.consents[0]}`);
  });

  it('withdrawing a consent closes what it backed on the next request', async () => {
    const file = await handedFile([{ categories: ['HEALTH'] }, { categories: ['TESTIMONY'] }], ['CASE', 'HEALTH', 'TESTIMONY']);
    const to = (await gql(asAttorney(A1), ACCEPT, { id: file.handoff })).body.data.acceptHandoff.toAssignment.id;
    expectExactly(await oldAssignmentBy(await asAttorney(A1), file, to), ['CASE', 'HEALTH', 'TESTIMONY']);
    await hub.queryAs('social_worker', 'AL', WITHDRAW, { id: file.consents[0] });
    expectExactly(await oldAssignmentBy(await asAttorney(A1), file, to), ['CASE', 'TESTIMONY']);
    await hub.queryAs('social_worker', 'AL', WITHDRAW, { id: file.consents[1] });
    expectHidden(await oldAssignmentBy(await asAttorney(A1), file, to));
  });

  it("within the victim's own jurisdiction a handoff carries what it names, without a consent", async () => {
    const victim = await registerVictim(hub, 'DE');
    const from = await activeAssignment(victim);
    const handoff = (await gql(asAttorney(A1), HAND_OFF, { id: from, input: { toAttorneyId: A3._id, toJurisdiction: 'DE', reason: 'Conflict of interest', transferCategories: ['CASE', 'TESTIMONY'] } })).body.data.handOff.id;
    const file = { victim, from, handoff, consents: [] };
    // Records of its own jurisdiction are known to every caller there (common/access.ts); their fields are not.
    expectExactly(await oldAssignmentBy(await asAttorney(A3), file), []);
    const to = (await gql(asAttorney(A3), ACCEPT, { id: handoff })).body.data.acceptHandoff.toAssignment.id;
    expectExactly(await oldAssignmentBy(await asAttorney(A3), file, to), ['CASE', 'TESTIMONY']);
  });
});
