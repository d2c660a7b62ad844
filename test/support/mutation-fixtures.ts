import { attorney, ATTORNEYS, day, PROGRAM, unique, type Actor, type Records } from './records';

/**
 * One row per mutation of the composed schema (test/mutations.test.ts walks them all):
 * who may call it, how to make what it acts on through the API, its variables (named as
 * its arguments), the subgraph it writes to and the audit action it writes there, and
 * which of its ids a stranger may not know of.
 *
 * Adding a mutation: add a row under its name here. `setUp` returns fresh variables for a
 * call that succeeds as `as`; every id argument (`fooId`, `input.barId`, ID types) is in
 * `hidden` (a caller of the same role in another jurisdiction gets the same answer for it
 * as for a random id) or in `open` with why anyone may know of that record.
 */

export type Variables = Record<string, unknown>;

export interface MutationFixture {
  /** A caller who may make this change. */
  as: Actor;
  /** The subgraph that writes, and the audit action it writes first. */
  writes: 'victims' | 'proceedings' | 'shelters' | 'legal-aid' | 'training';
  action: string;
  /** Makes what the mutation acts on (fresh for each row); resolves to its variables. */
  setUp(records: Records): Promise<Variables>;
  /** Ids of records a stranger may not see: the stranger's answer must not tell them from a random id. */
  hidden: string[];
  /** Ids of records every caller may see, with why (not compared). */
  open?: Record<string, string>;
  /** Someone of a role that may call it, in a jurisdiction with no basis to see the records (default: `as`'s role in LU). */
  stranger?: Actor;
}

const DE = (role: string, extra: Partial<Actor> = {}): Actor => ({ role, jurisdiction: 'DE', ...extra });
const AT = (role: string): Actor => ({ role, jurisdiction: 'AT' });
const OFFICER: Actor = { role: 'accreditation_officer', jurisdiction: 'AL' };
const SHELTERS_ARE_OPEN = "a shelter's name, place and capacity are open to every authenticated caller (matchShelters)";
const DIRECTORY = 'the attorney directory is open to every authenticated caller';
const PRACTITIONERS_ARE_OPEN = 'who a practitioner is, where and in what certified, is open to every authenticated caller (practitionerAccess)';
const step = (status: Parameters<Records['legalAssistanceRequest']>[0], extra: Variables = {}) => async (r: Records) => ({ id: await r.legalAssistanceRequest(status), ...extra });

export const MUTATIONS: Record<string, MutationFixture> = {
  // victims
  registerVictim: {
    as: DE('social_worker'),
    writes: 'victims',
    action: 'REGISTER',
    setUp: async () => ({ input: { legalName: `Never Stored ${unique()}`, nationality: 'UA', gender: 'FEMALE' } }),
    hidden: [],
  },
  recordScreening: {
    as: DE('social_worker'),
    writes: 'victims',
    action: 'SCREENING_RECORDED',
    setUp: async (r) => ({ victimId: await r.victim(), input: { observedIndicators: ['CR_VIOLENCE'], assessor: 'A. Assessor', formVersion: '1' } }),
    hidden: ['victimId'],
  },
  startRecoveryPeriod: { as: DE('social_worker'), writes: 'victims', action: 'RECOVERY_PERIOD_STARTED', setUp: async (r) => ({ victimId: await r.victim(), input: { days: 30 } }), hidden: ['victimId'] },
  grantConsent: {
    as: DE('social_worker'),
    writes: 'victims',
    action: 'CONSENT_GRANTED',
    setUp: async (r) => ({ victimId: await r.victim(), input: { categories: ['HEALTH'], granteeJurisdictions: ['AT'], purposes: ['VICTIM_SUPPORT'] } }),
    hidden: ['victimId'],
  },
  withdrawConsent: { as: DE('social_worker'), writes: 'victims', action: 'CONSENT_WITHDRAWN', setUp: async (r) => ({ consentId: await r.consent(await r.victim(), ['HEALTH'], ['AT']) }), hidden: ['consentId'] },
  closeVictimRecord: { as: DE('social_worker'), writes: 'victims', action: 'RECORD_CLOSED', setUp: async (r) => ({ victimId: await r.victim(), reason: 'Returned home' }), hidden: ['victimId'] },
  eraseVictimData: { as: DE('judge'), writes: 'victims', action: 'ERASED', setUp: async (r) => ({ victimId: await r.victim(), legalBasis: 'GDPR Art. 17' }), hidden: ['victimId'] },

  // shelters
  registerShelter: {
    as: DE('shelter_staff'),
    writes: 'shelters',
    action: 'SHELTER_REGISTERED',
    setUp: async () => ({
      input: { name: `Shelter ${unique()}`, city: 'Berlin', capacity: 5, acceptsGenders: ['FEMALE'], maxStayDays: 90, languages: ['de'], securityLevel: 'STANDARD', address: 'Weg 2', phone: '+49 30 1' },
    }),
    hidden: [],
  },
  requestPlacement: {
    as: DE('social_worker'),
    writes: 'shelters',
    action: 'PLACEMENT_REQUESTED',
    setUp: async (r) => ({ shelterId: await r.shelter(), victimId: await r.victim(), input: { from: day(0), needs: ['MEDICAL'] } }),
    hidden: ['victimId'],
    open: { shelterId: SHELTERS_ARE_OPEN },
  },
  confirmPlacement: { as: DE('social_worker'), writes: 'shelters', action: 'PLACEMENT_CONFIRMED', setUp: async (r) => ({ placementId: await r.placement(await r.shelter(), await r.victim()) }), hidden: ['placementId'] },
  transferPlacement: {
    as: DE('social_worker'),
    writes: 'shelters',
    action: 'PLACEMENT_TRANSFERRED',
    setUp: async (r) => ({ placementId: await r.placement(await r.shelter(), await r.victim()), toShelterId: await r.shelter() }),
    hidden: ['placementId'],
    open: { toShelterId: SHELTERS_ARE_OPEN },
  },
  dischargePlacement: {
    as: DE('social_worker'),
    writes: 'shelters',
    action: 'PLACEMENT_DISCHARGED',
    setUp: async (r) => ({ placementId: await r.placement(await r.shelter(), await r.victim()), reason: 'Moved on' }),
    hidden: ['placementId'],
  },
  arrangeTransport: {
    as: DE('social_worker'),
    writes: 'shelters',
    action: 'TRANSPORT_ARRANGED',
    setUp: async (r) => {
      const victimId = await r.victim();
      await r.placement(await r.shelter(), victimId);
      return { hearingId: await r.hearing(await r.proceeding('DE', [victimId])), victimId, input: { pickupLocation: 'Back gate', escort: 'POLICE', departAt: `${day(59)}T07:00:00Z` } };
    },
    hidden: ['hearingId', 'victimId'],
  },

  // proceedings
  openProceeding: {
    as: DE('prosecutor'),
    writes: 'proceedings',
    action: 'PROCEEDING_OPENED',
    setUp: async (r) => ({ input: { caseNumber: `MUT ${unique()}`, court: 'Landgericht Berlin', kind: 'CRIMINAL', charges: ['THB'], victimIds: [await r.victim()] } }),
    hidden: ['input.victimIds'],
  },
  advanceStage: { as: DE('prosecutor'), writes: 'proceedings', action: 'STAGE_ADVANCED', setUp: async (r) => ({ proceedingId: await r.proceeding(), stage: 'TRIAL' }), hidden: ['proceedingId'] },
  scheduleHearing: {
    as: DE('judge'),
    writes: 'proceedings',
    action: 'HEARING_SCHEDULED',
    setUp: async (r) => ({ proceedingId: await r.proceeding(), input: { scheduledAt: `${day(90)}T09:00:00Z`, court: 'Saal 2', victimAppearance: 'VIDEO_LINK' } }),
    hidden: ['proceedingId'],
  },
  requestProtectiveOrder: {
    as: DE('prosecutor'),
    writes: 'proceedings',
    action: 'PROTECTIVE_ORDER_REQUESTED',
    setUp: async (r) => {
      const victim = await r.victim();
      return { proceedingId: await r.proceeding('DE', [victim]), input: { kind: 'NO_CONTACT', urgency: 'URGENT', protectedVictimId: victim, grounds: 'Threats by phone' } };
    },
    hidden: ['proceedingId', 'input.protectedVictimId'],
  },
  decideProtectiveOrder: {
    as: DE('judge'),
    writes: 'proceedings',
    action: 'PROTECTIVE_ORDER_DECIDED',
    setUp: async (r) => ({ orderId: await r.protectiveOrder(), decision: 'GRANTED', reasons: 'Credible threats' }),
    hidden: ['orderId'],
  },
  registerEvidence: {
    as: DE('law_enforcement'),
    writes: 'proceedings',
    action: 'EVIDENCE_REGISTERED',
    setUp: async (r) => ({
      proceedingId: await r.proceeding(),
      input: { kind: 'DOCUMENT', description: 'Contract', contentHash: 'cd'.repeat(32), handlingCode: 'H0', sourceReliability: 'A', informationAccuracy: 1 },
    }),
    hidden: ['proceedingId'],
  },
  recordCustodyEvent: {
    as: DE('law_enforcement', { sub: 'officer-7' }),
    writes: 'proceedings',
    action: 'CUSTODY_RECORDED',
    setUp: async (r) => ({ evidenceId: await r.evidence(await r.proceeding()), input: { action: 'TRANSFERRED', fromCustodian: 'officer-7', toCustodian: 'lab-1' } }),
    hidden: ['evidenceId'],
  },
  permitCourtUse: { as: DE('prosecutor'), writes: 'proceedings', action: 'COURT_USE_PERMITTED', setUp: async (r) => ({ evidenceId: await r.evidence(await r.proceeding(), 'H1'), reference: 'SIENA 2026/1' }), hidden: ['evidenceId'] },
  publishPrecedent: {
    as: DE('judge'),
    writes: 'proceedings',
    action: 'PRECEDENT_PUBLISHED',
    setUp: async (r) => ({
      proceedingId: await r.closedProceeding(),
      input: {
        ecli: `ECLI:DE:LGB:2026:P${unique()}`,
        courtType: 'FIRST_INSTANCE',
        decidedOn: '2026-03-02',
        legalSystem: 'CIVIL_LAW',
        language: 'en',
        summary: 'The defendant held workers in debt bondage on a farm; convicted of trafficking for forced labour.',
        significantFeatures: 'Debt bondage was a means of coercion.',
        legalIssues: ['COMPENSATION'],
        keywords: { purposes: ['FORCED_LABOUR'] },
      },
    }),
    hidden: ['proceedingId'],
  },
  correctPrecedent: { as: DE('judge'), writes: 'proceedings', action: 'PRECEDENT_CORRECTED', setUp: async (r) => ({ ecli: await r.precedent(), input: { reason: 'Typo', outcome: 'Convicted; 3 years' } }), hidden: [] },
  withdrawPrecedent: { as: DE('judge'), writes: 'proceedings', action: 'PRECEDENT_WITHDRAWN', setUp: async (r) => ({ ecli: await r.precedent(), reason: 'Quashed on appeal' }), hidden: [] },
  draftLegalAssistanceRequest: {
    as: DE('prosecutor'),
    writes: 'proceedings',
    action: 'LEGAL_ASSISTANCE_DRAFTED',
    setUp: async (r) => ({ input: { proceedingId: await r.proceeding(), executingJurisdiction: 'AT', kind: 'BANKING_INFORMATION', urgency: 'NORMAL', subject: 'Account holders' } }),
    hidden: ['input.proceedingId'],
  },
  submitLegalAssistanceRequest: { as: DE('prosecutor'), writes: 'proceedings', action: 'LEGAL_ASSISTANCE_SUBMITTED', setUp: step('DRAFT'), hidden: ['id'] },
  acknowledgeReceipt: { as: AT('prosecutor'), writes: 'proceedings', action: 'LEGAL_ASSISTANCE_RECEIVED', setUp: step('SUBMITTED'), hidden: ['id'] },
  recognizeRequest: { as: AT('prosecutor'), writes: 'proceedings', action: 'LEGAL_ASSISTANCE_RECOGNIZED', setUp: step('RECEIVED'), hidden: ['id'] },
  refuseRequest: { as: AT('prosecutor'), writes: 'proceedings', action: 'LEGAL_ASSISTANCE_REFUSED', setUp: step('RECEIVED', { grounds: 'Ne bis in idem' }), hidden: ['id'] },
  postponeRequest: { as: AT('prosecutor'), writes: 'proceedings', action: 'LEGAL_ASSISTANCE_POSTPONED', setUp: step('RECOGNIZED', { reason: 'Own investigation', until: `${day(30)}T00:00:00Z` }), hidden: ['id'] },
  recordExecution: { as: AT('prosecutor'), writes: 'proceedings', action: 'LEGAL_ASSISTANCE_EXECUTED', setUp: step('RECOGNIZED', { summary: 'Records obtained' }), hidden: ['id'] },
  closeRequest: { as: DE('prosecutor'), writes: 'proceedings', action: 'LEGAL_ASSISTANCE_CLOSED', setUp: step('EXECUTED'), hidden: ['id'] },
  extendDeadline: { as: AT('prosecutor'), writes: 'proceedings', action: 'LEGAL_ASSISTANCE_DEADLINE_EXTENDED', setUp: step('RECEIVED', { reason: 'Translation pending' }), hidden: ['id'] },
  createJointInvestigationTeam: {
    as: DE('prosecutor'),
    writes: 'proceedings',
    action: 'TEAM_CREATED',
    setUp: async () => ({ input: { name: `JIT ${unique()}`, parties: ['DE', 'AT'], purpose: 'Forced labour network', startsOn: day(0), endsOn: day(200) } }),
    hidden: [],
  },
  joinJointInvestigationTeam: { as: AT('prosecutor'), writes: 'proceedings', action: 'TEAM_JOINED', setUp: async (r) => ({ teamId: await r.team(false) }), hidden: ['teamId'] },
  addTeamMember: { as: DE('prosecutor'), writes: 'proceedings', action: 'TEAM_MEMBER_ADDED', setUp: async (r) => ({ teamId: await r.team(), input: { sub: `officer-${unique()}`, role: 'law_enforcement' } }), hidden: ['teamId'] },
  removeTeamMember: {
    as: DE('prosecutor'),
    writes: 'proceedings',
    action: 'TEAM_MEMBER_REMOVED',
    setUp: async (r) => {
      const [teamId, sub] = [await r.team(), `officer-${unique()}`];
      await r.teamMember(teamId, sub);
      return { teamId, sub };
    },
    hidden: ['teamId'],
  },
  linkProceeding: { as: DE('prosecutor'), writes: 'proceedings', action: 'TEAM_PROCEEDING_LINKED', setUp: async (r) => ({ teamId: await r.team(), proceedingId: await r.proceeding() }), hidden: ['teamId', 'proceedingId'] },
  extendTeam: { as: DE('prosecutor'), writes: 'proceedings', action: 'TEAM_EXTENDED', setUp: async (r) => ({ teamId: await r.team(), endsOn: day(400), reason: 'More suspects found' }), hidden: ['teamId'] },
  closeTeam: { as: DE('prosecutor'), writes: 'proceedings', action: 'TEAM_CLOSED', setUp: async (r) => ({ teamId: await r.team(), reason: 'Investigation complete' }), hidden: ['teamId'] },

  // legal aid
  assignLegalAid: {
    as: DE('social_worker'),
    writes: 'legal-aid',
    action: 'LEGAL_AID_ASSIGNED',
    setUp: async (r) => ({ victimId: await r.victim(), input: { attorneyId: ATTORNEYS.A1._id, matter: 'ASYLUM', jurisdiction: 'DE' } }),
    hidden: ['victimId'],
    open: { 'input.attorneyId': DIRECTORY },
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

  // training
  rotateSigningKey: { as: OFFICER, writes: 'training', action: 'SIGNING_KEY_ROTATED', setUp: async () => ({ bodyId: PROGRAM.body }), hidden: [], open: { bodyId: 'accreditation bodies are public (accreditationBody needs no token)' } },
  registerPractitioner: {
    as: OFFICER,
    writes: 'training',
    action: 'PRACTITIONER_REGISTERED',
    setUp: async () => ({ input: { name: 'Judge Mutation', role: 'JUDGE', organization: 'Tirana District Court', email: `j${unique()}@court.example`, subject: `judge-${unique()}@idp.example` } }),
    hidden: [],
  },
  recordCompletion: {
    as: OFFICER,
    writes: 'training',
    action: 'COMPLETION_RECORDED',
    setUp: async (r) => ({ practitionerId: await r.practitioner(), moduleCode: PROGRAM.modules[0], input: { completedOn: day(-2), score: 88, assessor: 'Trainer Two' } }),
    hidden: [],
    open: { practitionerId: PRACTITIONERS_ARE_OPEN },
  },
  recordExchangeVisit: {
    as: OFFICER,
    writes: 'training',
    action: 'EXCHANGE_VISIT_RECORDED',
    setUp: async (r) => ({ practitionerId: await r.practitioner('JUDGE'), input: { hostCourt: 'Basic Court Belgrade', hostJurisdiction: 'RS', from: day(-5), to: day(-4), hours: 12 } }),
    hidden: [],
    open: { practitionerId: PRACTITIONERS_ARE_OPEN },
  },
  issueCertificate: {
    as: OFFICER,
    writes: 'training',
    action: 'CERTIFICATE_ISSUED',
    setUp: async (r) => ({ practitionerId: await r.trained(), programCode: PROGRAM.code, validMonths: 24 }),
    hidden: [],
    open: { practitionerId: PRACTITIONERS_ARE_OPEN },
  },
  suspendCertificate: { as: OFFICER, writes: 'training', action: 'CERTIFICATE_SUSPENDED', setUp: async (r) => ({ code: await r.certificate(), reason: 'CPD overdue' }), hidden: [] },
  reinstateCertificate: { as: OFFICER, writes: 'training', action: 'CERTIFICATE_REINSTATED', setUp: async (r) => ({ code: await r.certificate(true) }), hidden: [] },
  revokeCertificate: { as: OFFICER, writes: 'training', action: 'CERTIFICATE_REVOKED', setUp: async (r) => ({ code: await r.certificate(), reason: 'Assessment irregular' }), hidden: [] },
};
