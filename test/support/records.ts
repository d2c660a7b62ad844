import { randomBytes } from 'node:crypto';
import { PURPOSES } from '../../platform/purposes';
import { legalAidModels } from '../../subgraphs/legal-aid/models';
import { establishBody } from '../../subgraphs/training/domain/bodies';
import { SigningKeys } from '../../subgraphs/training/domain/keys';
import { trainingModels } from '../../subgraphs/training/models';
import type { HubClient, TestHub } from './hub';

/**
 * Records made as a partner system would make them, through the gateway: victims,
 * shelters, placements, proceedings, requests, teams, assignments, practitioners… Only the
 * directories the API does not write (legal aid providers and attorneys, accreditation
 * bodies and programs) are set up by operators, as the demo seed does.
 */

/** Who calls: a role in a jurisdiction, with the token's `sub` and `org` when they matter. */
export interface Actor {
  role: string;
  jurisdiction: string;
  sub?: string;
  org?: string;
}

/** Attorney 1 and 2 of one DE provider; the seed's shape of a directory entry. */
export const ATTORNEYS = {
  A1: { _id: 'attorney-mut-000000001', practitionerId: 'att-mut-1', providerId: 'prov-de-mut-0000000001' },
  A2: { _id: 'attorney-mut-000000002', practitionerId: 'att-mut-2', providerId: 'prov-de-mut-0000000001' },
};
export const DE = (role: string, extra: Partial<Actor> = {}): Actor => ({ role, jurisdiction: 'DE', ...extra });
export const AT = (role: string): Actor => ({ role, jurisdiction: 'AT' });
/** An accreditation officer of body WB's region. */
export const OFFICER: Actor = { role: 'accreditation_officer', jurisdiction: 'AL' };
export const attorney = (a: keyof typeof ATTORNEYS): Actor => ({ role: 'legal_aid_attorney', jurisdiction: 'DE', sub: ATTORNEYS[a].practitionerId, org: ATTORNEYS[a].providerId });

/** A program of body WB (region AL, RS) with two modules. */
export const PROGRAM = { code: 'WB-MUT-101', modules: ['WB-MUT-101-M1', 'WB-MUT-101-M2'], body: 'WB' };
/** A legal translation program of body WB: its first module builds LEGAL_TRANSLATION, for interpreters. */
export const TRANSLATION_PROGRAM = { code: 'WB-LT-301', modules: ['WB-LT-301-M1', 'WB-LT-301-M2'], body: 'WB' };

export async function setUpDirectories(hub: TestHub): Promise<void> {
  const legalAid = legalAidModels(hub.subgraphs['legal-aid'].connection);
  await legalAid.providers.createMany([{ _id: ATTORNEYS.A1.providerId, name: 'Rechtshilfe Mutationen e.V.', jurisdiction: 'DE', kind: 'NGO' }]);
  await legalAid.attorneys.createMany(
    Object.values(ATTORNEYS).map((a, i) => ({ ...a, name: `Attorney M${i + 1}`, barNumber: `BAR-M${i + 1}`, jurisdictions: ['DE'], languages: ['de', 'uk'], acceptingCases: true })),
  );
  const training = trainingModels(hub.subgraphs.training.connection, { keys: new SigningKeys(hub.env.ACCREDITATION_KEY_DIR), publicUrl: 'http://localhost:4000' });
  await establishBody(training, { id: PROGRAM.body, name: 'Western Balkans Training Council', region: 'Western Balkans', jurisdictions: ['AL', 'RS'] }, 'test', new Date(Date.now() - 365 * 86_400_000));
  await training.programs.createMany([
    {
      _id: PROGRAM.code,
      title: 'Identifying Victims of Trafficking',
      bodyId: PROGRAM.body,
      passingScore: 70,
      modules: PROGRAM.modules.map((code) => ({ code, title: `Module ${code}`, hours: 8, competency: 'VULNERABILITY_ASSESSMENT' })),
      requiredFor: ['POLICE', 'JUDGE'],
    },
    {
      _id: TRANSLATION_PROGRAM.code,
      title: 'Legal Translation in Trafficking Proceedings',
      bodyId: TRANSLATION_PROGRAM.body,
      passingScore: 80,
      modules: TRANSLATION_PROGRAM.modules.map((code, i) => ({ code, title: `Module ${code}`, hours: 8, competency: i === 0 ? 'LEGAL_TRANSLATION' : 'CULTURAL_COMPETENCE' })),
      requiredFor: ['INTERPRETER'],
    },
  ]);
}

const DAY = 86_400_000;
/** A date `offset` days from today. Stays start tomorrow at the earliest: a run that crosses midnight between set-up and call must not find them in the past. */
export const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
export const unique = () => randomBytes(6).toString('hex');

/** A shelter to register (RegisterShelterInput): one that takes anyone, in Berlin, with a unique name; tests override what they test. */
export const shelterInput = (overrides: Record<string, unknown> = {}) => ({
  name: `Shelter ${unique()}`,
  city: 'Berlin',
  capacity: 10,
  services: ['MEDICAL', 'PSYCHOLOGICAL'],
  accessibility: [],
  acceptsGenders: ['FEMALE', 'MALE', 'NON_BINARY', 'UNDISCLOSED'],
  acceptsUnaccompaniedMinors: false,
  acceptsFamilies: false,
  maxStayDays: 90,
  languages: ['de', 'en'],
  securityLevel: 'STANDARD',
  address: 'Geheimweg 1, Berlin',
  phone: '+49 30 1234',
  ...overrides,
});

export class Records {
  constructor(readonly hub: HubClient) {}

  /** Runs an operation as `actor`; the data, or a thrown error naming what failed. */
  async as(actor: Actor, query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const token = await this.hub.token(actor.role, actor.jurisdiction, { ...(actor.sub ? { sub: actor.sub } : {}), ...(actor.org ? { org: actor.org } : {}) });
    const res = await this.hub.query(token, query, variables);
    if (res.body.errors) throw new Error(`set-up failed: ${query.slice(0, 80)}… ${JSON.stringify(res.body.errors)}`);
    return res.body.data;
  }

  async victim(jurisdiction = 'DE'): Promise<string> {
    const input = { legalName: `Person ${unique()}`, dateOfBirth: '1991-04-12', nationality: 'UA', gender: 'FEMALE', languages: ['uk'], contactPhone: '+380501234567' };
    const data = await this.as({ role: 'social_worker', jurisdiction }, `mutation($input: RegisterVictimInput!) { registerVictim(input: $input) { victim { id } } }`, { input });
    return data.registerVictim.victim.id;
  }

  async consent(victimId: string, categories: string[], granteeJurisdictions: string[], jurisdiction = 'DE'): Promise<string> {
    const query = `mutation($v: ID!, $input: GrantConsentInput!) { grantConsent(victimId: $v, input: $input) { id } }`;
    return (await this.as({ role: 'social_worker', jurisdiction }, query, { v: victimId, input: { categories, granteeJurisdictions, purposes: PURPOSES } })).grantConsent.id;
  }

  async shelter(jurisdiction = 'DE'): Promise<string> {
    // Run by the default org of a shelter_staff token of the jurisdiction: its staff.
    const input = shelterInput({ operator: `${jurisdiction}-demo-org`, capacity: 50 });
    return (await this.as({ role: 'registrar', jurisdiction }, `mutation($input: RegisterShelterInput!) { registerShelter(input: $input) { id } }`, { input })).registerShelter.id;
  }

  async placement(shelterId: string, victimId: string, jurisdiction = 'DE'): Promise<string> {
    const query = `mutation($s: ID!, $v: ID!, $input: PlacementInput!) { requestPlacement(shelterId: $s, victimId: $v, input: $input) { id } }`;
    return (await this.as({ role: 'social_worker', jurisdiction }, query, { s: shelterId, v: victimId, input: { from: day(1), needs: ['PSYCHOLOGICAL'] } })).requestPlacement.id;
  }

  /** A placement its shelter's staff accepted (the default org of a shelter_staff token runs r.shelter()'s shelters). */
  async acceptedPlacement(shelterId: string, victimId: string, jurisdiction = 'DE'): Promise<string> {
    const id = await this.placement(shelterId, victimId, jurisdiction);
    await this.as({ role: 'shelter_staff', jurisdiction }, `mutation($id: ID!) { acceptPlacement(placementId: $id) { id } }`, { id });
    return id;
  }

  async proceeding(jurisdiction = 'DE', victimIds?: string[], defendants: string[] = []): Promise<string> {
    const input = {
      caseNumber: `MUT ${unique()}`,
      court: 'Landgericht Berlin',
      kind: 'CRIMINAL',
      charges: ['Trafficking in human beings'],
      defendants: defendants.map((alias) => ({ alias, nationality: 'RO', gender: 'MALE' })),
      victimIds: victimIds ?? [await this.victim(jurisdiction)],
    };
    return (await this.as({ role: 'prosecutor', jurisdiction }, `mutation($input: OpenProceedingInput!) { openProceeding(input: $input) { id } }`, { input })).openProceeding.id;
  }

  async closedProceeding(jurisdiction = 'DE'): Promise<string> {
    const id = await this.proceeding(jurisdiction);
    await this.as({ role: 'judge', jurisdiction }, `mutation($id: ID!) { advanceStage(proceedingId: $id, stage: CLOSED, outcome: "Convicted") { stage } }`, { id });
    return id;
  }

  async hearing(proceedingId: string, jurisdiction = 'DE'): Promise<string> {
    const query = `mutation($id: ID!, $input: ScheduleHearingInput!) { scheduleHearing(proceedingId: $id, input: $input) { id } }`;
    return (await this.as({ role: 'judge', jurisdiction }, query, { id: proceedingId, input: { scheduledAt: `${day(60)}T09:00:00Z`, court: 'Saal 1', victimAppearance: 'IN_PERSON', safeTransportNeeded: true } })).scheduleHearing.id;
  }

  async evidence(proceedingId: string, handlingCode = 'H0', jurisdiction = 'DE'): Promise<string> {
    const query = `mutation($id: ID!, $input: RegisterEvidenceInput!) { registerEvidence(proceedingId: $id, input: $input) { id } }`;
    const input = { kind: 'DIGITAL', description: 'Phone image', contentHash: 'ab'.repeat(32), handlingCode, sourceReliability: 'B', informationAccuracy: 2 };
    return (await this.as({ role: 'law_enforcement', jurisdiction, sub: 'officer-7' }, query, { id: proceedingId, input })).registerEvidence.id;
  }

  /** Defence counsel appointed for Defendant A of a new proceeding (defence/). */
  async defenceAppointment(jurisdiction = 'DE'): Promise<string> {
    const proceeding = await this.proceeding(jurisdiction, undefined, ['Defendant A']);
    const query = `mutation($id: ID!, $input: AppointDefenceCounselInput!) { appointDefenceCounsel(proceedingId: $id, input: $input) { id } }`;
    const input = { defendant: 'Defendant A', counselSubject: `counsel-${unique()}`, counselOrganisation: 'Kanzlei' };
    return (await this.as({ role: 'judge', jurisdiction }, query, { id: proceeding, input })).appointDefenceCounsel.id;
  }

  async protectiveOrder(jurisdiction = 'DE'): Promise<string> {
    const victim = await this.victim(jurisdiction);
    const proceeding = await this.proceeding(jurisdiction, [victim]);
    const query = `mutation($id: ID!, $input: RequestProtectiveOrderInput!) { requestProtectiveOrder(proceedingId: $id, input: $input) { id } }`;
    const input = { kind: 'NO_CONTACT', urgency: 'URGENT', protectedVictimId: victim, grounds: 'Threats by phone' };
    return (await this.as({ role: 'prosecutor', jurisdiction }, query, { id: proceeding, input })).requestProtectiveOrder.id;
  }

  /** A team of DE and AT set up by DE's prosecutor; with `joined`, AT's prosecutor joined too (ACTIVE). */
  async team(joined = true): Promise<string> {
    const input = { name: `JIT ${unique()}`, parties: ['DE', 'AT'], purpose: 'Labour exploitation network', startsOn: day(0), endsOn: day(365) };
    const id = (await this.as({ role: 'prosecutor', jurisdiction: 'DE' }, `mutation($input: CreateTeamInput!) { createJointInvestigationTeam(input: $input) { id } }`, { input })).createJointInvestigationTeam.id;
    if (joined) await this.as({ role: 'prosecutor', jurisdiction: 'AT' }, `mutation($id: ID!) { joinJointInvestigationTeam(teamId: $id) { status } }`, { id });
    return id;
  }

  async teamMember(teamId: string, sub: string): Promise<void> {
    await this.as({ role: 'prosecutor', jurisdiction: 'DE' }, `mutation($id: ID!, $sub: String!) { addTeamMember(teamId: $id, input: { sub: $sub, role: law_enforcement }) { id } }`, { id: teamId, sub });
  }

  /** A request of DE to AT, taken through the API to one of DRAFT, SUBMITTED, RECEIVED, RECOGNIZED, EXECUTED. */
  async legalAssistanceRequest(status: 'DRAFT' | 'SUBMITTED' | 'RECEIVED' | 'RECOGNIZED' | 'EXECUTED'): Promise<string> {
    const input = { proceedingId: await this.proceeding('DE'), executingJurisdiction: 'AT', kind: 'BANKING_INFORMATION', urgency: 'NORMAL', subject: 'Holders of account AT61 1904' };
    const query = `mutation($input: DraftLegalAssistanceRequestInput!) { draftLegalAssistanceRequest(input: $input) { id } }`;
    const id = (await this.as({ role: 'prosecutor', jurisdiction: 'DE' }, query, { input })).draftLegalAssistanceRequest.id;
    const steps: Array<[string, string, string]> = [
      ['SUBMITTED', 'DE', 'submitLegalAssistanceRequest(id: $id)'],
      ['RECEIVED', 'AT', 'acknowledgeReceipt(id: $id)'],
      ['RECOGNIZED', 'AT', 'recognizeRequest(id: $id)'],
      ['EXECUTED', 'AT', 'recordExecution(id: $id, summary: "Records obtained")'],
    ];
    for (const [reached, jurisdiction, call] of steps.slice(0, ['DRAFT', 'SUBMITTED', 'RECEIVED', 'RECOGNIZED', 'EXECUTED'].indexOf(status))) {
      const data = await this.as({ role: 'prosecutor', jurisdiction }, `mutation($id: ID!) { step: ${call} { status } }`, { id });
      if (data.step.status !== reached) throw new Error(`set-up: the request is ${data.step.status}, not ${reached}`);
    }
    return id;
  }

  async precedent(): Promise<string> {
    const ecli = `ECLI:DE:LGB:2026:M${unique()}`;
    const input = {
      ecli,
      courtType: 'FIRST_INSTANCE',
      decidedOn: '2026-03-02',
      legalSystem: 'CIVIL_LAW',
      language: 'en',
      summary: 'The defendant recruited workers through a fake agency and held them in debt bondage; convicted of trafficking for forced labour.',
      significantFeatures: 'Debt bondage was a means of coercion although the victims kept their passports.',
      legalIssues: ['COMPENSATION'],
      keywords: { acts: ['RECRUITMENT'], means: ['DEBT_BONDAGE'], purposes: ['FORCED_LABOUR'] },
    };
    const query = `mutation($id: ID!, $input: PublishPrecedentInput!) { publishPrecedent(proceedingId: $id, input: $input) { ecli } }`;
    return (await this.as({ role: 'judge', jurisdiction: 'DE' }, query, { id: await this.closedProceeding('DE'), input })).publishPrecedent.ecli;
  }

  /** An assignment of a DE victim to attorney A1: OFFERED, or ACTIVE once A1 recorded the representation consent. */
  async assignment(active = true): Promise<string> {
    const query = `mutation($v: ID!, $input: AssignLegalAidInput!) { assignLegalAid(victimId: $v, input: $input) { id } }`;
    const input = { attorneyId: ATTORNEYS.A1._id, matter: 'CRIMINAL_PROCEEDING', jurisdiction: 'DE' };
    const id = (await this.as({ role: 'social_worker', jurisdiction: 'DE' }, query, { v: await this.victim('DE'), input })).assignLegalAid.id;
    if (active) await this.as(attorney('A1'), `mutation($id: ID!) { recordRepresentationConsent(assignmentId: $id, input: { givenOn: "${day(-1)}", language: "uk", interpreterUsed: true }) { id } }`, { id });
    return id;
  }

  async interpretation(assignmentId: string): Promise<string> {
    const input = { language: 'uk', occasion: 'HEARING', at: `${day(30)}T09:00:00Z` };
    await this.as(attorney('A1'), `mutation($id: ID!, $input: InterpretationInput!) { requestInterpretation(assignmentId: $id, input: $input) { id } }`, { id: assignmentId, input });
    const data = await this.as(attorney('A1'), `query($id: ID!) { legalAidAssignment(id: $id) { interpretations { id } } }`, { id: assignmentId });
    return data.legalAidAssignment.interpretations[0].id;
  }

  /** A1 offers an ACTIVE assignment to A2 (same jurisdiction, CASE only). */
  async handoff(): Promise<string> {
    const input = { toAttorneyId: ATTORNEYS.A2._id, toJurisdiction: 'DE', reason: 'Moving', transferCategories: ['CASE'] };
    const query = `mutation($id: ID!, $input: HandOffInput!) { handOff(assignmentId: $id, input: $input) { id } }`;
    return (await this.as(attorney('A1'), query, { id: await this.assignment(), input })).handOff.id;
  }

  async practitioner(role = 'POLICE', jurisdiction = 'AL'): Promise<string> {
    const n = unique();
    const input = { name: `Practitioner ${n}`, role, organization: 'District Court', email: `p${n}@court.example`, subject: `practitioner-${n}@idp.example` };
    const query = `mutation($input: RegisterPractitionerInput!) { registerPractitioner(input: $input) { id } }`;
    return (await this.as({ role: 'accreditation_officer', jurisdiction }, query, { input })).registerPractitioner.id;
  }

  /** A practitioner of AL who passed every module of the program. */
  async trained(): Promise<string> {
    const id = await this.practitioner();
    const query = `mutation($id: ID!, $module: String!) { recordCompletion(practitionerId: $id, moduleCode: $module, input: { completedOn: "${day(-1)}", score: 90, assessor: "Trainer One" }) { id } }`;
    for (const module of PROGRAM.modules) await this.as({ role: 'accreditation_officer', jurisdiction: 'AL' }, query, { id, module });
    return id;
  }

  /**
   * The code of an interpreter's legal translation certificate (TRANSLATION_PROGRAM), issued
   * for `validMonths`: VALID, or taken on to SUSPENDED or REVOKED by the body's officer.
   */
  async translatorCertificate(status: 'VALID' | 'SUSPENDED' | 'REVOKED' = 'VALID', validMonths = 24): Promise<string> {
    const officer = { role: 'accreditation_officer', jurisdiction: 'AL' };
    const id = await this.practitioner('INTERPRETER');
    const complete = `mutation($id: ID!, $module: String!) { recordCompletion(practitionerId: $id, moduleCode: $module, input: { completedOn: "${day(-1)}", score: 90, assessor: "Trainer One" }) { id } }`;
    for (const module of TRANSLATION_PROGRAM.modules) await this.as(officer, complete, { id, module });
    const issue = `mutation($id: ID!, $months: Int!) { issueCertificate(practitionerId: $id, programCode: "${TRANSLATION_PROGRAM.code}", validMonths: $months) { code } }`;
    const code = (await this.as(officer, issue, { id, months: validMonths })).issueCertificate.code;
    if (status === 'SUSPENDED') await this.as(officer, `mutation($code: String!) { suspendCertificate(code: $code, reason: "Complaint under review") { code } }`, { code });
    if (status === 'REVOKED') await this.as(officer, `mutation($code: String!) { revokeCertificate(code: $code, reason: "Conflict of interest") { code } }`, { code });
    return code;
  }

  /** A translation of a DE item of evidence into Romanian, requested by DE's judge: REQUESTED, ASSIGNED (to a certified translator) or DELIVERED. */
  async translation(status: 'REQUESTED' | 'ASSIGNED' | 'DELIVERED' = 'REQUESTED'): Promise<string> {
    const judge = { role: 'judge', jurisdiction: 'DE' };
    const input = { subjectType: 'EVIDENCE', subjectId: await this.evidence(await this.proceeding('DE')), targetLanguage: 'ro' };
    const id = (await this.as(judge, `mutation($input: RequestTranslationInput!) { requestTranslation(input: $input) { id } }`, { input })).requestTranslation.id;
    if (status === 'REQUESTED') return id;
    await this.as(judge, `mutation($id: ID!, $code: String!) { assignTranslation(translationId: $id, translator: $code) { status } }`, { id, code: await this.translatorCertificate() });
    if (status === 'DELIVERED') await this.as(judge, `mutation($id: ID!) { deliverTranslation(translationId: $id, text: "Imaginea telefonului") { status } }`, { id });
    return id;
  }

  /** A certificate's code: VALID, or SUSPENDED. */
  async certificate(suspended = false): Promise<string> {
    const query = `mutation($id: ID!) { issueCertificate(practitionerId: $id, programCode: "${PROGRAM.code}", validMonths: 24) { code } }`;
    const code = (await this.as({ role: 'accreditation_officer', jurisdiction: 'AL' }, query, { id: await this.trained() })).issueCertificate.code;
    if (suspended) await this.as({ role: 'accreditation_officer', jurisdiction: 'AL' }, `mutation($code: String!) { suspendCertificate(code: $code, reason: "CPD overdue") { code } }`, { code });
    return code;
  }
}
