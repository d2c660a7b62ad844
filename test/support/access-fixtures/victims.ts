import { PURPOSES } from '../../../platform/purposes';
import type { TypeFixture } from '../access-matrix';
import { grantConsent, registerVictim } from '../victims';
import { act, HOME, NAMED_ONLY, PARTNER, UNSTATED_PURPOSE } from './world';

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
};
