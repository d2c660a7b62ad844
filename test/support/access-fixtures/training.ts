import { establishBody } from '../../../subgraphs/training/domain/bodies';
import { SigningKeys } from '../../../subgraphs/training/domain/keys';
import { trainingModels } from '../../../subgraphs/training/models';
import type { TypeFixture } from '../access-matrix';
import type { TestHub } from '../hub';
import { act, atHome, HOME, NAMED_ONLY, once, PARTNER } from './world';

/**
 * The training subgraph's records for the access matrix: an accreditation body whose
 * region is HOME and PARTNER, with one program; a judge of HOME registered with her
 * subject, who completed it, visited a court of PARTNER and holds its certificate.
 */

/** The practitioner's own token subject. */
const SUBJECT = 'matrix.practitioner@idp.example';
const BODY = 'MX';
const PROGRAM = 'MX-JP-101';

const REGISTER = `mutation($input: RegisterPractitionerInput!) { registerPractitioner(input: $input) { id } }`;
const COMPLETE = `mutation($id: ID!) { recordCompletion(practitionerId: $id, moduleCode: "${PROGRAM}-M1", input: { completedOn: "2026-01-15", score: 90, assessor: "Trainer One" }) { id } }`;
const VISIT = `mutation($id: ID!) { recordExchangeVisit(practitionerId: $id, input: { hostCourt: "Landesgericht Wien", hostJurisdiction: "${PARTNER}", from: "2026-01-05", to: "2026-01-07", hours: 12 }) { id } }`;
const ISSUE = `mutation($id: ID!) { issueCertificate(practitionerId: $id, programCode: "${PROGRAM}", validMonths: 24) { code } }`;

function trainingWorld(hub: TestHub) {
  return once(hub, 'training', async () => {
    // Bodies and programs are set up by operators (as the demo seed does), not through the graph.
    const models = trainingModels(hub.subgraphs.training.connection, { keys: new SigningKeys(hub.env.ACCREDITATION_KEY_DIR), publicUrl: 'http://localhost:4000' });
    await establishBody(models, { id: BODY, name: 'Matrix Training Board', region: 'Matrix Region', jurisdictions: [HOME, PARTNER] }, 'test', new Date(Date.now() - 365 * 86_400_000));
    await models.programs.createMany([
      { _id: PROGRAM, title: 'Trauma-Informed Justice', bodyId: BODY, passingScore: 75, modules: [{ code: `${PROGRAM}-M1`, title: 'Module one', hours: 8, competency: 'TRAUMA_INFORMED_INTERVIEWING' }], requiredFor: ['JUDGE'] },
    ]);
    const input = { name: 'Judge Matrix', role: 'JUDGE', organization: 'Amtsgericht Matrix', email: 'judge.matrix@court.example', subject: SUBJECT };
    const practitioner = (await act(hub, 'accreditation_officer', HOME, REGISTER, { input })).registerPractitioner.id as string;
    await act(hub, 'accreditation_officer', HOME, COMPLETE, { id: practitioner });
    await act(hub, 'accreditation_officer', HOME, VISIT, { id: practitioner });
    const code = (await act(hub, 'accreditation_officer', HOME, ISSUE, { id: practitioner })).issueCertificate.code as string;
    return { practitioner, code };
  });
}

const inRegion = ['REGION'];

export const trainingFixtures: Record<string, TypeFixture> = {
  Practitioner: {
    async records(hub) {
      const { practitioner } = await trainingWorld(hub);
      return { registered: { id: practitioner, gateway: { root: 'practitioner', args: { id: practitioner }, type: 'Practitioner' } } };
    },
    // Home and the partner are the body's region.
    alsoHolds: { own: inRegion, 'own, no purpose': inRegion, partner: inRegion },
    scenarios: {
      // She signs in as a judge (her profession): her subject on a token of another role is not her.
      'the practitioner': { claims: { jurisdiction: HOME, sub: SUBJECT }, facts: (role) => atHome(role, 'REGION', ...(role === 'judge' ? ['SELF'] : [])) },
      // Nor on a token of another jurisdiction.
      'her subject abroad': { claims: { jurisdiction: NAMED_ONLY, sub: SUBJECT }, facts: () => [] },
    },
  },
  Certificate: {
    async records(hub) {
      const { code } = await trainingWorld(hub);
      const read = { root: 'certificate', args: { code }, type: 'Certificate' };
      return { issued: { id: code, gateway: read, direct: read, unset: ['revocation', 'suspension', 'reissueOf', 'reissueReason'] } };
    },
  },
  AccreditationBody: {
    async records(hub) {
      await trainingWorld(hub);
      return { body: { id: BODY, gateway: { root: 'accreditationBody', args: { id: BODY }, type: 'AccreditationBody' } } };
    },
  },
  CertificateVerification: {
    async records(hub) {
      const { code } = await trainingWorld(hub);
      const read = { root: 'verifyCertificate', args: { code }, type: 'CertificateVerification' };
      return { issued: { id: code, gateway: read, direct: read } };
    },
  },
};
