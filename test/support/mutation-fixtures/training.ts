import { ALPHABET } from '../../../subgraphs/training/domain/code';
import type { MutationFixture } from '../mutation-fixtures';
import { day, PROGRAM, unique, OFFICER, type Records } from '../records';

const PRACTITIONERS_ARE_OPEN = 'who a practitioner is, where and in what certified, is open to every authenticated caller (practitionerAccess)';

const REGISTRAR = { role: 'registrar', jurisdiction: 'AL' };
let bodies = 0;
/** A body id nobody has taken in this hub: Z and two characters of the certificate-code alphabet. */
const freshBodyId = () => `Z${ALPHABET[Math.floor(bodies / 32) % 32]}${ALPHABET[bodies++ % 32]}`;

/** A program of WB defined through the API, with one module; its code. */
async function definedProgram(r: Records): Promise<string> {
  const code = `WB-MUT-${unique().toUpperCase()}`;
  const input = { code, title: 'A program to retire', passingScore: 70, modules: [{ code: `${code}-M1`, title: 'Module one', hours: 4, competency: 'VICTIM_RIGHTS' }], requiredFor: ['POLICE'] };
  await r.as(OFFICER, `mutation($input: DefineProgramInput!) { defineProgram(bodyId: "${PROGRAM.body}", input: $input) { code } }`, { input });
  return code;
}

/** The training subgraph's mutations (rows of MUTATIONS, test/support/mutation-fixtures.ts). */
export const TRAINING: Record<string, MutationFixture> = {
  establishAccreditationBody: {
    as: REGISTRAR,
    writes: 'training',
    action: 'ACCREDITATION_BODY_ESTABLISHED',
    setUp: async () => ({ input: { id: freshBodyId(), name: 'Mutation Training Board', region: 'Western Balkans', jurisdictions: ['AL', 'RS'] } }),
    hidden: [],
    open: { 'input.id': 'a new body: accreditation bodies are public once established' },
  },
  defineProgram: {
    as: OFFICER,
    writes: 'training',
    action: 'PROGRAM_DEFINED',
    setUp: async () => {
      const code = `WB-MUT-${unique().toUpperCase()}`;
      return { bodyId: PROGRAM.body, input: { code, title: 'A program defined', passingScore: 70, modules: [{ code: `${code}-M1`, title: 'Module one', hours: 4, competency: 'VICTIM_RIGHTS' }], requiredFor: ['POLICE'] } };
    },
    hidden: [],
    open: { bodyId: 'accreditation bodies are public (accreditationBody needs no token)' },
  },
  retireProgram: { as: OFFICER, writes: 'training', action: 'PROGRAM_RETIRED', setUp: async (r) => ({ code: await definedProgram(r), reason: 'Superseded' }), hidden: [], open: { code: 'programs are read by every authenticated caller' } },
  reissueCertificate: {
    as: OFFICER,
    writes: 'training',
    action: 'CERTIFICATE_REISSUED',
    setUp: async (r) => {
      const code = await r.certificate();
      const holder = await r.as(OFFICER, `mutation($code: String!) { revokeCertificate(code: $code, reason: "Assessment irregular") { holder { id } } }`, { code });
      return { input: { practitionerId: holder.revokeCertificate.holder.id, programCode: PROGRAM.code, validMonths: 24, reason: 'Assessment repeated under supervision' } };
    },
    hidden: [],
    open: { 'input.practitionerId': PRACTITIONERS_ARE_OPEN },
  },
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
