import type { MutationFixture } from '../mutation-fixtures';
import { day, PROGRAM, unique, OFFICER } from '../records';

const PRACTITIONERS_ARE_OPEN = 'who a practitioner is, where and in what certified, is open to every authenticated caller (practitionerAccess)';

/** The training subgraph's mutations (rows of MUTATIONS, test/support/mutation-fixtures.ts). */
export const TRAINING: Record<string, MutationFixture> = {
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
