import type { Role } from '../../platform/auth';
import { CONSENT_ASKERS } from '../common/access';
import { mePermissions } from '../common/me';
import { regionPermissions } from '../common/regions';
import { actsInOwnJurisdiction, allow, chain, hasRole, isAuthenticated, isHubService, openTypes, statesPurpose, type Permissions } from '../common/rules';
import { recordId } from '../common/validate';
import type { VictimContext } from './models';
import { REFERRERS } from './access';

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

export const victimPermissions: Permissions = {
  Query: {
    iloIndicators: allow,
    regions: allow,
    region: allow,
    me: isAuthenticated,
    victim: isAuthenticated,
    victimByCaseReference: isAuthenticated,
    victims: isAuthenticated,
    // What a victim shares, for another subgraph's decision: the roles that may ever see a
    // protected category (CONSENT_ASKERS); the others never need a consent decision.
    victimSharing: hasRole(...CONSENT_ASKERS),
    erasureNotices: isHubService,
    referral: hasRole('social_worker', ...REFERRERS),
    referrals: hasRole('social_worker', ...REFERRERS),
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
  ),
  ...mePermissions,
  ...regionPermissions,
};
