import { PURPOSES } from '../../../platform/purposes';
import type { TypeFixture } from '../access-matrix';
import { grantConsent, registerVictim } from '../victims';
import { act, atHome, HOME, NAMED_ONLY, PARTNER, UNSTATED_PURPOSE } from './world';

/**
 * The victims subgraph's records for the access matrix: a victim registered in the home
 * jurisdiction with every category filled in, who consents to share everything with
 * PARTNER for any purpose, with NAMED_ONLY for a purpose no caller states, and withdrew a
 * consent to share it with Spain.
 */

const SCREEN = `mutation($id: ID!) { recordScreening(victimId: $id, input: { observedIndicators: ["CR_VIOLENCE"], assessor: "Assessor A", formVersion: "1" }) { id } }`;
const IDENTIFY = `mutation($id: ID!) { identifyVictim(victimId: $id, input: { basis: FORMAL_IDENTIFICATION_BY_AUTHORITY, note: "decision 12/2026" }) { id } }`;
const RECOVER = `mutation($id: ID!) { startRecoveryPeriod(victimId: $id, input: { days: 30 }) { id } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawConsent(consentId: $id) { active } }`;
const EVERY_CATEGORY = ['IDENTITY', 'CONTACT', 'HEALTH', 'LOCATION', 'TESTIMONY'];
/** The organisation whose system referred the matrix's referrals (its token's `org`). */
const REFERRER = 'matrix-referral-system';
const SUBMIT = `mutation($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`;
const referral = (name: string) => ({
  name,
  alias: 'Lena',
  ageGroup: 'AGE_18_20',
  nationality: 'UA',
  gender: 'FEMALE',
  languages: ['uk'],
  locality: 'Berlin-Neukölln',
  indicators: ['CR_VIOLENCE'],
  urgency: 'URGENT',
  safeContact: 'Through the hotline worker on shift',
  note: 'Met at a night shelter',
  sourceReference: 'NRM-MATRIX-1',
});

/** A jurisdiction the victim consented to share with, and withdrew. */
const WITHDRAWN = 'ES';

export const victimsFixtures: Record<string, TypeFixture> = {
  Victim: {
    async records(hub) {
      const id = await registerVictim(hub, HOME, { currentLocality: 'Berlin-Mitte', vulnerabilities: ['LANGUAGE_BARRIER'], interpretationLanguage: 'uk', nonPunishmentProtection: true });
      await act(hub, 'social_worker', HOME, SCREEN, { id });
      await act(hub, 'social_worker', HOME, IDENTIFY, { id });
      await act(hub, 'social_worker', HOME, RECOVER, { id });
      await grantConsent(hub, id, HOME, { categories: EVERY_CATEGORY, granteeJurisdictions: [PARTNER], purposes: PURPOSES });
      await grantConsent(hub, id, HOME, { categories: EVERY_CATEGORY, granteeJurisdictions: [NAMED_ONLY], purposes: [UNSTATED_PURPOSE] });
      const withdrawn = await grantConsent(hub, id, HOME, { categories: EVERY_CATEGORY, granteeJurisdictions: [WITHDRAWN], purposes: PURPOSES });
      await act(hub, 'social_worker', HOME, WITHDRAW, { id: withdrawn });
      return { registered: { id, gateway: { root: 'victim', args: { id }, type: 'Victim' }, unset: ['closedAt', 'retainUntil'] } };
    },
    alsoHolds: { partner: ['CONSENT', 'NAMED_IN_CONSENT'] },
    scenarios: {
      'consent for another purpose': { claims: { jurisdiction: NAMED_ONLY }, facts: () => ['NAMED_IN_CONSENT'] },
      // A withdrawn consent is no basis from the next request on.
      'consent withdrawn': { claims: { jurisdiction: WITHDRAWN }, facts: () => [] },
    },
  },
  // Two referrals of the home jurisdiction by one organisation: one accepted into a registration, one declined.
  Referral: {
    async records(hub) {
      const submit = async (name: string) => (await act(hub, 'partner_system', HOME, SUBMIT, { input: referral(name) }, { org: REFERRER })).submitReferral.id as string;
      const accepted = await submit('Olena Matrix');
      await act(hub, 'social_worker', HOME, `mutation($id: ID!) { acceptReferral(referralId: $id) { victim { id } } }`, { id: accepted });
      const declined = await submit('Iryna Matrix');
      await act(hub, 'social_worker', HOME, `mutation($id: ID!) { declineReferral(referralId: $id, reason: "Already in care") { id } }`, { id: declined });
      const read = (id: string) => ({ root: 'referral', args: { id }, type: 'Referral' });
      return {
        accepted: { id: accepted, gateway: read(accepted), direct: read(accepted), unset: ['declineReason', 'dateOfBirth', 'name', 'alias', 'locality', 'indicators', 'safeContact', 'note'] },
        declined: { id: declined, gateway: read(declined), direct: read(declined), unset: ['victim', 'dateOfBirth'] },
      };
    },
    scenarios: { 'referring organisation': { claims: { jurisdiction: HOME, org: REFERRER }, facts: (role) => atHome(role, 'REFERRER') } },
  },
};
