import type { MutationFixture } from '../mutation-fixtures';
import { unique, DE, type Records } from '../records';

/** A partner system's organisation that refers presumed victims in DE. */
const REFERRER = DE('partner_system', { org: 'mut-referral-system' });
const referralInput = () => ({ name: `Referred ${unique()}`, nationality: 'UA', gender: 'FEMALE', languages: ['uk'], urgency: 'URGENT' });
/** A SUBMITTED referral of DE, through the API. */
export async function submittedReferral(r: Records): Promise<string> {
  const query = `mutation($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`;
  return (await r.as(REFERRER, query, { input: referralInput() })).submitReferral.id;
}

/** The victims subgraph's mutations (rows of MUTATIONS, test/support/mutation-fixtures.ts). */
export const VICTIMS: Record<string, MutationFixture> = {
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
  updateVictim: {
    as: DE('social_worker'),
    writes: 'victims',
    action: 'VICTIM_UPDATED',
    setUp: async (r) => ({ victimId: await r.victim(), input: { currentLocality: 'Leipzig', languages: ['uk', 'de'] } }),
    hidden: ['victimId'],
  },
  identifyVictim: {
    as: DE('law_enforcement'),
    writes: 'victims',
    action: 'VICTIM_IDENTIFIED',
    setUp: async (r) => ({ victimId: await r.victim(), input: { basis: 'MULTI_AGENCY_ASSESSMENT' } }),
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
  submitReferral: { as: REFERRER, writes: 'victims', action: 'REFERRAL_SUBMITTED', setUp: async () => ({ input: referralInput() }), hidden: [] },
  acceptReferral: { as: DE('social_worker'), writes: 'victims', action: 'REFERRAL_ACCEPTED', setUp: async (r) => ({ referralId: await submittedReferral(r) }), hidden: ['referralId'] },
  declineReferral: {
    as: DE('social_worker'),
    writes: 'victims',
    action: 'REFERRAL_DECLINED',
    setUp: async (r) => ({ referralId: await submittedReferral(r), reason: 'Not a trafficking case' }),
    hidden: ['referralId'],
  },

  // shelters
};
