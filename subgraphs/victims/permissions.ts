import type { Role } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import { actsInOwnJurisdiction, allow, hasRole, isAuthenticated, openTypes, type Permissions } from '../common/rules';
import { objectId } from '../common/validate';
import type { VictimContext } from './loaders';

/** The rules of the root fields; Victim fields are decided by their categories (access.ts). */

const byVictimId = async (args: { victimId: string }, ctx: VictimContext) => {
  const victimId = String(objectId(args.victimId, 'victimId'));
  return (await ctx.loaders.victim.load(victimId)) ?? notFound('Victim', args.victimId);
};
const byConsentId = async (args: { consentId: string }, ctx: VictimContext) => {
  const consent = await ctx.models.Consent.findById(objectId(args.consentId, 'consentId'), { victimId: 1 }).lean();
  if (!consent) return notFound('Consent', args.consentId);
  return (await ctx.loaders.victim.load(String(consent.victimId))) ?? notFound('Victim', String(consent.victimId));
};

const actsOnVictim = (roles: Role[], locate: (args: any, ctx: VictimContext) => Promise<{ jurisdiction: string } | Error>) =>
  actsInOwnJurisdiction('this victim', roles, locate);

const CONSENT_RECORDERS: Role[] = ['social_worker', 'legal_aid_attorney'];

export const victimPermissions: Permissions = {
  Query: {
    iloIndicators: allow,
    victim: isAuthenticated,
    victims: isAuthenticated,
    victimSharing: isAuthenticated,
  },
  Mutation: {
    registerVictim: hasRole('social_worker', 'law_enforcement'),
    recordScreening: actsOnVictim(['social_worker', 'law_enforcement'], byVictimId),
    startRecoveryPeriod: actsOnVictim(['social_worker', 'law_enforcement', 'prosecutor', 'judge'], byVictimId),
    grantConsent: actsOnVictim(CONSENT_RECORDERS, byVictimId),
    withdrawConsent: actsOnVictim(CONSENT_RECORDERS, byConsentId),
  },
  ...openTypes(
    'VictimConnection',
    'VictimEdge',
    'PageInfo',
    'RegisterVictimPayload',
    'PossibleDuplicate',
    'Consent',
    'Screening',
    'IloIndicator',
    'DimensionAssessment',
    'RecoveryPeriod',
    'Accommodations',
    'VictimSharing',
    'SharedConsent',
  ),
};
