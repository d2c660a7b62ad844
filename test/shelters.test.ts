import type { mongo } from 'mongoose';
import { PURPOSES } from '../platform/purposes';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { shelterInput } from './support/records';
import { grantConsent, registerVictim } from './support/victims';

// The shelters subgraph: beds never given twice under concurrent requests (on the
// embedded database, without transactions), occupancy equal to the active placements,
// matching, confidential addresses, who sees who is where, placements across borders
// under the victim's consent, and safe transport to hearings.

let hub: TestHub;
let filters: string[] = [];

const REGISTER = `mutation($input: RegisterShelterInput!) { registerShelter(input: $input) { id capacity occupancy availableBeds } }`;
const REQUEST = `mutation($shelterId: ID!, $victimId: ID!, $input: PlacementInput!) { requestPlacement(shelterId: $shelterId, victimId: $victimId, input: $input) { id status } }`;
const DISCHARGE = `mutation($id: ID!) { dischargePlacement(placementId: $id, reason: "Moved on") { id status } }`;
const TRANSFER = `mutation($id: ID!, $to: ID!) { transferPlacement(placementId: $id, toShelterId: $to) { id status transferredFrom } }`;
const SHELTER = `query($id: ID!) { shelter(id: $id) { id name capacity occupancy availableBeds address phone placements { id } } }`;
const MATCH = `query($needs: ShelterNeedsInput!) { matchShelters(needs: $needs, first: 20) { shelter { id name availableBeds } meets misses } }`;

const today = () => new Date().toISOString().slice(0, 10);
const stay = (overrides: Record<string, unknown> = {}) => ({ from: today(), needs: ['PSYCHOLOGICAL'], ...overrides });

/** Registered by the jurisdiction's registrar, run by `org` (default: the org of a shelter_staff token of the jurisdiction). */
async function register(jurisdiction: string, overrides: Record<string, unknown> = {}, org?: string): Promise<string> {
  const res = await hub.query(await hub.token('registrar', jurisdiction), REGISTER, { input: shelterInput({ operator: org ?? `${jurisdiction}-demo-org`, ...overrides }) });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.registerShelter.id;
}

async function placeAs(role: string, jurisdiction: string, shelterId: string, victimId: string, input = stay()) {
  return hub.query(await hub.token(role, jurisdiction), REQUEST, { shelterId, victimId, input });
}

/** What the database holds: active placements, and beds taken, of a shelter. */
async function recount(shelterId: string) {
  const db = hub.subgraphs.shelters.connection;
  const active = await db.collection('placements').countDocuments({ shelterId, status: { $in: ['REQUESTED', 'ACCEPTED', 'CONFIRMED'] } });
  const beds = await db.collection('slots').countDocuments({ _id: { $regex: `^beds/${shelterId}#` } } as never);
  return { active, beds };
}

beforeAll(async () => {
  hub = await startHub({ monitorCommands: true });
  hub.subgraphs.shelters.connection.getClient().on('commandStarted', (event: mongo.CommandStartedEvent) => {
    if (event.commandName === 'find') filters.push(`${event.command.find}:${Object.keys(event.command.filter ?? {}).join(',')}`);
  });
});
afterAll(() => hub.stop());

describe('capacity', () => {
  it('50 concurrent requests for 10 free beds: exactly 10 placements, 40 CONFLICT, occupancy 10', async () => {
    const shelter = await register('DE', { capacity: 10 });
    // Fifty different people (one identity registered fifty times at once would queue on its registration lock).
    const victims = await Promise.all(Array.from({ length: 50 }, (_, i) => registerVictim(hub, 'DE', { legalName: `Person ${i} Capacity` })));
    const token = await hub.token('social_worker', 'DE');
    const results = await Promise.all(victims.map((victimId) => hub.query(token, REQUEST, { shelterId: shelter, victimId, input: stay() })));
    const placed = results.filter((r) => !r.body.errors);
    const refused = results.filter((r) => r.body.errors);
    expect(placed).toHaveLength(10);
    expect(refused.map((r) => errorCodes(r.body).requestPlacement)).toEqual(Array(40).fill('CONFLICT'));
    expect(refused[0].body.errors![0].message).toMatch(/No free bed/);
    expect((await hub.query(token, SHELTER, { id: shelter })).body.data.shelter).toMatchObject({ capacity: 10, occupancy: 10, availableBeds: 0 });
    expect(await recount(shelter)).toEqual({ active: 10, beds: 10 });

    // Concurrent discharges, transfers and new requests: the count stays the truth.
    const other = await register('DE', { capacity: 3 });
    const ids = placed.map((r) => r.body.data.requestPlacement.id);
    const waiting = victims.filter((_, i) => results[i].body.errors).slice(0, 6);
    const moves = await Promise.all([
      ...ids.slice(0, 4).map((id) => hub.query(token, DISCHARGE, { id })),
      ...ids.slice(4, 8).map((id) => hub.query(token, TRANSFER, { id, to: other })),
      ...waiting.map((victimId) => hub.query(token, REQUEST, { shelterId: shelter, victimId, input: stay() })),
    ]);
    const transfers = moves.slice(4, 8);
    expect(transfers.filter((r) => !r.body.errors)).toHaveLength(3);
    expect(transfers.filter((r) => r.body.errors).map((r) => errorCodes(r.body).transferPlacement)).toEqual(['CONFLICT']);
    const first = await recount(shelter);
    expect(first.active).toBe(first.beds);
    expect(first.active).toBeLessThanOrEqual(10);
    expect(await recount(other)).toEqual({ active: 3, beds: 3 });
    const shown = (await hub.query(token, SHELTER, { id: shelter })).body.data.shelter;
    expect(shown.occupancy).toBe(first.active);
  }, 120_000); // 60 placements and 14 moves at once: near 30 s on a loaded machine

  it('a bed left by a process that died before writing its placement is given back, once it is stale', async () => {
    const shelter = await register('DE', { capacity: 2 });
    const slots = hub.subgraphs.shelters.connection.collection('slots');
    await slots.insertOne({ _id: `beds/${shelter}#1`, holder: 'AAAAAAAAAAAAAAAAAAAAAA', at: new Date(Date.now() - 60_000) } as never);
    await slots.insertOne({ _id: `beds/${shelter}#2`, holder: 'BBBBBBBBBBBBBBBBBBBBBB', at: new Date() } as never);
    const token = await hub.token('social_worker', 'DE');
    // The fresh one may still be written by its process: held. The stale one is free again.
    expect((await hub.query(token, SHELTER, { id: shelter })).body.data.shelter).toMatchObject({ occupancy: 1, availableBeds: 1 });
    expect(await slots.countDocuments({ _id: `beds/${shelter}#1` } as never)).toBe(0);
    expect((await placeAs('social_worker', 'DE', shelter, await registerVictim(hub, 'DE'))).body.errors).toBeUndefined();
    const full = await placeAs('social_worker', 'DE', shelter, await registerVictim(hub, 'DE'));
    expect(errorCodes(full.body)).toEqual({ requestPlacement: 'CONFLICT' });
    expect(full.body.errors![0].extensions).toMatchObject({ field: 'shelterId' }); // the argument in the way (npm run fuzz)
  });

  it('a victim has at most one active placement', async () => {
    const [a, b] = [await register('DE'), await register('DE')];
    const victim = await registerVictim(hub, 'DE');
    const results = await Promise.all([a, b].map((shelterId) => placeAs('social_worker', 'DE', shelterId, victim)));
    expect(results.map((r) => (r.body.errors ? errorCodes(r.body).requestPlacement : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
    const placed = results.find((r) => !r.body.errors)!.body.data.requestPlacement.id;
    await hub.query(await hub.token('social_worker', 'DE'), DISCHARGE, { id: placed });
    expect((await placeAs('social_worker', 'DE', b, victim)).body.errors).toBeUndefined();
  });
});

describe('matching', () => {
  it('takes in only whom a shelter accepts, leaves full shelters out, and ranks by needs met', async () => {
    const city = 'Matchtown';
    const best = await register('GR', { city, services: ['MEDICAL', 'INTERPRETATION'], accessibility: ['WHEELCHAIR'], languages: ['el', 'uk'], securityLevel: 'HIGH' });
    const some = await register('GR', { city, services: ['MEDICAL'], languages: ['el'] });
    const womenOnly = await register('GR', { city, acceptsGenders: ['FEMALE'] });
    const full = await register('GR', { city, capacity: 1, services: ['MEDICAL', 'INTERPRETATION'], accessibility: ['WHEELCHAIR'], languages: ['uk'], securityLevel: 'HIGH' });
    await placeAs('social_worker', 'GR', full, await registerVictim(hub, 'GR'));
    const res = await hub.queryAs('partner_system', 'GR', MATCH, {
      needs: { jurisdiction: 'GR', gender: 'MALE', services: ['MEDICAL', 'INTERPRETATION'], accessibility: ['WHEELCHAIR'], languages: ['uk'], securityLevel: 'HIGH' },
    });
    expect(res.body.errors).toBeUndefined();
    const found = res.body.data.matchShelters.filter((m: any) => [best, some, womenOnly, full].includes(m.shelter.id));
    expect(found.map((m: any) => m.shelter.id)).toEqual([best, some]);
    expect(found[0]).toMatchObject({ meets: ['accessibility:WHEELCHAIR', 'service:MEDICAL', 'service:INTERPRETATION', 'language:uk', 'securityLevel:HIGH'], misses: [] });
    expect(found[1].misses).toEqual(['accessibility:WHEELCHAIR', 'service:INTERPRETATION', 'language:uk', 'securityLevel:HIGH']);
  });

  it('an unaccompanied minor is matched only with shelters that take minors', async () => {
    const minors = await register('GR', { acceptsUnaccompaniedMinors: true, services: ['CHILD_CARE'] });
    const res = await hub.queryAs('social_worker', 'GR', MATCH, { needs: { jurisdiction: 'GR', minor: true } });
    expect(res.body.data.matchShelters.map((m: any) => m.shelter.id)).toEqual([minors]);
  });

  it('refuses bad needs with BAD_USER_INPUT naming them', async () => {
    for (const [needs, field] of [[{ jurisdiction: 'Greece' }, 'needs.jurisdiction'], [{ languages: ['Greek'] }, 'needs.languages[0]'], [{ from: '2026-13-01' }, 'needs.from']] as const) {
      const res = await hub.queryAs('social_worker', 'GR', MATCH, { needs });
      expect(errorCodes(res.body)).toEqual({ matchShelters: 'BAD_USER_INPUT' });
      expect(res.body.errors![0].extensions?.field).toBe(field);
    }
  });
});

describe('who sees what', () => {
  const ADDRESS = `query($id: ID!) { shelter(id: $id) { name capacity address phone } }`;

  it('address and phone: its own staff, social workers and police of its jurisdiction', async () => {
    const shelter = await register('DE', {}, 'ngo-rosa');
    const cases: Array<[string, string, string | undefined, boolean]> = [
      ['shelter_staff', 'DE', 'ngo-rosa', true],
      ['shelter_staff', 'DE', 'ngo-other', false],
      ['social_worker', 'DE', undefined, true],
      ['law_enforcement', 'DE', undefined, true],
      ['social_worker', 'AT', undefined, false],
      ['partner_system', 'DE', undefined, false],
      ['judge', 'DE', undefined, false],
    ];
    for (const [role, jurisdiction, org, sees] of cases) {
      const res = await hub.query(await hub.token(role, jurisdiction, org ? { org } : {}), ADDRESS, { id: shelter });
      expect(res.body.data.shelter.capacity).toBe(10);
      expect([role, org, res.body.data.shelter.address !== null]).toEqual([role, org, sees]);
      if (!sees) expect(errorCodes(res.body)).toEqual({ 'shelter.address': 'FORBIDDEN', 'shelter.phone': 'FORBIDDEN' });
    }
  });

  it('a SECRET_LOCATION shelter: only its staff and the police of its jurisdiction', async () => {
    const shelter = await register('DE', { securityLevel: 'SECRET_LOCATION' }, 'ngo-hidden');
    for (const [role, org, sees] of [['shelter_staff', 'ngo-hidden', true], ['law_enforcement', undefined, true], ['social_worker', undefined, false]] as const) {
      const res = await hub.query(await hub.token(role, 'DE', org ? { org } : {}), ADDRESS, { id: shelter });
      expect([role, res.body.data.shelter.address !== null]).toEqual([role, sees]);
    }
  });

  it('who is placed there: its staff and social workers of its jurisdiction, not the police; every read audited', async () => {
    const shelter = await register('DE', {}, 'ngo-lila');
    const victim = await registerVictim(hub, 'DE');
    const placed = (await placeAs('law_enforcement', 'DE', shelter, victim)).body.data.requestPlacement.id;
    const PLACEMENTS = `query($id: ID!) { shelter(id: $id) { placements { id status victim { id } } } }`;
    const staff = await hub.query(await hub.token('shelter_staff', 'DE', { org: 'ngo-lila' }), PLACEMENTS, { id: shelter });
    expect(staff.body.data.shelter.placements).toEqual([{ id: placed, status: 'REQUESTED', victim: { id: victim } }]);
    expect((await hub.queryAs('social_worker', 'DE', PLACEMENTS, { id: shelter })).body.data.shelter.placements).toHaveLength(1);
    expect(errorCodes((await hub.queryAs('law_enforcement', 'DE', PLACEMENTS, { id: shelter })).body)).toEqual({ 'shelter.placements': 'FORBIDDEN' });
    const events = await hub.subgraphs.shelters.audit.events({ subjectType: 'Placement', subjectId: placed, action: 'READ' });
    expect(events.length).toBeGreaterThan(0);
  });
});

describe('placements across borders (the victim’s consent, decided by the victims subgraph)', () => {
  it("the victim's jurisdiction places abroad only while the victim shares LOCATION and HEALTH with the shelter's jurisdiction", async () => {
    const shelter = await register('AT');
    const victim = await registerVictim(hub, 'DE');
    const refused = await placeAs('social_worker', 'DE', shelter, victim);
    expect(errorCodes(refused.body)).toEqual({ requestPlacement: 'FORBIDDEN' });
    expect(refused.body.errors![0].message).toMatch(/LOCATION and HEALTH with AT/);
    await grantConsent(hub, victim, 'DE', { categories: ['LOCATION'], granteeJurisdictions: ['AT'], purposes: PURPOSES });
    expect(errorCodes((await placeAs('social_worker', 'DE', shelter, victim)).body)).toEqual({ requestPlacement: 'FORBIDDEN' });
    await grantConsent(hub, victim, 'DE', { categories: ['HEALTH'], granteeJurisdictions: ['AT'], purposes: PURPOSES });
    const placed = await placeAs('social_worker', 'DE', shelter, victim);
    expect(placed.body.errors).toBeUndefined();
    // Both sides see it: the shelter's jurisdiction and the victim's.
    const CURRENT = `query($id: ID!) { victim(id: $id) { currentPlacement { id status shelter { name jurisdiction } } } }`;
    const home = await hub.queryAs('social_worker', 'DE', CURRENT, { id: victim });
    expect(home.body.data.victim.currentPlacement).toMatchObject({ id: placed.body.data.requestPlacement.id, shelter: { jurisdiction: 'AT' } });
  });

  it("the shelter's jurisdiction places a foreign victim only under the victim's consent; a third jurisdiction not at all", async () => {
    const shelter = await register('AT');
    const victim = await registerVictim(hub, 'IT');
    // A victim who shares nothing with AT is not even known there (shelter-oracles.test.ts).
    expect(errorCodes((await placeAs('social_worker', 'AT', shelter, victim)).body)).toEqual({ requestPlacement: 'NOT_FOUND' });
    await grantConsent(hub, victim, 'IT', { categories: ['LOCATION'], granteeJurisdictions: ['AT', 'GR'], purposes: ['SHELTER_PLACEMENT'] });
    const partly = await placeAs('social_worker', 'AT', shelter, victim);
    expect(errorCodes(partly.body)).toEqual({ requestPlacement: 'FORBIDDEN' });
    expect(partly.body.errors![0].message).toMatch(/not consented to share LOCATION and HEALTH with AT/);
    expect(errorCodes((await placeAs('social_worker', 'GR', shelter, victim)).body)).toEqual({ requestPlacement: 'FORBIDDEN' });
    await grantConsent(hub, victim, 'IT', { categories: ['LOCATION', 'HEALTH'], granteeJurisdictions: ['AT'], purposes: ['SHELTER_PLACEMENT'] });
    expect((await placeAs('social_worker', 'AT', shelter, victim)).body.errors).toBeUndefined();
  });
});

describe('the victim across subgraphs, and transport to court', () => {
  it('victim → currentPlacement → shelter through the gateway; a hearing shows its transport', async () => {
    const shelter = await register('DE', { name: 'Haus Lindenhof' }, 'ngo-linden');
    const victim = await registerVictim(hub, 'DE');
    const placed = (await placeAs('social_worker', 'DE', shelter, victim)).body.data.requestPlacement.id;
    const res = await hub.queryAs('social_worker', 'DE', `query($id: ID!) { victim(id: $id) { caseReference currentPlacement { id shelter { name } } placements { id status } } }`, { id: victim });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.victim.currentPlacement).toEqual({ id: placed, shelter: { name: 'Haus Lindenhof' } });

    const opened = await hub.queryAs('prosecutor', 'DE', `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`, {
      input: { caseNumber: `SH-${placed.slice(0, 6)}`, court: 'LG Berlin', kind: 'CRIMINAL', charges: ['THB'], victimIds: [victim] },
    });
    const proceedingId = opened.body.data.openProceeding.id;
    const hearing = await hub.queryAs('judge', 'DE', `mutation($id: ID!) { scheduleHearing(proceedingId: $id, input: { scheduledAt: "2031-03-01T09:00:00Z", court: "LG Berlin", victimAppearance: IN_PERSON, safeTransportNeeded: true }) { id } }`, { id: proceedingId });
    const hearingId = hearing.body.data.scheduleHearing.id;
    const ARRANGE = `mutation($h: ID!, $v: ID!, $input: TransportInput!) { arrangeTransport(hearingId: $h, victimId: $v, input: $input) { id escort pickupLocation } }`;
    const input = { pickupLocation: 'Back entrance, Haus Lindenhof', escort: 'POLICE', departAt: '2031-03-01T07:30:00Z' };
    expect(errorCodes((await hub.queryAs('social_worker', 'AT', ARRANGE, { h: hearingId, v: victim, input })).body)).toEqual({ arrangeTransport: 'NOT_FOUND' });
    const wrong = await hub.query(await hub.token('shelter_staff', 'DE', { org: 'ngo-linden' }), ARRANGE, { h: 'x', v: victim, input: { ...input, pickupLocation: ' ', departAt: '2020-01-01T07:30:00Z' } });
    expect(wrong.body.errors![0].extensions!.fields.map((f: { path: string }) => f.path)).toEqual(['hearingId', 'input.pickupLocation', 'input.departAt']);
    const arranged = await hub.query(await hub.token('shelter_staff', 'DE', { org: 'ngo-linden' }), ARRANGE, { h: hearingId, v: victim, input });
    expect(arranged.body.data.arrangeTransport).toMatchObject({ escort: 'POLICE', pickupLocation: 'Back entrance, Haus Lindenhof' });

    const HEARINGS = `query($id: ID!) { proceeding(id: $id) { hearings { id transport { escort departAt pickupLocation victim { id } } } } }`;
    const police = await hub.queryAs('law_enforcement', 'DE', HEARINGS, { id: proceedingId });
    expect(police.body.errors).toBeUndefined();
    expect(police.body.data.proceeding.hearings[0].transport).toEqual([{ escort: 'POLICE', departAt: '2031-03-01T07:30:00.000Z', pickupLocation: 'Back entrance, Haus Lindenhof', victim: { id: victim } }]);
    // A judge reads none of a transport: its list is refused (shelter-oracles.test.ts).
    const judge = await hub.queryAs('judge', 'DE', HEARINGS, { id: proceedingId });
    expect(judge.body.data.proceeding.hearings[0].transport).toBeNull();
    expect(errorCodes(judge.body)).toEqual({ 'proceeding.hearings.0.transport': 'FORBIDDEN' });
  });
});

describe('bad input loses nothing', () => {
  test.each([
    ['a malformed victim id', async () => ({ victimId: 'x' }), 'victimId', /not a valid id/],
    ['a start in the past', async () => ({ input: stay({ from: '2020-01-01' }) }), 'input.from', /in the past/],
    ['a stay beyond the shelter’s limit', async () => ({ input: stay({ expectedUntil: '2099-01-01' }) }), 'input.expectedUntil', /at most 90 days/],
    ['an end before the start', async () => ({ input: stay({ from: '2099-02-01', expectedUntil: '2099-01-01' }) }), 'input.expectedUntil', /before from/],
  ])('%s: BAD_USER_INPUT naming the field, no placement, no bed', async (_what, make, field, message) => {
    const shelterId = await register('DE');
    const victimId = await registerVictim(hub, 'DE');
    const res = await hub.queryAs('social_worker', 'DE', REQUEST, { shelterId, victimId, input: stay(), ...(await make()) });
    expect(errorCodes(res.body)).toEqual({ requestPlacement: 'BAD_USER_INPUT' });
    expect(res.body.errors![0].extensions?.field).toBe(field);
    expect(res.body.errors![0].message).toMatch(message);
    expect(await recount(shelterId)).toEqual({ active: 0, beds: 0 });
  });

  it('a wrong start and a wrong end are named in one answer', async () => {
    const shelterId = await register('DE');
    const victimId = await registerVictim(hub, 'DE');
    const res = await hub.queryAs('social_worker', 'DE', REQUEST, { shelterId, victimId, input: stay({ from: '2026-13-01', expectedUntil: 'soon' }) });
    expect(res.body.errors![0].extensions?.fields.map((f: { path: string }) => f.path)).toEqual(['input.from', 'input.expectedUntil']);
    expect(await recount(shelterId)).toEqual({ active: 0, beds: 0 });
  });

  it('registering a shelter with no beds is refused', async () => {
    const res = await hub.query(await hub.token('registrar', 'DE'), REGISTER, { input: shelterInput({ operator: 'DE-demo-org', capacity: 0 }) });
    expect(errorCodes(res.body)).toEqual({ registerShelter: 'BAD_USER_INPUT' });
  });
});

it('a page of shelters with their occupancy costs the same finds for 3 shelters as for 12, each by _id', async () => {
  const count = async (jurisdiction: string, n: number) => {
    for (let i = 0; i < n; i++) await register(jurisdiction);
    filters = [];
    const res = await hub.query(await hub.token('social_worker', jurisdiction), `query($j: String) { shelters(jurisdiction: $j, first: 50) { edges { node { id occupancy availableBeds } } } }`, { j: jurisdiction }, { url: hub.subgraphs.shelters.url });
    expect(res.body.data.shelters.edges).toHaveLength(n);
    return [...filters];
  };
  const few = await count('AL', 3);
  const many = await count('RS', 12);
  expect(many.length).toBe(few.length);
  for (const filter of [...few, ...many]) expect(filter).toMatch(/:_id$/);
});
