import { newId } from '../subgraphs/common/validate';
import { errorCodes, startHub, type GraphQLResponse, type TestHub } from './support/hub';
import { registerVictim } from './support/victims';

// No existence oracles in the shelters subgraph: whatever takes an id answers a record the
// caller may not know of — another jurisdiction's victim or placement, a placement its
// staff do not run, a victim who is not placed — exactly as an id nothing has (the same
// code and message, the id aside). Lists of placements and transports are refused to the
// roles that may never read one, and each listed one is audited.

let hub: TestHub;
let shelter: string;
/** A DE victim placed in the DE shelter; an IT victim who shares nothing with anyone; a DE victim placed nowhere. */
let placed: string;
let placement: string;
let foreign: string;
let unplaced: string;

const today = () => new Date().toISOString().slice(0, 10);
const REQUEST = `mutation($s: ID!, $v: ID!) { requestPlacement(shelterId: $s, victimId: $v, input: { from: "${today()}" }) { id } }`;
const ARRANGE = `mutation($h: ID!, $v: ID!) { arrangeTransport(hearingId: $h, victimId: $v, input: { pickupLocation: "Front door", escort: NGO, departAt: "2031-06-01T08:00:00Z" }) { id } }`;
const PLACEMENT_ENTITY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Placement { id } } }`;

function tokenOf(caller: string) {
  const [role, jurisdiction, org] = caller.split('/');
  return hub.token(role, jurisdiction, org ? { org } : {});
}

/** What the caller learns from an answer about `id`: codes and messages, with the id itself taken out. */
function learnt(res: GraphQLResponse, id: string) {
  return { status: res.status, data: res.body.data, errors: (res.body.errors ?? []).map((e) => ({ code: e.extensions?.code, path: e.path, message: e.message.replaceAll(id, '<id>') })) };
}

/** Asks the same question about a real id and about an id nothing has: the answers must be the same. */
async function sameAsUnknown(caller: string, real: string, ask: (id: string) => [string, Record<string, unknown>], url?: string) {
  const random = newId();
  const token = await tokenOf(caller);
  const [query, variables] = ask(real);
  const [, unknownVariables] = ask(random);
  const answers = [learnt(await hub.query(token, query, variables, { url }), real), learnt(await hub.query(token, query, unknownVariables, { url }), random)];
  expect([caller, answers[0]]).toEqual([caller, answers[1]]);
  return answers[0];
}

beforeAll(async () => {
  hub = await startHub();
  const registered = await hub.query(await tokenOf('registrar/DE'), `mutation($input: RegisterShelterInput!) { registerShelter(input: $input) { id } }`, {
    input: { name: 'Haus Rosa', operator: 'ngo-rosa', city: 'Bonn', capacity: 5, acceptsGenders: ['FEMALE'], maxStayDays: 90, languages: ['de'], securityLevel: 'STANDARD', address: 'Rosenweg 1', phone: '+49 228 1' },
  });
  shelter = registered.body.data.registerShelter.id;
  [placed, foreign, unplaced] = await Promise.all([registerVictim(hub, 'DE'), registerVictim(hub, 'IT'), registerVictim(hub, 'DE')]);
  placement = (await hub.query(await tokenOf('social_worker/DE'), REQUEST, { s: shelter, v: placed })).body.data.requestPlacement.id;
}, 60_000);
afterAll(() => hub.stop());

describe('mutations', () => {
  it('requestPlacement: a victim the caller may not see is not found, as an unknown one', async () => {
    expect((await sameAsUnknown('social_worker/DE', foreign, (v) => [REQUEST, { s: shelter, v }])).errors).toEqual([{ code: 'NOT_FOUND', path: ['requestPlacement'], message: 'Victim <id> was not found' }]);
    await sameAsUnknown('law_enforcement/AT', placed, (v) => [REQUEST, { s: shelter, v }]);
    await sameAsUnknown('shelter_staff/GR', placed, (v) => [REQUEST, { s: shelter, v }]);
    // An unknown shelter is not found either (every caller may know of every shelter).
    const unknownShelter = newId();
    const res = await hub.query(await tokenOf('social_worker/DE'), REQUEST, { s: unknownShelter, v: unplaced });
    expect(learnt(res, unknownShelter).errors).toEqual([{ code: 'NOT_FOUND', path: ['requestPlacement'], message: 'Shelter <id> was not found' }]);
  });

  it('arrangeTransport: another jurisdiction’s victim, a placement its staff do not run, a victim placed nowhere — all as an unknown victim', async () => {
    const hearing = newId();
    const notFound = [{ code: 'NOT_FOUND', path: ['arrangeTransport'], message: 'Active placement of victim <id> was not found' }];
    expect((await sameAsUnknown('social_worker/AT', placed, (v) => [ARRANGE, { h: hearing, v }])).errors).toEqual(notFound);
    expect((await sameAsUnknown('shelter_staff/DE/ngo-other', placed, (v) => [ARRANGE, { h: hearing, v }])).errors).toEqual(notFound);
    expect((await sameAsUnknown('social_worker/DE', unplaced, (v) => [ARRANGE, { h: hearing, v }])).errors).toEqual(notFound);
    expect((await sameAsUnknown('social_worker/DE', foreign, (v) => [ARRANGE, { h: hearing, v }])).errors).toEqual(notFound);
  });

  it.each([
    ['acceptPlacement', `mutation($p: ID!) { acceptPlacement(placementId: $p, note: "x") { id } }`, ['shelter_staff']],
    ['declinePlacement', `mutation($p: ID!) { declinePlacement(placementId: $p, reason: "x") { id } }`, ['shelter_staff']],
    ['confirmPlacement', `mutation($p: ID!) { confirmPlacement(placementId: $p) { id } }`, ['shelter_staff']],
    ['dischargePlacement', `mutation($p: ID!) { dischargePlacement(placementId: $p, reason: "x") { id } }`, ['shelter_staff', 'social_worker']],
    ['transferPlacement', `mutation($p: ID!) { transferPlacement(placementId: $p, toShelterId: "${'A'.repeat(22)}") { id } }`, ['shelter_staff', 'social_worker']],
  ])('%s: a placement the caller may not read is not found, as an unknown one', async (_field, mutation, roles) => {
    for (const caller of ['social_worker/AT', 'shelter_staff/DE/ngo-other', 'shelter_staff/AT/ngo-rosa', 'law_enforcement/DE', 'judge/DE', 'registrar/DE']) {
      const answer = await sameAsUnknown(caller, placement, (p) => [mutation, { p }]);
      const code = roles.includes(caller.split('/')[0]) ? 'NOT_FOUND' : 'FORBIDDEN'; // other roles: refused by role, whatever the id
      expect([caller, answer.errors.map((e) => e.code)]).toEqual([caller, [code]]);
    }
    expect((await hub.query(await tokenOf('social_worker/DE'), `query { shelter(id: "${shelter}") { occupancy } }`)).body.data.shelter.occupancy).toBe(1);
  });

  it('transferPlacement to an unknown shelter: not found, nothing moved', async () => {
    const to = newId();
    const res = await hub.query(await tokenOf('social_worker/DE'), `mutation($p: ID!, $to: ID!) { transferPlacement(placementId: $p, toShelterId: $to) { id } }`, { p: placement, to });
    expect(learnt(res, to).errors).toEqual([{ code: 'NOT_FOUND', path: ['transferPlacement'], message: 'Shelter <id> was not found' }]);
  });
});

describe('reads of placement ids', () => {
  it('_entities answers a placement the caller may not read as an unknown one: null', async () => {
    const url = hub.subgraphs.shelters.url;
    for (const caller of ['judge/DE', 'law_enforcement/DE', 'partner_system/DE', 'auditor/DE', 'prosecutor/DE', 'social_worker/AT', 'shelter_staff/DE/ngo-other']) {
      const answer = await sameAsUnknown(caller, placement, (id) => [PLACEMENT_ENTITY, { r: [{ __typename: 'Placement', id }] }], url);
      expect([caller, answer.data]).toEqual([caller, { _entities: [null] }]);
    }
    const staff = await hub.query(await tokenOf('shelter_staff/DE/ngo-rosa'), PLACEMENT_ENTITY, { r: [{ __typename: 'Placement', id: placement }] }, { url });
    expect(staff.body.data._entities).toEqual([{ id: placement }]);
  });

  it("a victim's placements: refused to roles that never read one, listed to those who may, each listing audited", async () => {
    const PLACEMENTS = `query($id: ID!) { victim(id: $id) { id placements { id } currentPlacement { id } } }`;
    for (const caller of ['judge/DE', 'prosecutor/DE', 'law_enforcement/DE', 'partner_system/DE', 'auditor/DE', 'legal_aid_attorney/DE']) {
      const res = await hub.query(await tokenOf(caller), PLACEMENTS, { id: placed });
      expect([caller, res.body.data.victim, errorCodes(res.body)]).toEqual([caller, { id: placed, placements: null, currentPlacement: null }, { 'victim.placements': 'FORBIDDEN', 'victim.currentPlacement': 'FORBIDDEN' }]);
    }
    const noPurpose = await hub.query(await tokenOf('social_worker/DE'), PLACEMENTS, { id: placed }, { headers: { 'x-purpose': '' } });
    expect(errorCodes(noPurpose.body)).toMatchObject({ 'victim.placements': 'FORBIDDEN' });
    // Staff of another organisation: nothing of a placement they do not run.
    expect((await hub.query(await tokenOf('shelter_staff/DE/ngo-other'), PLACEMENTS, { id: placed })).body.data.victim).toEqual({ id: placed, placements: [], currentPlacement: null });

    // Listed to the social workers of its jurisdiction: one READ of its id per request, with the basis.
    const events = async () =>
      (await hub.subgraphs.shelters.audit.events({ subjectType: 'Placement', subjectId: placement, action: 'READ', fields: 'id', role: 'social_worker', decision: 'ALLOW' })).length;
    const before = await events();
    const res = await hub.query(await tokenOf('social_worker/DE'), PLACEMENTS, { id: placed });
    expect(res.body.data.victim).toEqual({ id: placed, placements: [{ id: placement }], currentPlacement: { id: placement } });
    expect(await events()).toBe(before + 1);
  });

  it("a shelter's placements and a hearing's transport: the same", async () => {
    const hearing = newId();
    const TRANSPORT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Hearing { id transport { id } } } }`;
    for (const caller of ['judge/DE', 'prosecutor/DE', 'partner_system/DE', 'auditor/DE']) {
      const res = await hub.query(await tokenOf(caller), TRANSPORT, { r: [{ __typename: 'Hearing', id: hearing }] }, { url: hub.subgraphs.shelters.url });
      expect([caller, res.body.data._entities, errorCodes(res.body)]).toEqual([caller, [{ id: hearing, transport: null }], { '_entities.0.transport': 'FORBIDDEN' }]);
    }
    const staffOfOther = await hub.query(await tokenOf('shelter_staff/DE/ngo-other'), `query($id: ID!) { shelter(id: $id) { placements { id } } }`, { id: shelter });
    expect(errorCodes(staffOfOther.body)).toEqual({ 'shelter.placements': 'FORBIDDEN' });
  });
});
