import type { MutationFixture } from '../mutation-fixtures';
import { attorney, ATTORNEYS, day, DE, unique } from '../records';

const DIRECTORY = 'the attorney directory is open to every authenticated caller';

/** The legal-aid subgraph's mutations (rows of MUTATIONS, test/support/mutation-fixtures.ts). */
export const LEGAL_AID: Record<string, MutationFixture> = {
  assignLegalAid: {
    as: DE('social_worker'),
    writes: 'legal-aid',
    action: 'LEGAL_AID_ASSIGNED',
    setUp: async (r) => ({ victimId: await r.victim(), input: { attorneyId: ATTORNEYS.A1._id, matter: 'ASYLUM', jurisdiction: 'DE' } }),
    hidden: ['victimId'],
    open: { 'input.attorneyId': DIRECTORY },
    probes: [
      { stranger: DE('social_worker'), setUp: async (r) => ({ victimId: await r.victim('AT'), input: { attorneyId: ATTORNEYS.A1._id, matter: 'ASYLUM', jurisdiction: 'DE' } }), hidden: ['victimId'] },
      {
        stranger: attorney('A1'),
        setUp: async (r) => ({ victimId: await r.victim(), input: { attorneyId: ATTORNEYS.A1._id, matter: 'CRIMINAL_PROCEEDING', jurisdiction: 'DE', proceedingId: await r.proceeding('AT') } }),
        hidden: ['input.proceedingId'],
      },
    ],
  },
  recordRepresentationConsent: {
    as: attorney('A1'),
    writes: 'legal-aid',
    action: 'REPRESENTATION_CONSENT_RECORDED',
    setUp: async (r) => ({ assignmentId: await r.assignment(false), input: { givenOn: day(-1), language: 'uk', interpreterUsed: false } }),
    hidden: ['assignmentId'],
  },
  closeAssignment: { as: attorney('A1'), writes: 'legal-aid', action: 'LEGAL_AID_CLOSED', setUp: async (r) => ({ assignmentId: await r.assignment(), reason: 'Representation ended' }), hidden: ['assignmentId'] },
  requestInterpretation: {
    as: DE('social_worker'),
    writes: 'legal-aid',
    action: 'INTERPRETATION_REQUESTED',
    setUp: async (r) => ({ assignmentId: await r.assignment(), input: { language: 'uk', occasion: 'INTERVIEW', at: `${day(20)}T09:00:00Z` } }),
    hidden: ['assignmentId'],
  },
  updateInterpretation: {
    as: attorney('A1'),
    writes: 'legal-aid',
    action: 'INTERPRETATION_UPDATED',
    setUp: async (r) => {
      const assignmentId = await r.assignment();
      return { assignmentId, interpretationId: await r.interpretation(assignmentId), status: 'ASSIGNED', interpreter: 'O. Shevchenko' };
    },
    hidden: ['assignmentId', 'interpretationId'],
  },
  requestAccommodation: {
    as: DE('social_worker'),
    writes: 'legal-aid',
    action: 'ACCOMMODATION_REQUESTED',
    setUp: async (r) => ({ assignmentId: await r.assignment(), input: { kind: 'TRAUMA_INFORMED', details: 'Female interviewer' } }),
    hidden: ['assignmentId'],
  },
  handOff: {
    as: attorney('A1'),
    writes: 'legal-aid',
    action: 'HANDOFF_OFFERED',
    setUp: async (r) => ({ assignmentId: await r.assignment(), input: { toAttorneyId: ATTORNEYS.A2._id, toJurisdiction: 'DE', reason: 'Moving', transferCategories: ['CASE'] } }),
    hidden: ['assignmentId'],
    open: { 'input.toAttorneyId': DIRECTORY },
  },
  acceptHandoff: { as: attorney('A2'), writes: 'legal-aid', action: 'HANDOFF_ACCEPTED', setUp: async (r) => ({ handoffId: await r.handoff() }), hidden: ['handoffId'] },
  refuseHandoff: { as: attorney('A2'), writes: 'legal-aid', action: 'HANDOFF_REFUSED', setUp: async (r) => ({ handoffId: await r.handoff(), reason: 'No capacity' }), hidden: ['handoffId'] },


  // The directory, by a registrar of the provider's jurisdiction.
  registerLegalAidProvider: {
    as: DE('registrar'),
    writes: 'legal-aid',
    action: 'LEGAL_AID_PROVIDER_REGISTERED',
    setUp: async () => ({ input: { organisation: `DE-mut-${unique()}`, name: 'Rechtshilfe Mutationen II', kind: 'NGO' } }),
    hidden: [],
  },
  registerAttorney: {
    as: DE('registrar'),
    writes: 'legal-aid',
    action: 'ATTORNEY_REGISTERED',
    setUp: async () => ({ input: newAttorney() }),
    hidden: [],
    open: { 'input.providerId': DIRECTORY },
  },
  deactivateAttorney: {
    as: DE('registrar'),
    writes: 'legal-aid',
    action: 'ATTORNEY_DEACTIVATED',
    setUp: async (r) => {
      const registered = await r.as(DE('registrar'), `mutation($input: RegisterAttorneyInput!) { registerAttorney(input: $input) { id } }`, { input: newAttorney() });
      return { attorneyId: registered.registerAttorney.id, reason: 'Left the provider' };
    },
    hidden: [],
    open: { attorneyId: DIRECTORY },
  },
};

/** A new attorney of the DE provider of the fixtures (fresh bar number and subject). */
function newAttorney() {
  const k = unique();
  return { providerId: ATTORNEYS.A1.providerId, name: `Attorney ${k}`, barNumber: `BAR-${k}`, jurisdictions: ['DE'], languages: ['de'], subject: `att-mut-${k}` };
}
