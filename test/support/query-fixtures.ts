import { AT, attorney, DE, type Actor, type Records } from './records';
import type { Variables } from './mutation-fixtures';
import { reintegrationPlan, returnPlan, submittedReferral } from './mutation-fixtures/victims';

/**
 * One or more rows per root query field that takes an id (test/mutations.test.ts finds
 * them in the composed schema): a caller who sees the record, how to make it, and the
 * selection that would tell a stranger something. A field whose every id names a record
 * open to all callers is listed in OPEN_QUERIES instead, with why.
 */

export interface QueryFixture {
  /** A caller who sees the record: its answer shows the fixture's ids are real. */
  as: Actor;
  setUp(records: Records): Promise<Variables>;
  /** Ids a stranger may not know of (compared with a random id). */
  hidden: string[];
  open?: Record<string, string>;
  /** The selection asked (default `{ __typename }`): what could differ between a real and an unknown record. */
  select?: string;
  /** Default: `as`'s role in LU. */
  stranger?: Actor;
  /** Asked of the owning subgraph directly: a field the gateway does not expose (@inaccessible). */
  direct?: boolean;
}

const TRAIL = '{ subjectId events(first: 5) { totalCount edges { node { action } } } }';
const trailOf = (subjectType: string, make: (r: Records) => Promise<string>): QueryFixture => ({
  as: { role: 'auditor', jurisdiction: 'DE' },
  setUp: async (r) => ({ subjectType, subjectId: await make(r) }),
  hidden: ['subjectId'],
  select: TRAIL,
});

export const OPEN_QUERIES: Record<string, string> = {
  attorney: 'the attorney directory is open to every authenticated caller',
  shelter: "a shelter's name, place and capacity are open to every authenticated caller (its address is a field rule)",
  accreditationBody: 'accreditation bodies are public (no token needed)',
  trainingPrograms: "a body's programs are open to every authenticated caller",
  practitioner: 'who a practitioner is, where and in what certified, is open to every authenticated caller (practitionerAccess); the training record is a field rule',
};

export const QUERIES: Record<string, QueryFixture[]> = {
  victim: [{ as: DE('social_worker'), setUp: async (r) => ({ id: await r.victim() }), hidden: ['id'], select: '{ id caseReference status }' }],
  accessReport: [{ as: DE('social_worker'), setUp: async (r) => ({ victimId: await r.victim() }), hidden: ['victimId'], select: '{ __typename }' }],
  victimSharing: [
    {
      as: DE('social_worker'),
      setUp: async (r) => ({ victimIds: [await r.victim()] }),
      hidden: ['victimIds'],
      select: '{ victimId jurisdiction consents { id } }',
      direct: true,
    },
  ],
  auditTrail: [
    trailOf('Victim', (r) => r.victim()),
    trailOf('Proceeding', (r) => r.proceeding()),
    trailOf('Placement', async (r) => r.placement(await r.shelter(), await r.victim())),
    trailOf('LegalAidAssignment', (r) => r.assignment()),
    trailOf('JointInvestigationTeam', (r) => r.team()),
    trailOf('Referral', submittedReferral),
    trailOf('ReturnPlan', (r) => returnPlan(r)),
  ],
  reintegrationPlan: [{ as: AT('social_worker'), setUp: async (r) => ({ id: await reintegrationPlan(r) }), hidden: ['id'], select: '{ id status goals { id } }' }],
  referral: [
    { as: DE('social_worker'), setUp: async (r) => ({ id: await submittedReferral(r) }), hidden: ['id'], select: '{ id status name }' },
    // The organisation that referred, and a partner system of another organisation in the same jurisdiction.
    {
      as: DE('partner_system', { org: 'mut-referral-system' }),
      setUp: async (r) => ({ id: await submittedReferral(r) }),
      hidden: ['id'],
      select: '{ id status }',
      stranger: DE('partner_system', { org: 'mut-other-system' }),
    },
  ],
  proceeding: [{ as: DE('judge'), setUp: async (r) => ({ id: await r.proceeding() }), hidden: ['id'], select: '{ id stage }' }],
  caseFile: [{ as: DE('judge'), setUp: async (r) => ({ proceedingId: await r.proceeding() }), hidden: ['proceedingId'], select: '{ proceeding { id caseNumber } hearings { id } evidence { id } }' }],
  verifyCustody: [{ as: DE('prosecutor'), setUp: async (r) => ({ evidenceId: await r.evidence(await r.proceeding()) }), hidden: ['evidenceId'], select: '{ valid events }' }],
  legalAssistanceRequest: [{ as: DE('prosecutor'), setUp: async (r) => ({ id: await r.legalAssistanceRequest('SUBMITTED') }), hidden: ['id'], select: '{ id status }' }],
  verifyDelivery: [{ as: DE('prosecutor'), setUp: async (r) => ({ requestId: await r.legalAssistanceRequest('SUBMITTED') }), hidden: ['requestId'], select: '{ valid events }' }],
  jointInvestigationTeam: [{ as: DE('prosecutor'), setUp: async (r) => ({ id: await r.team() }), hidden: ['id'], select: '{ id status }' }],
  legalAidAssignment: [{ as: attorney('A1'), setUp: async (r) => ({ id: await r.assignment() }), hidden: ['id'], select: '{ id status }' }],
};
