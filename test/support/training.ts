import { establishBody } from '../../subgraphs/training/domain/bodies';
import { SigningKeys } from '../../subgraphs/training/domain/keys';
import { checkedProgram, storeProgram } from '../../subgraphs/training/domain/programs';
import { trainingModels, type TrainingModels } from '../../subgraphs/training/models';
import type { TestHub } from './hub';

/**
 * What the training tests share: three bodies (WB: AL, RS; CE: DE, AT; SE: IT, GR, where
 * the second test issuer speaks), a program each, and the officers' registering and
 * recording through the gateway.
 */

export const REGISTER = `mutation($input: RegisterPractitionerInput!) { registerPractitioner(input: $input) { id name role jurisdiction } }`;
export const COMPLETE = `mutation($id: ID!, $module: String!, $input: CompletionInput!) { recordCompletion(practitionerId: $id, moduleCode: $module, input: $input) { id passed hours } }`;
export const ISSUE = `mutation($id: ID!, $program: String!, $months: Int!) { issueCertificate(practitionerId: $id, programCode: $program, validMonths: $months) {
  code status issuedOn expiresOn credential scope { programCode programTitle role competencies } body { id name } holder { id name } } }`;
export const VISIT = `mutation($id: ID!, $input: ExchangeVisitInput!) { recordExchangeVisit(practitionerId: $id, input: $input) { id hours hostJurisdiction } }`;

export const today = () => new Date().toISOString().slice(0, 10);
export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** Bodies and programs set up by the functions establishAccreditationBody and defineProgram call (as the demo seed does). */
export async function setUpAccreditation(hub: TestHub): Promise<TrainingModels> {
  const models = trainingModels(hub.subgraphs.training.connection, { keys: new SigningKeys(hub.env.ACCREDITATION_KEY_DIR), publicUrl: 'http://localhost:4000' });
  const at = new Date(Date.now() - 5 * 365 * 86_400_000);
  await establishBody(models, { id: 'WB', name: 'Western Balkans Training Council', region: 'Western Balkans', jurisdictions: ['AL', 'RS'] }, 'test', at);
  await establishBody(models, { id: 'CE', name: 'Central European Training Board', region: 'Central Europe', jurisdictions: ['DE', 'AT'] }, 'test', at);
  await establishBody(models, { id: 'SE', name: 'Southern European Accreditation Body', region: 'Southern Europe', jurisdictions: ['IT', 'GR'] }, 'test', at);
  const module = (code: string, hours: number, competency: string) => ({ code, title: `Module ${code}`, hours, competency });
  const programs = [
    {
      _id: 'WB-VA-101',
      title: 'Identifying Victims of Trafficking',
      bodyId: 'WB',
      passingScore: 70,
      modules: [module('WB-VA-101-M1', 8, 'VULNERABILITY_ASSESSMENT'), module('WB-VA-101-M2', 6, 'VICTIM_RIGHTS')],
      requiredFor: ['POLICE', 'SOCIAL_WORKER'],
    },
    {
      _id: 'CE-JP-201',
      title: 'Trauma-Informed Justice',
      bodyId: 'CE',
      passingScore: 75,
      modules: [module('CE-JP-201-M1', 10, 'TRAUMA_INFORMED_INTERVIEWING'), module('CE-JP-201-M2', 6, 'CHILD_SENSITIVE_PROCEDURES'), module('CE-JP-201-M3', 8, 'FINANCIAL_INVESTIGATION')],
      requiredFor: ['JUDGE', 'PROSECUTOR'],
    },
    { _id: 'SE-JP-201', title: 'Trauma-Informed Justice', bodyId: 'SE', passingScore: 75, modules: [module('SE-JP-201-M1', 10, 'TRAUMA_INFORMED_INTERVIEWING')], requiredFor: ['JUDGE'] },
  ];
  // Through defineProgram's own checks and writes (module codes held as they are for the API).
  for (const { _id, bodyId, ...rest } of programs) await storeProgram(models, await checkedProgram(models, bodyId, { code: _id, ...rest }), 'test', at);
  return models;
}

/** An officer's desk: registers practitioners (distinct names, emails and subjects) and records completions. */
export function trainingDesk(hubOf: () => TestHub) {
  let ordinal = 0;
  return {
    async register(jurisdiction: string, role = 'JUDGE', overrides: Record<string, unknown> = {}): Promise<string> {
      ordinal++;
      const input = { name: `Practitioner ${ordinal}`, role, organization: `${jurisdiction} District Court`, email: `p${ordinal}@court.example`, subject: `practitioner-${ordinal}@idp.example`, ...overrides };
      const res = await hubOf().queryAs('accreditation_officer', jurisdiction, REGISTER, { input });
      expect(res.body.errors).toBeUndefined();
      return res.body.data.registerPractitioner.id;
    },
    async complete(practitionerId: string, module: string, score = 90, completedOn = today(), officer = 'AL') {
      const res = await hubOf().queryAs('accreditation_officer', officer, COMPLETE, { id: practitionerId, module, input: { completedOn, score, assessor: 'Trainer One' } });
      expect(res.body.errors).toBeUndefined();
      return res.body.data.recordCompletion;
    },
  };
}
