import type { Scenario, TypeFixture } from '../access-matrix';
import type { TestHub } from '../hub';
import { shelterInput } from '../records';
import { grantConsent, registerVictim } from '../victims';
import { proceedingWorld } from './proceedings';
import { act, atHome, HOME, once, PARTNER } from './world';

/**
 * The shelters subgraph's records for the access matrix: two shelters of one operator in
 * the home jurisdiction, a standard and a secret one; a victim of PARTNER, who shares
 * LOCATION and HEALTH with HOME, placed in the standard one (accepted by its staff, and arrived), another placed in
 * the secret one; their transports to the hearing of the matrix's proceeding.
 */

/** The organisation that runs both shelters (its staff's token `org`). */
export const OPERATOR = 'matrix-shelter-operator';

const REGISTER = `mutation($input: RegisterShelterInput!) { registerShelter(input: $input) { id } }`;
const PLACE = `mutation($s: ID!, $v: ID!, $input: PlacementInput!) { requestPlacement(shelterId: $s, victimId: $v, input: $input) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptPlacement(placementId: $id, note: "Arrive after 6 pm") { id } }`;
const CONFIRM = `mutation($id: ID!) { confirmPlacement(placementId: $id) { id } }`;
const ARRANGE = `mutation($h: ID!, $v: ID!, $input: TransportInput!) { arrangeTransport(hearingId: $h, victimId: $v, input: $input) { id } }`;

const shelter = (name: string, securityLevel: string) =>
  shelterInput({ name, operator: OPERATOR, capacity: 5, languages: ['de', 'uk'], securityLevel, address: `${name}, Hinterhof 3, Berlin`, phone: '+49 30 5550' });

function shelterWorld(hub: TestHub) {
  return once(hub, 'shelters', async () => {
    const asStaff = { org: OPERATOR };
    const standard = (await act(hub, 'registrar', HOME, REGISTER, { input: shelter('Haus Matrix', 'STANDARD') })).registerShelter.id as string;
    const secret = (await act(hub, 'registrar', HOME, REGISTER, { input: shelter('Haus Verborgen', 'SECRET_LOCATION') })).registerShelter.id as string;
    const victim = await registerVictim(hub, PARTNER);
    await grantConsent(hub, victim, PARTNER, { categories: ['LOCATION', 'HEALTH'], granteeJurisdictions: [HOME], purposes: ['SHELTER_PLACEMENT'] });
    const stay = { from: new Date().toISOString().slice(0, 10), expectedUntil: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), needs: ['PSYCHOLOGICAL'] };
    const placement = (await act(hub, 'social_worker', HOME, PLACE, { s: standard, v: victim, input: stay })).requestPlacement.id as string;
    await act(hub, 'shelter_staff', HOME, ACCEPT, { id: placement }, asStaff);
    await act(hub, 'shelter_staff', HOME, CONFIRM, { id: placement }, asStaff);
    // A second victim of the partner, in the secret shelter: her trip to court starts at a secret address.
    const hidden = await registerVictim(hub, PARTNER);
    await grantConsent(hub, hidden, PARTNER, { categories: ['LOCATION', 'HEALTH'], granteeJurisdictions: [HOME], purposes: ['SHELTER_PLACEMENT'] });
    await act(hub, 'social_worker', HOME, PLACE, { s: secret, v: hidden, input: stay });
    const { proceeding, hearing } = await proceedingWorld(hub);
    const trip = (victimId: string, pickupLocation: string) => act(hub, 'shelter_staff', HOME, ARRANGE, { h: hearing, v: victimId, input: { pickupLocation, escort: 'POLICE', departAt: '2031-03-01T07:30:00Z' } }, asStaff);
    const transport = (await trip(victim, 'Back entrance, Haus Matrix')).arrangeTransport.id as string;
    const secretTransport = (await trip(hidden, 'Gate 2, Haus Verborgen')).arrangeTransport.id as string;
    return { standard, secret, placement, proceeding, hearing, transport, secretTransport };
  });
}

/** Staff of the operator, in its jurisdiction (the same `org` on any other role's token makes no staff). */
const operatorStaff: Scenario = { claims: { jurisdiction: HOME, org: OPERATOR }, facts: (role) => atHome(role, 'OPERATOR') };
/** The placed victim is of the partner jurisdiction. */
const victimSide = { partner: ['VICTIM_JURISDICTION'] };

export const sheltersFixtures: Record<string, TypeFixture> = {
  Shelter: {
    async records(hub) {
      const { standard, secret } = await shelterWorld(hub);
      const read = (id: string) => ({ root: 'shelter', args: { id }, type: 'Shelter' });
      return { standard: { id: standard, gateway: read(standard), traits: ['NOT_SECRET'] }, secret: { id: secret, gateway: read(secret) } };
    },
    scenarios: { 'operator staff': operatorStaff },
  },
  Placement: {
    async records(hub) {
      const { standard, placement } = await shelterWorld(hub);
      return {
        arrived: {
          id: placement,
          gateway: { root: 'shelter', args: { id: standard }, type: 'Shelter', through: ['placements'] },
          traits: ['NOT_SECRET'],
          unset: ['requestExpiresAt', 'endedAt', 'endReason', 'transferredFrom', 'transferredTo'],
        },
      };
    },
    alsoHolds: victimSide,
    scenarios: { 'operator staff': operatorStaff },
  },
  Transport: {
    async records(hub) {
      const { proceeding, hearing, transport, secretTransport } = await shelterWorld(hub);
      const gateway = { root: 'proceeding', args: { id: proceeding }, type: 'Proceeding', through: ['hearings', 'transport'] };
      const direct = { root: '_entities', args: { representations: [{ __typename: 'Hearing', id: hearing }] }, type: 'Hearing', through: ['transport'] };
      return { arranged: { id: transport, gateway, direct, traits: ['NOT_SECRET'] }, secret: { id: secretTransport, gateway, direct } };
    },
    alsoHolds: victimSide,
    scenarios: { 'operator staff': operatorStaff },
  },
};
