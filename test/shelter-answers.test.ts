import { errorCodes, startHub, type TestHub } from './support/hub';
import { shelterInput, unique } from './support/records';
import { registerVictim } from './support/victims';

// The shelter answers for itself: a registrar registers it naming its operator; its staff
// (shelter_staff of its jurisdiction whose org is the operator) accept or decline a
// placement request and confirm the arrival; an unanswered request expires after
// PLACEMENT_REQUEST_HOURS (48) on the hub's clock and frees its bed; `me.shelters` lists
// the shelters the caller is staff of.

let hub: TestHub;
const HOUR = 3_600_000;

const REGISTER = `mutation($input: RegisterShelterInput!) { registerShelter(input: $input) { id jurisdiction operator } }`;
const REQUEST = `mutation($s: ID!, $v: ID!, $from: String!) { requestPlacement(shelterId: $s, victimId: $v, input: { from: $from, needs: [PSYCHOLOGICAL] }) { id status requestExpiresAt } }`;
/** A stay from tomorrow, on the hub's clock (tests move it). */
const tomorrow = () => new Date(hub.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
const ACCEPT = `mutation($p: ID!) { acceptPlacement(placementId: $p, note: "Arrive after 6 pm") { id status acceptedAt acceptanceNote } }`;
const DECLINE = `mutation($p: ID!) { declinePlacement(placementId: $p, reason: "No room for her needs") { id status endReason } }`;
const CONFIRM = `mutation($p: ID!) { confirmPlacement(placementId: $p) { id status confirmedAt } }`;
const BEDS = `query($id: ID!) { shelter(id: $id) { occupancy availableBeds } }`;
const PLACEMENTS = `query($id: ID!) { victim(id: $id) { placements { id status endReason requestExpiresAt } currentPlacement { id } } }`;

const input = (overrides: Record<string, unknown> = {}) =>
  shelterInput({ name: `Haus ${unique()}`, operator: 'ngo-answer', city: 'Bonn', capacity: 2, languages: ['de'], address: 'Lindenweg 4', phone: '+49 228 5', ...overrides });

const token = (caller: string) => {
  const [role, jurisdiction, org] = caller.split('/');
  return hub.token(role, jurisdiction, org ? { org } : {});
};
const as = async (caller: string, query: string, variables: Record<string, unknown> = {}, url?: string) => hub.query(await token(caller), query, variables, { url });

async function shelter(overrides: Record<string, unknown> = {}, registrar = 'registrar/DE'): Promise<string> {
  const res = await as(registrar, REGISTER, { input: input(overrides) });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.registerShelter.id;
}

async function requested(shelterId: string): Promise<{ placement: string; victim: string }> {
  const victim = await registerVictim(hub, 'DE');
  const res = await as('social_worker/DE', REQUEST, { s: shelterId, v: victim, from: tomorrow() });
  expect(res.body.errors).toBeUndefined();
  return { placement: res.body.data.requestPlacement.id, victim };
}

const auditEvents = async (placement: string, action: string) => (await hub.subgraphs.shelters.audit.events({ subjectType: 'Placement', subjectId: placement, action })).length;

beforeAll(async () => {
  hub = await startHub();
}, 60_000);
afterEach(() => hub.clock.reset());
afterAll(() => hub.stop());

describe('registerShelter: the registrar of the jurisdiction, naming the operator', () => {
  it('a registrar registers one in its jurisdiction, run by the named operator', async () => {
    const res = await as('registrar/DE', REGISTER, { input: input({ operator: 'ngo-lotus' }) });
    expect(res.body.data.registerShelter).toMatchObject({ jurisdiction: 'DE', operator: 'ngo-lotus' });
  });

  it.each(['shelter_staff/DE/ngo-answer', 'social_worker/DE', 'partner_system/DE', 'law_enforcement/DE', 'accreditation_officer/DE'])('%s may not register one (gateway and subgraph)', async (caller) => {
    for (const url of [undefined, hub.subgraphs.shelters.url]) {
      expect(errorCodes((await as(caller, REGISTER, { input: input() }, url)).body)).toEqual({ registerShelter: 'FORBIDDEN' });
    }
  });

  it('no token: UNAUTHENTICATED', async () => {
    expect((await hub.query(null, REGISTER, { input: input() })).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("a registrar of another jurisdiction does not register one in DE; nothing written", async () => {
    const name = `Haus Fremd ${Date.now()}`;
    const res = await as('registrar/AT', REGISTER, { input: input({ name, jurisdiction: 'DE' }) });
    expect(errorCodes(res.body)).toEqual({ registerShelter: 'FORBIDDEN' });
    expect(await hub.subgraphs.shelters.connection.collection('shelters').countDocuments({ name })).toBe(0);
  });

  it('every wrong field in one BAD_USER_INPUT; nothing written', async () => {
    const name = `Haus Falsch ${Date.now()}`;
    const res = await as('registrar/DE', REGISTER, { input: input({ name, operator: ' ', jurisdiction: 'Germany', capacity: 0, languages: ['Deutsch'] }) });
    expect(errorCodes(res.body)).toEqual({ registerShelter: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.fields.map((f: { path: string }) => f.path)).toEqual(['input.operator', 'input.jurisdiction', 'input.capacity', 'input.languages[0]']);
    expect(await hub.subgraphs.shelters.connection.collection('shelters').countDocuments({ name })).toBe(0);
  });
});

describe('accept and decline: staff of that shelter only', () => {
  it('staff of another shelter or jurisdiction do not find it; other roles are refused; its staff accept (gateway and subgraph)', async () => {
    const s = await shelter();
    await shelter({ operator: 'ngo-other' });
    const { placement } = await requested(s);
    for (const url of [undefined, hub.subgraphs.shelters.url]) {
      for (const [caller, code] of [
        ['shelter_staff/DE/ngo-other', 'NOT_FOUND'],
        ['shelter_staff/AT/ngo-answer', 'NOT_FOUND'],
        ['social_worker/DE', 'FORBIDDEN'],
        ['law_enforcement/DE', 'FORBIDDEN'],
        ['registrar/DE', 'FORBIDDEN'],
        ['partner_system/DE', 'FORBIDDEN'],
      ]) {
        for (const mutation of [ACCEPT, DECLINE]) expect([caller, errorCodes((await as(caller, mutation, { p: placement }, url)).body)]).toEqual([caller, { [mutation === ACCEPT ? 'acceptPlacement' : 'declinePlacement']: code }]);
      }
      expect((await hub.query(null, ACCEPT, { p: placement }, { url })).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    // The same org in another jurisdiction is not its staff: not even its address.
    const ADDRESS = `query($id: ID!) { shelter(id: $id) { address } }`;
    expect((await as('shelter_staff/DE/ngo-answer', ADDRESS, { id: s })).body.data.shelter.address).toBe('Lindenweg 4');
    expect(errorCodes((await as('shelter_staff/AT/ngo-answer', ADDRESS, { id: s })).body)).toEqual({ 'shelter.address': 'FORBIDDEN' });
    const accepted = await as('shelter_staff/DE/ngo-answer', ACCEPT, { p: placement });
    expect(accepted.body.data.acceptPlacement).toMatchObject({ status: 'ACCEPTED', acceptanceNote: 'Arrive after 6 pm' });
    expect(errorCodes((await as('shelter_staff/DE/ngo-answer', DECLINE, { p: placement })).body)).toEqual({ declinePlacement: 'CONFLICT' });
    expect(await auditEvents(placement, 'PLACEMENT_ACCEPTED')).toBe(1);
  });

  it('a declined request frees its bed, and the victim can be placed again', async () => {
    const s = await shelter({ capacity: 1 });
    const { placement, victim } = await requested(s);
    expect((await as('social_worker/DE', BEDS, { id: s })).body.data.shelter).toEqual({ occupancy: 1, availableBeds: 0 });
    const declined = await as('shelter_staff/DE/ngo-answer', DECLINE, { p: placement });
    expect(declined.body.data.declinePlacement).toEqual({ id: placement, status: 'DECLINED', endReason: 'No room for her needs' });
    expect((await as('social_worker/DE', BEDS, { id: s })).body.data.shelter).toEqual({ occupancy: 0, availableBeds: 1 });
    expect((await as('social_worker/DE', REQUEST, { s, v: victim, from: tomorrow() })).body.errors).toBeUndefined();
  });

  it('a decline needs a reason, named as the wrong field', async () => {
    const { placement } = await requested(await shelter());
    const res = await as('shelter_staff/DE/ngo-answer', `mutation($p: ID!) { declinePlacement(placementId: $p, reason: "  ") { id } }`, { p: placement });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'reason', message: 'must not be empty' }] });
  });

  it('accept and decline at once: one wins, the other is a CONFLICT, and the beds agree with the winner', async () => {
    for (let round = 0; round < 3; round++) {
      const s = await shelter({ capacity: 1 });
      const { placement } = await requested(s);
      const [a, d] = await Promise.all([as('shelter_staff/DE/ngo-answer', ACCEPT, { p: placement }), as('shelter_staff/DE/ngo-answer', DECLINE, { p: placement })]);
      const outcomes = [a.body.errors ? errorCodes(a.body).acceptPlacement : 'ACCEPTED', d.body.errors ? errorCodes(d.body).declinePlacement : 'DECLINED'];
      expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(1);
      const occupancy = (await as('social_worker/DE', BEDS, { id: s })).body.data.shelter.occupancy;
      expect(occupancy).toBe(outcomes.includes('ACCEPTED') ? 1 : 0);
    }
  });
});

describe('arrival: confirmed by the shelter’s staff, once accepted', () => {
  it('not from REQUESTED, not by a social worker; by its staff after accepting', async () => {
    const { placement } = await requested(await shelter());
    expect(errorCodes((await as('shelter_staff/DE/ngo-answer', CONFIRM, { p: placement })).body)).toEqual({ confirmPlacement: 'CONFLICT' });
    await as('shelter_staff/DE/ngo-answer', ACCEPT, { p: placement });
    expect(errorCodes((await as('social_worker/DE', CONFIRM, { p: placement })).body)).toEqual({ confirmPlacement: 'FORBIDDEN' });
    expect(errorCodes((await as('shelter_staff/DE/ngo-other', CONFIRM, { p: placement })).body)).toEqual({ confirmPlacement: 'NOT_FOUND' });
    expect((await as('shelter_staff/DE/ngo-answer', CONFIRM, { p: placement })).body.data.confirmPlacement.status).toBe('CONFIRMED');
  });
});

describe('an unanswered request expires after PLACEMENT_REQUEST_HOURS (48), on the hub clock', () => {
  it('until then it holds its bed; after, every read shows it EXPIRED, its bed is free, and one PLACEMENT_EXPIRED is written', async () => {
    const s = await shelter({ capacity: 1 });
    const { placement, victim } = await requested(s);
    hub.clock.advance(47 * HOUR);
    const before = (await as('social_worker/DE', PLACEMENTS, { id: victim })).body.data.victim;
    expect(before.placements[0]).toMatchObject({ status: 'REQUESTED', requestExpiresAt: expect.any(String) });
    expect((await as('social_worker/DE', BEDS, { id: s })).body.data.shelter.availableBeds).toBe(0);

    hub.clock.advance(HOUR + 60_000);
    // Many readers at once find it due: it moves once, with one event.
    const reads = await Promise.all([
      as('social_worker/DE', PLACEMENTS, { id: victim }),
      as('social_worker/DE', BEDS, { id: s }),
      as('shelter_staff/DE/ngo-answer', `query($id: ID!) { shelter(id: $id) { placements { id } } }`, { id: s }),
      as('social_worker/DE', PLACEMENTS, { id: victim }),
    ]);
    expect(reads[0].body.data.victim).toEqual({ placements: [{ id: placement, status: 'EXPIRED', endReason: 'not answered by the shelter within 48 hours', requestExpiresAt: null }], currentPlacement: null });
    expect(reads[1].body.data.shelter).toEqual({ occupancy: 0, availableBeds: 1 });
    expect(reads[2].body.data.shelter.placements).toEqual([]);
    expect(await auditEvents(placement, 'PLACEMENT_EXPIRED')).toBe(1);
    expect(errorCodes((await as('shelter_staff/DE/ngo-answer', ACCEPT, { p: placement })).body)).toEqual({ acceptPlacement: 'CONFLICT' });
    expect(await auditEvents(placement, 'PLACEMENT_EXPIRED')).toBe(1);
  });

  it('a new request takes the bed of an expired one, and its victim can be placed again, without anyone reading it first', async () => {
    const s = await shelter({ capacity: 1 });
    const { placement, victim } = await requested(s);
    hub.clock.advance(49 * HOUR);
    expect((await requested(s)).placement).not.toBe(placement);
    expect(await auditEvents(placement, 'PLACEMENT_EXPIRED')).toBe(1);
    const other = await shelter({ capacity: 1 });
    expect((await as('social_worker/DE', REQUEST, { s: other, v: victim, from: tomorrow() })).body.errors).toBeUndefined();
  });

  it('an accepted placement does not expire', async () => {
    const s = await shelter({ capacity: 1 });
    const { placement, victim } = await requested(s);
    await as('shelter_staff/DE/ngo-answer', ACCEPT, { p: placement });
    hub.clock.advance(100 * HOUR);
    expect((await as('social_worker/DE', PLACEMENTS, { id: victim })).body.data.victim.placements[0].status).toBe('ACCEPTED');
    expect(await auditEvents(placement, 'PLACEMENT_EXPIRED')).toBe(0);
  });
});

describe('a transfer never leaves her without a bed', () => {
  const TRANSFER = `mutation($p: ID!, $to: ID!) { transferPlacement(placementId: $p, toShelterId: $to) { id status transferredFrom } }`;
  const WHERE = `query($id: ID!) { victim(id: $id) { currentPlacement { id status } placements { id status } } }`;
  /** A victim staying in one shelter (arrived), and the request to take her over in another. */
  async function moving(): Promise<{ from: string; to: string; stay: string; move: string; victim: string }> {
    const from = await shelter({ capacity: 1 });
    const to = await shelter({ capacity: 1, operator: 'ngo-next' });
    const { placement: stay, victim } = await requested(from);
    await as('shelter_staff/DE/ngo-answer', ACCEPT, { p: stay });
    await as('shelter_staff/DE/ngo-answer', CONFIRM, { p: stay });
    const res = await as('social_worker/DE', TRANSFER, { p: stay, to });
    expect(res.body.data.transferPlacement).toMatchObject({ status: 'REQUESTED', transferredFrom: stay });
    return { from, to, stay, move: res.body.data.transferPlacement.id, victim };
  }

  it('her stay goes on until she arrives; the arrival ends it (TRANSFERRED) and frees its bed', async () => {
    const { from, to, stay, move, victim } = await moving();
    expect((await as('social_worker/DE', WHERE, { id: victim })).body.data.victim.currentPlacement).toEqual({ id: stay, status: 'CONFIRMED' });
    expect((await as('social_worker/DE', BEDS, { id: from })).body.data.shelter.availableBeds).toBe(0);
    expect((await as('social_worker/DE', BEDS, { id: to })).body.data.shelter.availableBeds).toBe(0);
    // One transfer at a time.
    const again = await as('social_worker/DE', TRANSFER, { p: stay, to: await shelter({ capacity: 1 }) });
    expect(errorCodes(again.body)).toEqual({ transferPlacement: 'CONFLICT' });
    await as('shelter_staff/DE/ngo-next', ACCEPT, { p: move });
    expect((await as('shelter_staff/DE/ngo-next', CONFIRM, { p: move })).body.errors).toBeUndefined();
    const after = (await as('social_worker/DE', WHERE, { id: victim })).body.data.victim;
    expect(after.currentPlacement).toEqual({ id: move, status: 'CONFIRMED' });
    expect(after.placements.find((p: { id: string }) => p.id === stay).status).toBe('TRANSFERRED');
    expect((await as('social_worker/DE', BEDS, { id: from })).body.data.shelter.availableBeds).toBe(1);
    expect(await auditEvents(stay, 'PLACEMENT_TRANSFERRED')).toBe(2); // asked, then completed on arrival
  });

  it('declined, or unanswered in time: she stays where she is, and may be transferred again', async () => {
    const declined = await moving();
    await as('shelter_staff/DE/ngo-next', DECLINE, { p: declined.move });
    expect((await as('social_worker/DE', WHERE, { id: declined.victim })).body.data.victim.currentPlacement).toEqual({ id: declined.stay, status: 'CONFIRMED' });
    expect((await as('social_worker/DE', BEDS, { id: declined.from })).body.data.shelter.availableBeds).toBe(0);

    const unanswered = await moving();
    hub.clock.advance(49 * HOUR);
    expect((await as('social_worker/DE', WHERE, { id: unanswered.victim })).body.data.victim.currentPlacement).toEqual({ id: unanswered.stay, status: 'CONFIRMED' });
    expect((await as('social_worker/DE', TRANSFER, { p: unanswered.stay, to: await shelter({ capacity: 1, operator: 'ngo-next' }) })).body.errors).toBeUndefined();
  });
});

describe('me.shelters: the shelters the caller is staff of', () => {
  it('its staff see theirs (not another jurisdiction’s of the same org); every other role none', async () => {
    const mine = [await shelter({ operator: 'ngo-me' }), await shelter({ operator: 'ngo-me' })];
    await shelter({ operator: 'ngo-me' }, 'registrar/AT');
    await shelter({ operator: 'ngo-not-me' });
    const ME = '{ me { shelters { id operator jurisdiction } } }';
    const staff = (await as('shelter_staff/DE/ngo-me', ME)).body;
    expect(staff.errors).toBeUndefined();
    expect(staff.data.me.shelters.map((s: { id: string }) => s.id).sort()).toEqual([...mine].sort());
    for (const caller of ['social_worker/DE/ngo-me', 'registrar/DE/ngo-me', 'partner_system/DE/ngo-me', 'shelter_staff/DE/ngo-nobody']) {
      expect([caller, (await as(caller, ME)).body.data.me.shelters]).toEqual([caller, []]);
    }
  });
});
