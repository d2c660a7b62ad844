import type { Role } from '../../platform/auth';
import { CONSENT_ASKERS, isVisible } from '../common/access';
import { forbidden, notFound } from '../../platform/errors';
import { mePermissions } from '../common/me';
import { regionPermissions } from '../common/regions';
import { actsForAJurisdiction, actsInOwnJurisdiction, allow, chain, hasRole, isAuthenticated, isHubService, openTypes, ruleOf, statesPurpose, type Permissions } from '../common/rules';
import { recordId } from '../common/validate';
import type { VictimContext } from './models';
import { REFERRERS, reintegrationAccess, returnPlanAccess } from './access';

/** The rules of the root fields; Victim fields are decided by their categories (access.ts). */

const victimOf = async (args: { victimId: string }, ctx: VictimContext) => ctx.loaders.victim.load(recordId(args.victimId, 'victimId'));
const victimOfConsent = async (args: { consentId: string }, ctx: VictimContext) => {
  const consent = await ctx.models.Consent.findById(recordId(args.consentId, 'consentId'), { victimId: 1 }).lean();
  return consent ? ctx.loaders.victim.load(consent.victimId) : null;
};

/** Acting on a victim: the roles, in the victim's own jurisdiction; elsewhere it answers as for an unknown id. */
const actsOnVictim = (roles: Role[]) => actsInOwnJurisdiction('Victim', roles, victimOf, (args) => args.victimId);
const actsOnConsent = (roles: Role[]) => actsInOwnJurisdiction('Consent', roles, victimOfConsent, (args) => args.consentId);

const CONSENT_RECORDERS: Role[] = ['social_worker', 'legal_aid_attorney'];
const IDENTIFIERS: Role[] = ['law_enforcement', 'social_worker', 'prosecutor'];

/** Deciding a referral: a social worker of its jurisdiction; elsewhere it answers as for an unknown id. */
const referralOf = async (args: { referralId: string }, ctx: VictimContext) => ctx.loaders.referral.load(recordId(args.referralId, 'referralId'));
// Writing the referred person's data (submitting, accepting) needs a stated purpose: the platform's rule for every write of protected data.
const decidesReferral = actsInOwnJurisdiction('Referral', ['social_worker'], referralOf, (args) => args.referralId);

/**
 * A step of a return (docs/returns.md): the roles, acting on the side the step belongs to.
 * A plan the caller may not know of answers as an unknown id; the other side, which knows
 * it, is told whose step it is.
 */
type Side = 'sending' | 'destination' | 'either';
function actsOnReturn(side: Side, roles: Role[]) {
  return chain(
    hasRole(...roles),
    ruleOf<VictimContext>(async (_parent, args: { returnPlanId: string }, ctx) => {
      const plan = await ctx.loaders.returnPlan.load(recordId(args.returnPlanId, 'returnPlanId'));
      if (!plan || !(await isVisible(returnPlanAccess, ctx, plan))) return notFound('ReturnPlan', args.returnPlanId);
      const sides = { sending: [plan.sendingJurisdiction], destination: [plan.destinationJurisdiction], either: [plan.sendingJurisdiction, plan.destinationJurisdiction] }[side];
      if (sides.includes(ctx.caller!.jurisdiction)) return true;
      return forbidden(`This step of a return is taken by the ${side === 'sending' ? 'sending side' : 'destination'} (${sides.join(', ')}), not by ${ctx.caller!.jurisdiction}`);
    }),
  );
}

/** A step of a reintegration plan: a social worker of the destination that owns it; the sending side, which knows of it, is told whose it is. */
const ownsReintegration = chain(
  hasRole('social_worker'),
  ruleOf<VictimContext>(async (_parent, args: { planId: string }, ctx) => {
    const plan = await ctx.loaders.reintegrationPlan.load(recordId(args.planId, 'planId'));
    if (!plan || !(await isVisible(reintegrationAccess, ctx, plan))) return notFound('ReintegrationPlan', args.planId);
    return plan.jurisdiction === ctx.caller!.jurisdiction ? true : forbidden(`A reintegration plan is kept by the destination that owns it (${plan.jurisdiction}), not by ${ctx.caller!.jurisdiction}`);
  }),
);

export const victimPermissions: Permissions = {
  Query: {
    iloIndicators: allow,
    regions: allow,
    region: allow,
    me: isAuthenticated,
    victim: isAuthenticated,
    // Lists and look-ups of a jurisdiction's victims: not defence counsel, who never reads a victim (decision 111).
    victimByCaseReference: actsForAJurisdiction,
    victims: actsForAJurisdiction,
    // What a victim shares, for another subgraph's decision: the roles that may ever see a
    // protected category (CONSENT_ASKERS); the others never need a consent decision.
    victimSharing: hasRole(...CONSENT_ASKERS),
    erasureNotices: isHubService,
    referral: hasRole('social_worker', ...REFERRERS),
    referrals: hasRole('social_worker', ...REFERRERS),
    reintegrationPlan: isAuthenticated,
    reintegrationReviewsDue: hasRole('social_worker'),
    accessReport: chain(actsOnVictim(['social_worker', 'legal_aid_attorney']), statesPurpose),
  },
  Mutation: {
    registerVictim: hasRole('social_worker', 'law_enforcement'),
    recordScreening: actsOnVictim(['social_worker', 'law_enforcement']),
    updateVictim: actsOnVictim(['social_worker', 'law_enforcement']),
    // Identification in a national referral mechanism: the police, social services and prosecution.
    identifyVictim: actsOnVictim(IDENTIFIERS),
    startRecoveryPeriod: actsOnVictim(['social_worker', 'law_enforcement', 'prosecutor', 'judge']),
    grantConsent: actsOnVictim(CONSENT_RECORDERS),
    withdrawConsent: actsOnConsent(CONSENT_RECORDERS),
    closeVictimRecord: actsOnVictim(['social_worker']),
    eraseVictimData: actsOnVictim(['judge', 'social_worker']),
    submitReferral: hasRole(...REFERRERS),
    acceptReferral: decidesReferral,
    declineReferral: decidesReferral,
    // Returns (issue 27): the sending side proposes and records the departure; the destination assesses, agrees and records the arrival.
    proposeReturn: actsOnVictim(['social_worker']),
    recordRiskAssessment: actsOnReturn('destination', ['social_worker', 'law_enforcement']),
    agreeReturn: actsOnReturn('destination', ['social_worker']),
    recordDeparture: actsOnReturn('sending', ['social_worker']),
    recordArrival: actsOnReturn('destination', ['social_worker']),
    cancelReturn: actsOnReturn('either', ['social_worker']),
    addReintegrationGoal: ownsReintegration,
    updateReintegrationGoal: ownsReintegration,
    reviewReintegration: ownsReintegration,
    closeReintegration: ownsReintegration,
  },
  ...openTypes(
    'VictimConnection',
    'VictimEdge',
    'PageInfo',
    'RegisterVictimPayload',
    'PossibleDuplicate',
    'Consent',
    'Screening',
    'Identification',
    'IloIndicator',
    'DimensionAssessment',
    'RecoveryPeriod',
    'Accommodations',
    'VictimSharing',
    'SharedConsent',
    'AccessReport',
    'AccessReportEntry',
    'ErasureNoticePage',
    'ErasureNotice',
    'ErasureRequester',
    'ReferralConnection',
    'ReferralEdge',
    'AcceptReferralPayload',
    'ReintegrationGoal',
    'ReintegrationReview',
    'ReintegrationPlanConnection',
    'ReintegrationPlanEdge',
  ),
  ...mePermissions,
  ...regionPermissions,
};
