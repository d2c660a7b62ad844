import type { MutationFixture, Variables } from '../mutation-fixtures';
import { day, unique, DE, AT, type Records } from '../records';

const step = (status: Parameters<Records['legalAssistanceRequest']>[0], extra: Variables = {}) => async (r: Records) => ({ id: await r.legalAssistanceRequest(status), ...extra });

/** The proceedings subgraph's mutations (rows of MUTATIONS, test/support/mutation-fixtures.ts). */
export const PROCEEDINGS: Record<string, MutationFixture> = {
  openProceeding: {
    as: DE('prosecutor'),
    writes: 'proceedings',
    action: 'PROCEEDING_OPENED',
    setUp: async (r) => ({ input: { caseNumber: `MUT ${unique()}`, court: 'Landgericht Berlin', kind: 'CRIMINAL', charges: ['THB'], victimIds: [await r.victim()] } }),
    hidden: ['input.victimIds'],
    probes: [
      {
        stranger: DE('prosecutor'),
        setUp: async (r) => ({ input: { caseNumber: `MUT ${unique()}`, court: 'Landgericht Berlin', kind: 'CRIMINAL', charges: ['THB'], victimIds: [await r.victim('AT')] } }),
        hidden: ['input.victimIds'],
      },
    ],
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
    probes: [
      {
        stranger: DE('prosecutor'),
        setUp: async (r) => ({ proceedingId: await r.proceeding(), input: { kind: 'NO_CONTACT', urgency: 'URGENT', protectedVictimId: await r.victim('AT'), grounds: 'Threats' } }),
        hidden: ['input.protectedVictimId'],
      },
    ],
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
  requestTranslation: {
    as: DE('judge'),
    writes: 'proceedings',
    action: 'TRANSLATION_REQUESTED',
    setUp: async (r) => ({ input: { subjectType: 'EVIDENCE', subjectId: await r.evidence(await r.proceeding()), targetLanguage: 'ro', dueBy: `${day(30)}T12:00:00Z` } }),
    hidden: ['input.subjectId'],
  },
  assignTranslation: {
    as: DE('prosecutor'),
    writes: 'proceedings',
    action: 'TRANSLATION_ASSIGNED',
    setUp: async (r) => ({ translationId: await r.translation(), translator: await r.translatorCertificate() }),
    hidden: ['translationId'],
  },
  deliverTranslation: { as: DE('judge'), writes: 'proceedings', action: 'TRANSLATION_DELIVERED', setUp: async (r) => ({ translationId: await r.translation('ASSIGNED'), text: 'Imaginea telefonului' }), hidden: ['translationId'] },
  draftLegalAssistanceRequest: {
    as: DE('prosecutor'),
    writes: 'proceedings',
    action: 'LEGAL_ASSISTANCE_DRAFTED',
    setUp: async (r) => ({ input: { proceedingId: await r.proceeding(), executingJurisdiction: 'AT', kind: 'BANKING_INFORMATION', urgency: 'NORMAL', subject: 'Account holders' } }),
    hidden: ['input.proceedingId'],
    probes: [
      {
        stranger: DE('prosecutor'),
        setUp: async (r) => ({ input: { proceedingId: await r.proceeding('AT'), executingJurisdiction: 'AT', kind: 'BANKING_INFORMATION', urgency: 'NORMAL', subject: 'Account holders' } }),
        hidden: ['input.proceedingId'],
      },
    ],
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
  linkProceeding: {
    as: DE('prosecutor'),
    writes: 'proceedings',
    action: 'TEAM_PROCEEDING_LINKED',
    setUp: async (r) => ({ teamId: await r.team(), proceedingId: await r.proceeding() }),
    hidden: ['teamId', 'proceedingId'],
    probes: [{ stranger: DE('prosecutor'), setUp: async (r) => ({ teamId: await r.team(), proceedingId: await r.proceeding('AT') }), hidden: ['proceedingId'] }],
  },
  extendTeam: { as: DE('prosecutor'), writes: 'proceedings', action: 'TEAM_EXTENSION_PROPOSED', setUp: async (r) => ({ teamId: await r.team(), endsOn: day(400), reason: 'More suspects found' }), hidden: ['teamId'] },
  approveTeamExtension: {
    as: AT('prosecutor'),
    writes: 'proceedings',
    action: 'TEAM_EXTENSION_APPROVED',
    setUp: async (r) => {
      const teamId = await r.team();
      await r.as(DE('prosecutor'), `mutation($id: ID!, $on: String!) { extendTeam(teamId: $id, endsOn: $on, reason: "More suspects found") { id } }`, { id: teamId, on: day(400) });
      return { teamId, endsOn: day(400) };
    },
    hidden: ['teamId'],
  },
  closeTeam: { as: DE('prosecutor'), writes: 'proceedings', action: 'TEAM_CLOSED', setUp: async (r) => ({ teamId: await r.team(), reason: 'Investigation complete' }), hidden: ['teamId'] },

  // the defence (defence/)
  appointDefenceCounsel: {
    as: DE('judge'),
    writes: 'proceedings',
    action: 'DEFENCE_COUNSEL_APPOINTED',
    setUp: async (r) => ({ proceedingId: await r.proceeding('DE', undefined, ['Defendant A']), input: { defendant: 'Defendant A', counselSubject: `counsel-${unique()}`, counselOrganisation: 'Kanzlei' } }),
    hidden: ['proceedingId'],
  },
  endDefenceAppointment: { as: DE('judge'), writes: 'proceedings', action: 'DEFENCE_APPOINTMENT_ENDED', setUp: async (r) => ({ appointmentId: await r.defenceAppointment(), reason: 'Withdrew' }), hidden: ['appointmentId'] },
  setDisclosureDeadline: { as: DE('judge'), writes: 'proceedings', action: 'DISCLOSURE_DEADLINE_SET', setUp: async (r) => ({ proceedingId: await r.proceeding(), dueBy: `${day(60)}T12:00:00Z` }), hidden: ['proceedingId'] },
  orderDisclosure: { as: DE('judge'), writes: 'proceedings', action: 'DISCLOSURE_ORDERED', setUp: async (r) => ({ evidenceId: await r.evidence(await r.proceeding(), 'H2'), reasons: 'Fair trial' }), hidden: ['evidenceId'] },
  discloseEvidence: {
    as: DE('prosecutor'),
    writes: 'proceedings',
    action: 'EVIDENCE_DISCLOSED',
    setUp: async (r) => ({ evidenceId: await r.evidence(await r.proceeding('DE', undefined, ['Defendant A'])), input: { defendant: 'Defendant A' } }),
    hidden: ['evidenceId'],
  },
  orderWitnessIdentityDisclosure: {
    as: DE('judge'),
    writes: 'proceedings',
    action: 'WITNESS_IDENTITY_DISCLOSURE_ORDERED',
    setUp: async (r) => ({ proceedingId: await r.proceeding(), witness: 'W-1', reasons: 'Her identity is needed to test her account of the recruitment' }),
    hidden: ['proceedingId'],
  },

  // legal aid
};
