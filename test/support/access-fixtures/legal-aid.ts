import { PURPOSES } from '../../../platform/purposes';
import { legalAidModels } from '../../../subgraphs/legal-aid/models';
import type { Scenario, TypeFixture } from '../access-matrix';
import type { TestHub } from '../hub';
import { grantConsent, registerVictim } from '../victims';
import { proceedingWorld } from './proceedings';
import { act, atHome, HOME, NAMED_ONLY, once, PARTNER } from './world';

/**
 * The legal aid subgraph's records for the access matrix: a victim of the home
 * jurisdiction represented by an attorney there (consent recorded, an interpreter and an
 * accommodation asked for, the matrix's proceeding linked), who offers the file to an
 * attorney of PARTNER, with whom the victim shares what the handoff carries and her
 * testimony; and a second victim's file, handed to the same attorney of PARTNER carrying
 * CASE and HEALTH (which that victim shares for legal representation) and accepted.
 */

// The directory is read-only in the API: set up as the seed writes it.
const PROVIDERS = [
  { _id: 'prov-matrix-home-00000', name: 'Rechtshilfe Matrix e.V.', jurisdiction: HOME, kind: 'NGO' },
  { _id: 'prov-matrix-partner-00', name: 'Rechtsberatung Matrix', jurisdiction: PARTNER, kind: 'NGO' },
];
const attorney = (n: number, providerId: string, jurisdiction: string) => ({
  _id: `attorney-matrix-${String(n).padStart(6, '0')}`,
  name: `Attorney ${n}`,
  barNumber: `BAR-M${n}`,
  jurisdictions: [jurisdiction],
  languages: ['de', 'uk'],
  providerId,
  practitionerId: `matrix.attorney-${n}`,
  acceptingCases: true,
});
const ASSIGNED = attorney(1, PROVIDERS[0]._id, HOME);
const RECEIVING = attorney(2, PROVIDERS[1]._id, PARTNER);
/** Another registered attorney of the receiving provider: its inbox is hers too (an unregistered token of the organisation sees none of it). */
const COLLEAGUE = attorney(3, PROVIDERS[1]._id, PARTNER);

const ASSIGN = `mutation($v: ID!, $input: AssignLegalAidInput!) { assignLegalAid(victimId: $v, input: $input) { id } }`;
const CONSENT = `mutation($id: ID!) { recordRepresentationConsent(assignmentId: $id, input: { givenOn: "2026-01-10", language: "uk", interpreterUsed: true }) { id } }`;
const INTERPRETER = `mutation($id: ID!) { requestInterpretation(assignmentId: $id, input: { language: "uk", occasion: HEARING, at: "2031-05-01T09:00:00Z" }) { id } }`;
const ACCOMMODATE = `mutation($id: ID!) { requestAccommodation(assignmentId: $id, input: { kind: TRAUMA_INFORMED, details: "Female interviewer" }) { id } }`;
const HAND_OFF = `mutation($id: ID!, $input: HandOffInput!) { handOff(assignmentId: $id, input: $input) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptHandoff(handoffId: $id) { id } }`;

function legalAidWorld(hub: TestHub) {
  return once(hub, 'legal-aid', async () => {
    const models = legalAidModels(hub.subgraphs['legal-aid'].connection);
    await models.providers.createMany(PROVIDERS);
    await models.attorneys.createMany([ASSIGNED, RECEIVING, COLLEAGUE]);
    const { proceeding } = await proceedingWorld(hub);
    const victim = (await proceedingWorld(hub)).victim;
    await grantConsent(hub, victim, HOME, { categories: ['IDENTITY', 'HEALTH', 'TESTIMONY'], granteeJurisdictions: [PARTNER], purposes: PURPOSES });
    const asAssigned = { sub: ASSIGNED.practitionerId, org: ASSIGNED.providerId };
    const file = async (victimId: string, proceedingId: string | null, transferCategories: string[]) => {
      const input = { attorneyId: ASSIGNED._id, matter: 'CRIMINAL_PROCEEDING', jurisdiction: HOME, proceedingId };
      const id = (await act(hub, 'legal_aid_attorney', HOME, ASSIGN, { v: victimId, input }, asAssigned)).assignLegalAid.id as string;
      for (const step of [CONSENT, INTERPRETER, ACCOMMODATE]) await act(hub, 'legal_aid_attorney', HOME, step, { id }, asAssigned);
      const handoffInput = { toAttorneyId: RECEIVING._id, toJurisdiction: PARTNER, reason: 'Repatriation to Vienna; speaks Ukrainian', transferCategories };
      return { id, handoff: (await act(hub, 'legal_aid_attorney', HOME, HAND_OFF, { id, input: handoffInput }, asAssigned)).handOff.id as string };
    };
    const { id: assignment, handoff } = await file(victim, proceeding, ['CASE', 'IDENTITY', 'HEALTH']);
    const other = await registerVictim(hub, HOME);
    await grantConsent(hub, other, HOME, { categories: ['HEALTH'], granteeJurisdictions: [PARTNER], purposes: ['LEGAL_REPRESENTATION'] });
    const handed = await file(other, null, ['CASE', 'HEALTH']);
    await act(hub, 'legal_aid_attorney', PARTNER, ACCEPT, { id: handed.handoff }, { sub: RECEIVING.practitionerId, org: RECEIVING.providerId });
    return { assignment, handoff, handedOver: handed.id };
  });
}

/** Who stands where around the file (the facts hold of the assignment and of its handoff alike). */
const AROUND_THE_FILE: Record<string, Scenario> = {
  'assigned attorney': { claims: { jurisdiction: HOME, sub: ASSIGNED.practitionerId, org: ASSIGNED.providerId }, facts: (role) => atHome(role, 'ATTORNEY', 'PROVIDER') },
  "assigned attorney's provider": { claims: { jurisdiction: HOME, org: ASSIGNED.providerId }, facts: (role) => atHome(role, 'PROVIDER') },
  // The same subject and organisation in another jurisdiction is not the attorney.
  'assigned subject abroad': { claims: { jurisdiction: NAMED_ONLY, sub: ASSIGNED.practitionerId, org: ASSIGNED.providerId }, facts: () => [] },
  'receiving attorney': {
    claims: { jurisdiction: PARTNER, sub: RECEIVING.practitionerId, org: RECEIVING.providerId },
    facts: () => ['HANDOFF_RECEIVER', 'HANDOFF_PROVIDER', 'RECEIVING_JURISDICTION'],
  },
  "receiving attorney's provider": { claims: { jurisdiction: PARTNER, sub: COLLEAGUE.practitionerId, org: RECEIVING.providerId }, facts: () => ['HANDOFF_PROVIDER', 'RECEIVING_JURISDICTION'] },
};
/** The handoff goes to the partner jurisdiction. */
const receivingSide = { partner: ['RECEIVING_JURISDICTION'] };

export const legalAidFixtures: Record<string, TypeFixture> = {
  LegalAidAssignment: {
    async records(hub) {
      const { assignment, handedOver } = await legalAidWorld(hub);
      const read = (id: string) => ({ root: 'legalAidAssignment', args: { id }, type: 'LegalAidAssignment' });
      return {
        // Its handoff carries CASE and HEALTH too, which the victim shares, but is not accepted yet.
        active: {
          id: assignment,
          gateway: read(assignment),
          traits: ['LINKED_PROCEEDING', 'CARRIED_AND_SHARED:CASE', 'CARRIED_AND_SHARED:ASSIGNMENT', 'CARRIED_AND_SHARED:HEALTH'],
          unset: ['closedAt', 'closingReason', 'proceeding'],
        },
        // What the accepted handoff carried (CASE, HEALTH), the victim shares with the receiving jurisdiction; not TESTIMONY.
        'handed over': {
          id: handedOver,
          gateway: read(handedOver),
          traits: ['HANDOFF_ACCEPTED', 'CARRIED_AND_SHARED:CASE', 'CARRIED_AND_SHARED:ASSIGNMENT', 'CARRIED_AND_SHARED:HEALTH'],
          unset: ['closedAt', 'closingReason', 'proceeding', 'proceedingId'],
        },
      };
    },
    alsoHolds: receivingSide,
    scenarios: AROUND_THE_FILE,
  },
  Handoff: {
    async records(hub) {
      const { assignment, handoff } = await legalAidWorld(hub);
      const receivingSide = { root: 'offeredHandoffs', args: {}, type: 'Handoff' };
      return {
        // In the inbox of the receiving provider's attorneys (the assignment it comes from they do not see); nobody else's.
        'awaiting answer': {
          id: handoff,
          gateway: receivingSide,
          direct: receivingSide,
          listedIn: { scenarios: ['receiving attorney', "receiving attorney's provider"], roles: ['legal_aid_attorney'] },
          traits: ['SHARED_FOR_REPRESENTATION:TESTIMONY'],
          unset: ['toAssignment', 'decidedAt', 'refusalReason', 'fromAssignment'],
        },
        offered: {
          id: handoff,
          gateway: { root: 'legalAidAssignment', args: { id: assignment }, type: 'LegalAidAssignment', through: ['handoffs'] },
          // A handoff is no entity: on the subgraph it is reached through its assignment.
          direct: { root: '_entities', args: { representations: [{ __typename: 'LegalAidAssignment', id: assignment }] }, type: 'LegalAidAssignment', through: ['handoffs'] },
          // The victim shares her testimony with the receiving jurisdiction (for legal representation too).
          traits: ['LINKED_PROCEEDING', 'SHARED_FOR_REPRESENTATION:TESTIMONY'],
          unset: ['toAssignment', 'decidedAt', 'refusalReason'],
        },
      };
    },
    alsoHolds: receivingSide,
    scenarios: AROUND_THE_FILE,
  },
};
