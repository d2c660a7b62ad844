import type { MutationFixture } from '../mutation-fixtures';
import type { TestHub } from '../hub';
import { unique, AT, DE, type Records } from '../records';

/** A partner system's organisation that refers presumed victims in DE. */
const REFERRER = DE('partner_system', { org: 'mut-referral-system' });
const referralInput = () => ({ name: `Referred ${unique()}`, nationality: 'UA', gender: 'FEMALE', languages: ['uk'], urgency: 'URGENT' });
/** A SUBMITTED referral of DE, through the API. */
export async function submittedReferral(r: Records): Promise<string> {
  const query = `mutation($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`;
  return (await r.as(REFERRER, query, { input: referralInput() })).submitReferral.id;
}

const RETURN_CATEGORIES = ['IDENTITY', 'HEALTH', 'LOCATION', 'TESTIMONY'];
const ASSESS = `mutation($id: ID!) { recordRiskAssessment(returnPlanId: $id, input: { level: LOW }) { status } }`;
const AGREE = `mutation($id: ID!) { agreeReturn(returnPlanId: $id, input: { receivedBy: "Caritas Wien", receptionAddress: "Wien 1100", services: ["counselling"] }) { status } }`;
/** A return of a DE victim to AT, proposed and taken `steps` further (1: ASSESSED, 2: AGREED, 3: DEPARTED), through the API. */
export async function returnPlan(r: Records, steps = 0): Promise<string> {
  return (await returnOf(r, steps)).id;
}

/**
 * The reintegration plan opened when a DE victim arrived in AT, `monthsAgo` months ago on the
 * hub's clock (moved back for the arrival, then forward again): its first review is due at 3.
 */
export async function reintegrationPlan(r: Records, monthsAgo = 0): Promise<string> {
  const { id, victimId } = await returnOf(r, 3);
  const clock = (r.hub as TestHub).clock;
  const shift = monthsAgo * 31 * 86_400_000;
  clock.advance(-shift);
  try {
    await r.as(AT('social_worker'), `mutation($id: ID!) { recordArrival(returnPlanId: $id) { status } }`, { id });
  } finally {
    clock.advance(shift);
  }
  return (await r.as(AT('social_worker'), `query($v: ID!) { victim(id: $v) { reintegration { id } } }`, { v: victimId })).victim.reintegration.id;
}

async function returnOf(r: Records, steps: number): Promise<{ id: string; victimId: string }> {
  const victimId = await r.victim();
  await r.consent(victimId, RETURN_CATEGORIES, ['AT']);
  const propose = `mutation($v: ID!) { proposeReturn(victimId: $v, input: { destinationJurisdiction: "AT", voluntary: true }) { id } }`;
  const id = (await r.as(DE('social_worker'), propose, { v: victimId })).proposeReturn.id as string;
  if (steps >= 1) await r.as(AT('law_enforcement'), ASSESS, { id });
  if (steps >= 2) await r.as(AT('social_worker'), AGREE, { id });
  if (steps >= 3) await r.as(DE('social_worker'), `mutation($id: ID!) { recordDeparture(returnPlanId: $id) { status } }`, { id });
  return { id, victimId };
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
  proposeReturn: {
    as: DE('social_worker'),
    writes: 'victims',
    action: 'RETURN_PROPOSED',
    setUp: async (r) => {
      const victimId = await r.victim();
      await r.consent(victimId, RETURN_CATEGORIES, ['AT']);
      return { victimId, input: { destinationJurisdiction: 'AT', voluntary: false, wishNote: 'She wants to wait until her sister can meet her' } };
    },
    hidden: ['victimId'],
  },
  recordRiskAssessment: {
    as: AT('social_worker'),
    writes: 'victims',
    action: 'RETURN_RISK_ASSESSED',
    setUp: async (r) => ({ returnPlanId: await returnPlan(r), input: { level: 'MEDIUM', factors: ['STIGMA'], notes: 'Village knows of the case' } }),
    hidden: ['returnPlanId'],
  },
  agreeReturn: {
    as: AT('social_worker'),
    writes: 'victims',
    action: 'RETURN_AGREED',
    setUp: async (r) => ({ returnPlanId: await returnPlan(r, 1), input: { receivedBy: 'Caritas Wien', receptionAddress: 'Wien 1100, safe house', services: ['counselling', 'health check'] } }),
    hidden: ['returnPlanId'],
  },
  recordDeparture: { as: DE('social_worker'), writes: 'victims', action: 'RETURN_DEPARTED', setUp: async (r) => ({ returnPlanId: await returnPlan(r, 2) }), hidden: ['returnPlanId'] },
  recordArrival: { as: AT('social_worker'), writes: 'victims', action: 'RETURN_ARRIVED', setUp: async (r) => ({ returnPlanId: await returnPlan(r, 3) }), hidden: ['returnPlanId'] },
  cancelReturn: { as: DE('social_worker'), writes: 'victims', action: 'RETURN_CANCELLED', setUp: async (r) => ({ returnPlanId: await returnPlan(r), reason: 'She changed her mind' }), hidden: ['returnPlanId'] },
  addReintegrationGoal: {
    as: AT('social_worker'),
    writes: 'victims',
    action: 'REINTEGRATION_GOAL_ADDED',
    setUp: async (r) => ({ planId: await reintegrationPlan(r), input: { area: 'VOCATIONAL_TRAINING', target: 'I want to train as a hairdresser', provider: 'Caritas Wien', language: 'uk' } }),
    hidden: ['planId'],
  },
  updateReintegrationGoal: {
    as: AT('social_worker'),
    writes: 'victims',
    action: 'REINTEGRATION_GOAL_UPDATED',
    setUp: async (r) => {
      const planId = await reintegrationPlan(r);
      const add = `mutation($p: ID!) { addReintegrationGoal(planId: $p, input: { area: HOUSING, target: "A flat of my own", provider: "Wohnpartner" }) { goals { id } } }`;
      const goalId = (await r.as(AT('social_worker'), add, { p: planId })).addReintegrationGoal.goals[0].id;
      return { planId, goalId, input: { status: 'IN_PROGRESS' } };
    },
    hidden: ['planId'],
    open: { goalId: 'a goal is found only within its plan (planId): on its own it names nothing' },
  },
  reviewReintegration: {
    as: AT('social_worker'),
    writes: 'victims',
    action: 'REINTEGRATION_REVIEWED',
    setUp: async (r) => ({ planId: await reintegrationPlan(r, 4), input: { note: 'Settled; started the course' } }),
    hidden: ['planId'],
  },
  closeReintegration: {
    as: AT('social_worker'),
    writes: 'victims',
    action: 'REINTEGRATION_CLOSED',
    setUp: async (r) => ({ planId: await reintegrationPlan(r), outcome: 'GOALS_MET', note: 'Works and lives on her own' }),
    hidden: ['planId'],
  },

  // shelters
};
