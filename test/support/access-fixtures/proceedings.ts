import type { Role } from '../../../platform/auth';
import type { Scenario, TypeFixture } from '../access-matrix';
import type { TestHub } from '../hub';
import { establishBody } from '../../../subgraphs/training/domain/bodies';
import { SigningKeys } from '../../../subgraphs/training/domain/keys';
import { trainingModels } from '../../../subgraphs/training/models';
import { registerVictim } from '../victims';
import { act, atHome, HOME, once, PARTNER, subjectOf } from './world';

/**
 * The proceedings subgraph's records for the access matrix. One proceeding of the home
 * jurisdiction carries a hearing, a protective order and two items of evidence (one its
 * provider lets a team see, one restricted testimony), and is linked to an active joint
 * investigation team of HOME and PARTNER whose PARTNER members are the "team member"
 * callers; a second, closed proceeding is published as a precedent; a legal assistance
 * request to PARTNER is kept as a draft and another submitted; the proceeding's text is
 * translated by a certified interpreter and delivered.
 */

const LEAD = { home: 'matrix.setup.lead-home', partner: 'matrix.setup.lead-partner' };
/** The police officer who registers the evidence, and so holds it. */
export const CUSTODIAN = 'matrix.setup.custodian';
const MEMBER_ROLES: Role[] = ['judge', 'prosecutor', 'law_enforcement'];

const OPEN = `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`;
const SCHEDULE = `mutation($id: ID!) { scheduleHearing(proceedingId: $id, input: { scheduledAt: "2031-03-01T09:00:00Z", court: "LG Berlin", victimAppearance: IN_PERSON, safeTransportNeeded: true }) { id } }`;
const ORDER = `mutation($id: ID!, $input: RequestProtectiveOrderInput!) { requestProtectiveOrder(proceedingId: $id, input: $input) { id } }`;
const EVIDENCE = `mutation($id: ID!, $input: RegisterEvidenceInput!) { registerEvidence(proceedingId: $id, input: $input) { id } }`;
const CREATE_TEAM = `mutation($input: CreateTeamInput!) { createJointInvestigationTeam(input: $input) { id } }`;
const JOIN = `mutation($id: ID!) { joinJointInvestigationTeam(teamId: $id) { status } }`;
const LINK = `mutation($id: ID!, $p: ID!) { linkProceeding(teamId: $id, proceedingId: $p) { id } }`;
const ADD = `mutation($id: ID!, $input: TeamMemberInput!) { addTeamMember(teamId: $id, input: $input) { id } }`;
const CLOSE = `mutation($id: ID!) { advanceStage(proceedingId: $id, stage: CLOSED, outcome: "Convicted") { id } }`;
const PUBLISH = `mutation($id: ID!, $input: PublishPrecedentInput!) { publishPrecedent(proceedingId: $id, input: $input) { id ecli } }`;
const DRAFT = `mutation($input: DraftLegalAssistanceRequestInput!) { draftLegalAssistanceRequest(input: $input) { id } }`;
const SUBMIT = `mutation($id: ID!) { submitLegalAssistanceRequest(id: $id) { id } }`;
const APPOINT = `mutation($id: ID!, $input: AppointDefenceCounselInput!) { appointDefenceCounsel(proceedingId: $id, input: $input) { id } }`;
const ORDER_DISCLOSURE = `mutation($id: ID!) { orderDisclosure(evidenceId: $id, reasons: "Needed for the defence's cross-examination") { id } }`;
const DISCLOSE = `mutation($id: ID!) { discloseEvidence(evidenceId: $id, input: { defendant: "Defendant M", note: "Sealed copy" }) { id } }`;
const WITNESS_IDENTITY = `mutation($id: ID!) { orderWitnessIdentityDisclosure(proceedingId: $id, witness: "W-1", reasons: "The defence must test her account") { id } }`;

/** The defence counsel appointed for Defendant M, by subject and organisation (defence/). */
const COUNSEL = { sub: 'matrix.counsel', org: 'matrix-defence' };

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function open(hub: TestHub, caseNumber: string, victim: string): Promise<string> {
  const input = { caseNumber, court: 'Landgericht Berlin', kind: 'CRIMINAL', charges: ['§ 232a StGB'], defendants: [{ alias: 'Defendant M', nationality: 'RO', gender: 'MALE' }], victimIds: [victim] };
  return (await act(hub, 'prosecutor', HOME, OPEN, { input }, { sub: LEAD.home })).openProceeding.id;
}

/** The proceeding and what hangs on it, made once per hub (shelters and legal aid use it too). */
export function proceedingWorld(hub: TestHub) {
  return once(hub, 'proceedings', async () => {
    const victim = await registerVictim(hub, HOME);
    const proceeding = await open(hub, 'MATRIX 1/26', victim);
    const hearing = (await act(hub, 'judge', HOME, SCHEDULE, { id: proceeding })).scheduleHearing.id as string;
    const order = (
      await act(hub, 'prosecutor', HOME, ORDER, { id: proceeding, input: { kind: 'NO_CONTACT', urgency: 'STANDARD', protectedVictimId: victim, grounds: 'Threats by the defendant', protectedPersonLocation: 'Safe house, Berlin' } })
    ).requestProtectiveOrder.id as string;
    const item = (kind: string, handlingCode: string) => ({ kind, description: `${kind} ${handlingCode}`, contentHash: 'ab'.repeat(32), handlingCode, handlingConditions: 'Sealed', sourceReliability: 'B', informationAccuracy: 2 });
    const evidence = {
      shareable: (await act(hub, 'law_enforcement', HOME, EVIDENCE, { id: proceeding, input: item('DOCUMENT', 'H1') }, { sub: CUSTODIAN })).registerEvidence.id as string,
      restricted: (await act(hub, 'law_enforcement', HOME, EVIDENCE, { id: proceeding, input: item('TESTIMONY', 'H2') }, { sub: CUSTODIAN })).registerEvidence.id as string,
    };
    const teamInput = { name: 'JIT Matrix', parties: [HOME, PARTNER], purpose: 'Labour exploitation network', startsOn: day(0), endsOn: day(365) };
    const team = (await act(hub, 'prosecutor', HOME, CREATE_TEAM, { input: teamInput }, { sub: LEAD.home })).createJointInvestigationTeam.id as string;
    await act(hub, 'prosecutor', PARTNER, JOIN, { id: team }, { sub: LEAD.partner });
    await act(hub, 'prosecutor', HOME, LINK, { id: team, p: proceeding }, { sub: LEAD.home });
    for (const role of MEMBER_ROLES) await act(hub, 'prosecutor', PARTNER, ADD, { id: team, input: { sub: subjectOf('team member', role), role } }, { sub: LEAD.partner });
    // The defence: counsel for Defendant M; the restricted (H2) item disclosed to him on a judge's order, the shareable one not at all.
    const appointment = (await act(hub, 'judge', HOME, APPOINT, { id: proceeding, input: { defendant: 'Defendant M', counselSubject: COUNSEL.sub, counselOrganisation: COUNSEL.org } })).appointDefenceCounsel.id as string;
    const disclosureOrder = (await act(hub, 'judge', HOME, ORDER_DISCLOSURE, { id: evidence.restricted })).orderDisclosure.id as string;
    const disclosure = (await act(hub, 'prosecutor', HOME, DISCLOSE, { id: evidence.restricted })).discloseEvidence.id as string;
    // The victim is W-1 (recorded at the appointment); a judge ordered her identity disclosed to the defence.
    const witness = (await act(hub, 'judge', HOME, WITNESS_IDENTITY, { id: proceeding })).orderWitnessIdentityDisclosure.id as string;
    return { victim, proceeding, hearing, order, evidence, team, appointment, disclosureOrder, disclosure, witness };
  });
}

/** A member of the team in PARTNER, for each role a team can have (the others are no members: their tokens only share the jurisdiction). */
const teamMember = (member: string[], party: string[] = []): Scenario => ({
  claims: { jurisdiction: PARTNER },
  facts: (role) => (MEMBER_ROLES.includes(role) ? [...party, ...member] : party),
});

const inProceeding = (id: string, ...fields: string[]) => ({ root: 'proceeding', args: { id }, type: 'Proceeding', through: fields });

/** The counsel appointed in the proceeding, in the home jurisdiction; other roles with her subject and organisation are no counsel (they share the jurisdiction only). */
const appointedCounsel: Scenario = {
  claims: { jurisdiction: HOME, ...COUNSEL },
  facts: (role) => (role === 'defence_counsel' ? ['APPOINTED'] : atHome(role)),
};

/**
 * A VALID legal translation certificate of an interpreter, of a body of its own (LV, EE:
 * no scenario's jurisdiction), set up as the demo seed sets up bodies and programs.
 */
function translatorCode(hub: TestHub): Promise<string> {
  return once(hub, 'translator', async () => {
    const models = trainingModels(hub.subgraphs.training.connection, { keys: new SigningKeys(hub.env.ACCREDITATION_KEY_DIR), publicUrl: 'http://localhost:4000' });
    await establishBody(models, { id: 'MT', name: 'Matrix Interpreters Board', region: 'Matrix Baltic', jurisdictions: ['LV', 'EE'] }, 'test', new Date(Date.now() - 365 * 86_400_000));
    const module = { code: 'MT-LT-1-M1', title: 'Court translation', hours: 16, competency: 'LEGAL_TRANSLATION' };
    await models.programs.createMany([{ _id: 'MT-LT-1', title: 'Legal Translation', bodyId: 'MT', passingScore: 80, modules: [module], requiredFor: ['INTERPRETER'] }]);
    const input = { name: 'Interpreter Matrix', role: 'INTERPRETER', organization: 'Court Interpreters', email: 'interpreter.matrix@court.example', subject: 'matrix.interpreter@idp.example' };
    const id = (await act(hub, 'accreditation_officer', 'LV', `mutation($input: RegisterPractitionerInput!) { registerPractitioner(input: $input) { id } }`, { input })).registerPractitioner.id;
    await act(hub, 'accreditation_officer', 'LV', `mutation($id: ID!) { recordCompletion(practitionerId: $id, moduleCode: "MT-LT-1-M1", input: { completedOn: "2026-01-15", score: 90, assessor: "Trainer One" }) { id } }`, { id });
    return (await act(hub, 'accreditation_officer', 'LV', `mutation($id: ID!) { issueCertificate(practitionerId: $id, programCode: "MT-LT-1", validMonths: 24) { code } }`, { id })).issueCertificate.code as string;
  });
}

/** Who may read the proceeding's charges (no outcome yet), the original of its translation (its own rule): the court roles (and appointed counsel, in her scenario). */
const readsOriginal = MEMBER_ROLES.map((role) => `ORIGINAL_READABLE:${role}`);

export const proceedingsFixtures: Record<string, TypeFixture> = {
  Proceeding: {
    async records(hub) {
      const { proceeding } = await proceedingWorld(hub);
      return { open: { id: proceeding, gateway: { root: 'proceeding', args: { id: proceeding }, type: 'Proceeding' }, unset: ['closedAt', 'outcome', 'disclosureDueBy'] } };
    },
    scenarios: { 'team member': teamMember(['TEAM']), 'appointed counsel': appointedCounsel },
  },
  ProtectiveOrder: {
    async records(hub) {
      const { proceeding, order } = await proceedingWorld(hub);
      return { requested: { id: order, gateway: inProceeding(proceeding, 'protectiveOrders'), unset: ['decidedAt', 'decidedBy', 'reasons'] } };
    },
    scenarios: { 'team member': teamMember(['TEAM']), 'appointed counsel': appointedCounsel },
  },
  Evidence: {
    async records(hub) {
      const { proceeding, evidence } = await proceedingWorld(hub);
      return {
        shareable: { id: evidence.shareable, gateway: inProceeding(proceeding, 'evidence'), traits: ['SHAREABLE', 'NOT_TESTIMONY'], unset: ['courtUsePermission'] },
        restricted: { id: evidence.restricted, gateway: inProceeding(proceeding, 'evidence'), traits: ['DISCLOSED'], unset: ['courtUsePermission'] },
      };
    },
    scenarios: {
      'team member': teamMember(['TEAM']),
      'appointed counsel': appointedCounsel,
      custodian: { claims: { jurisdiction: HOME, sub: CUSTODIAN }, facts: (role) => atHome(role, 'CUSTODY') },
    },
  },
  Precedent: {
    async records(hub) {
      const victim = await registerVictim(hub, HOME);
      const proceeding = await open(hub, 'MATRIX 2/26', victim);
      await act(hub, 'judge', HOME, CLOSE, { id: proceeding });
      const input = {
        ecli: 'ECLI:DE:LGB:2026:MATRIX1',
        courtType: 'FIRST_INSTANCE',
        decidedOn: '2026-03-02',
        legalSystem: 'CIVIL_LAW',
        language: 'de',
        summary: 'The defendant recruited workers through a fake agency and held them in debt bondage; the court convicted him of trafficking for forced labour.',
        significantFeatures: 'Debt bondage was a means of coercion although the workers kept their passports.',
        legalIssues: ['COMPENSATION'],
        keywords: { acts: ['RECRUITMENT'], means: ['DEBT_BONDAGE'], purposes: ['FORCED_LABOUR'], sectors: ['LOGISTICS'] },
      };
      const { id, ecli } = (await act(hub, 'judge', HOME, PUBLISH, { id: proceeding, input })).publishPrecedent;
      return { published: { id, gateway: { root: 'precedent', args: { ecli }, type: 'Precedent' }, unset: ['withdrawnReason', 'proceeding'] } };
    },
  },
  JointInvestigationTeam: {
    async records(hub) {
      const { team } = await proceedingWorld(hub);
      return { active: { id: team, gateway: { root: 'jointInvestigationTeam', args: { id: team }, type: 'JointInvestigationTeam' }, unset: ['closedAt', 'closingReason', 'pendingExtension'] } };
    },
    alsoHolds: { own: ['TEAM_PARTY'], 'own, no purpose': ['TEAM_PARTY'], partner: ['TEAM_PARTY'] },
    scenarios: { 'team member': teamMember(['TEAM_MEMBER'], ['TEAM_PARTY']) },
  },
  Translation: {
    async records(hub) {
      const { proceeding } = await proceedingWorld(hub);
      const input = { subjectType: 'PROCEEDING', subjectId: proceeding, targetLanguage: 'ro' };
      const id = (await act(hub, 'judge', HOME, `mutation($input: RequestTranslationInput!) { requestTranslation(input: $input) { id } }`, { input })).requestTranslation.id as string;
      await act(hub, 'prosecutor', HOME, `mutation($id: ID!, $code: String!) { assignTranslation(translationId: $id, translator: $code) { id } }`, { id, code: await translatorCode(hub) });
      await act(hub, 'judge', HOME, `mutation($id: ID!) { deliverTranslation(translationId: $id, text: "Trafic de persoane (§ 232a StGB)") { id } }`, { id });
      return { delivered: { id, gateway: inProceeding(proceeding, 'translations'), unset: ['dueBy'] } };
    },
    // Its original, the proceeding, is visible at home and to the team's members, and read there by the court roles.
    alsoHolds: { own: ['ORIGINAL_VISIBLE', ...readsOriginal], 'own, no purpose': ['ORIGINAL_VISIBLE', ...readsOriginal] },
    scenarios: {
      // A member reads the proceeding on the path (TEAM), and so its original.
      'team member': { claims: { jurisdiction: PARTNER }, facts: (role) => (MEMBER_ROLES.includes(role) ? ['TEAM', 'ORIGINAL_VISIBLE', `ORIGINAL_READABLE:${role}`] : []) },
      // Counsel knows of the proceeding and reads its charges (no outcome yet: the whole original); the others share the jurisdiction only.
      'appointed counsel': {
        claims: appointedCounsel.claims,
        facts: (role) => (role === 'defence_counsel' ? ['APPOINTED', 'ORIGINAL_VISIBLE', 'ORIGINAL_READABLE:defence_counsel'] : [...atHome(role), 'ORIGINAL_VISIBLE', ...readsOriginal]),
      },
    },
  },
  DefenceAppointment: {
    async records(hub) {
      const { proceeding, appointment } = await proceedingWorld(hub);
      return { active: { id: appointment, gateway: inProceeding(proceeding, 'defenceAppointments'), unset: ['endedAt', 'endReason'] } };
    },
    scenarios: { 'appointed counsel': appointedCounsel },
  },
  Disclosure: {
    async records(hub) {
      const { proceeding, disclosure } = await proceedingWorld(hub);
      return { ordered: { id: disclosure, gateway: inProceeding(proceeding, 'disclosures'), traits: ['DISCLOSED'] } };
    },
    scenarios: { 'appointed counsel': appointedCounsel },
  },
  DisclosureOrder: {
    async records(hub) {
      const { proceeding, disclosureOrder } = await proceedingWorld(hub);
      return { ordered: { id: disclosureOrder, gateway: inProceeding(proceeding, 'disclosures', 'order'), traits: ['DISCLOSED'] } };
    },
    scenarios: { 'appointed counsel': appointedCounsel },
  },
  Witness: {
    async records(hub) {
      const { proceeding, witness } = await proceedingWorld(hub);
      return { ordered: { id: witness, gateway: inProceeding(proceeding, 'witnesses'), traits: ['IDENTITY_ORDERED'] } };
    },
    scenarios: { 'appointed counsel': appointedCounsel },
  },
  LegalAssistanceRequest: {
    async records(hub) {
      const { proceeding } = await proceedingWorld(hub);
      const input = { proceedingId: proceeding, executingJurisdiction: PARTNER, kind: 'BANKING_INFORMATION', urgency: 'NORMAL', subject: 'Holders of account AT61 1904 3002 3457 3201' };
      const draft = async () => (await act(hub, 'prosecutor', HOME, DRAFT, { input }, { sub: LEAD.home })).draftLegalAssistanceRequest.id as string;
      const submitted = await draft();
      await act(hub, 'prosecutor', HOME, SUBMIT, { id: submitted }, { sub: LEAD.home });
      const unset = ['recognitionDue', 'executionDue', 'extension', 'refusalGrounds', 'postponedUntil', 'executionSummary'];
      const read = (id: string) => ({ root: 'legalAssistanceRequest', args: { id }, type: 'LegalAssistanceRequest' });
      const drafted = await draft();
      return {
        submitted: { id: submitted, gateway: read(submitted), traits: ['SUBMITTED'], unset: [...unset, 'proceeding'] },
        draft: { id: drafted, gateway: read(drafted), unset },
      };
    },
    alsoHolds: { partner: ['EXECUTING_SIDE'] },
  },
};
