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
      return { registered: { id, gateway: { root: 'victim', args: { id }, type: 'Victim' }, unset: ['closedAt', 'retainUntil', 'reintegration'] } };
    },
    alsoHolds: { partner: ['CONSENT', 'NAMED_IN_CONSENT'] },
    scenarios: {
      'consent for another purpose': { claims: { jurisdiction: NAMED_ONLY }, facts: () => ['NAMED_IN_CONSENT'] },
      // A withdrawn consent is no basis from the next request on.
      'consent withdrawn': { claims: { jurisdiction: WITHDRAWN }, facts: () => [] },
    },
  },
  // A victim of home who returned to the partner jurisdiction (every step taken), then a second return proposed and cancelled.
  ReturnPlan: {
    async records(hub) {
      const id = await registerVictim(hub, HOME);
      await grantConsent(hub, id, HOME, { categories: EVERY_CATEGORY, granteeJurisdictions: [PARTNER], purposes: PURPOSES });
      const propose = `mutation($id: ID!) { proposeReturn(victimId: $id, input: { destinationJurisdiction: "${PARTNER}", voluntary: false, wishNote: "Only once her sister can meet her" }) { id } }`;
      const step = (role: 'social_worker' | 'law_enforcement', where: string, mutation: string, plan: string) => act(hub, role, where, `mutation($id: ID!) { ${mutation} }`, { id: plan });
      const returned = (await act(hub, 'social_worker', HOME, propose, { id })).proposeReturn.id as string;
      await step('law_enforcement', PARTNER, 'recordRiskAssessment(returnPlanId: $id, input: { level: HIGH, factors: [REPRISALS], notes: "Recruiter lives nearby" }) { id }', returned);
      await step('social_worker', PARTNER, 'agreeReturn(returnPlanId: $id, input: { receivedBy: "Caritas Wien", receptionAddress: "Safe house, Wien 1100", services: ["counselling"], mitigation: "Police liaison informed" }) { id }', returned);
      await step('social_worker', HOME, 'recordDeparture(returnPlanId: $id) { id }', returned);
      await step('social_worker', PARTNER, 'recordArrival(returnPlanId: $id) { id }', returned);
      const cancelled = (await act(hub, 'social_worker', HOME, propose, { id })).proposeReturn.id as string;
      await step('social_worker', PARTNER, 'cancelReturn(returnPlanId: $id, reason: "She stays for the trial") { id }', cancelled);
      const gateway = { root: 'victim', args: { id }, type: 'Victim', through: ['returnPlans'] };
      const direct = { root: '_entities', args: { representations: [{ __typename: 'Victim', id }] }, type: 'Victim', through: ['returnPlans'] };
      return {
        returned: { id: returned, gateway, direct, unset: ['cancelledAt', 'cancelReason'] },
        cancelled: { id: cancelled, gateway, direct, unset: ['riskLevel', 'riskFactors', 'riskNotes', 'assessedAt', 'mitigation', 'receivedBy', 'receptionAddress', 'services', 'agreedAt', 'departedAt', 'arrivedAt'] },
      };
    },
    // The partner is the destination, and the victim consents to share everything with it (and so it sees her).
    alsoHolds: { partner: ['DESTINATION', 'CONSENT', 'NAMED_IN_CONSENT'] },
  },
  // Victims of the partner jurisdiction who returned home to the home jurisdiction, which owns their reintegration plans: one open with a goal, one closed.
  ReintegrationPlan: {
    async records(hub) {
      const arrived = async () => {
        const victim = await registerVictim(hub, PARTNER);
        await grantConsent(hub, victim, PARTNER, { categories: EVERY_CATEGORY, granteeJurisdictions: [HOME], purposes: PURPOSES });
        const propose = `mutation($id: ID!) { proposeReturn(victimId: $id, input: { destinationJurisdiction: "${HOME}", voluntary: true }) { id } }`;
        const plan = (await act(hub, 'social_worker', PARTNER, propose, { id: victim })).proposeReturn.id as string;
        const step = (where: string, mutation: string) => act(hub, 'social_worker', where, `mutation($id: ID!) { ${mutation} }`, { id: plan });
        await step(HOME, 'recordRiskAssessment(returnPlanId: $id, input: { level: LOW }) { id }');
        await step(HOME, 'agreeReturn(returnPlanId: $id, input: { receivedBy: "Diakonie", receptionAddress: "Berlin", services: ["counselling"] }) { id }');
        await step(PARTNER, 'recordDeparture(returnPlanId: $id) { id }');
        await step(HOME, 'recordArrival(returnPlanId: $id) { id }');
        const id = (await act(hub, 'social_worker', HOME, `query($v: ID!) { victim(id: $v) { reintegration { id } } }`, { v: victim })).victim.reintegration.id as string;
        const goal = `mutation($id: ID!) { addReintegrationGoal(planId: $id, input: { area: EMPLOYMENT, target: "Work in a bakery", provider: "Jobcenter Mitte", language: "uk", culturalNotes: "Prefers a woman caseworker" }) { id } }`;
        await act(hub, 'social_worker', HOME, goal, { id });
        return id;
      };
      const open = await arrived();
      const closed = await arrived();
      await act(hub, 'social_worker', HOME, `mutation($id: ID!) { closeReintegration(planId: $id, outcome: GOALS_MET, note: "Works and lives on her own") { id } }`, { id: closed });
      const read = (id: string) => ({ root: 'reintegrationPlan', args: { id }, type: 'ReintegrationPlan' });
      return {
        open: { id: open, gateway: read(open), direct: read(open), unset: ['closedAt', 'outcome', 'closingNote'] },
        closed: { id: closed, gateway: read(closed), direct: read(closed), unset: ['nextReviewDue'] },
      };
    },
    // The partner sent her home: its social workers and police know of the plan.
    alsoHolds: { partner: ['SENDING_SIDE'] },
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
