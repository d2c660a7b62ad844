import { rule } from 'graphql-shield';
import type { Role } from '../../platform/auth';
import { forbidden, notFound, unauthenticated } from '../../platform/errors';
import { allow, and, hasRole, isAuthenticated, openTypes, type Permissions } from '../common/rules';
import { objectId } from '../common/validate';
import { decide, type DataCategory } from './access';
import type { VictimContext } from './loaders';

/**
 * The data category of every Victim field (the key `id` aside). `consents` is not victim
 * data but a record about sharing it, with a rule of its own (access.ts, mayReadConsents).
 */
export const VICTIM_FIELD_CATEGORIES: Record<string, DataCategory | 'CONSENT_RECORDS'> = {
  caseReference: 'CASE',
  jurisdiction: 'CASE',
  status: 'CASE',
  ageGroup: 'CASE',
  gender: 'CASE',
  nationality: 'CASE',
  languages: 'CASE',
  nonPunishmentProtection: 'CASE',
  recoveryPeriod: 'CASE',
  consents: 'CONSENT_RECORDS',
  legalName: 'IDENTITY',
  dateOfBirth: 'IDENTITY',
  contactPhone: 'CONTACT',
  currentLocality: 'LOCATION',
  vulnerabilities: 'HEALTH',
  accommodations: 'HEALTH',
  screening: 'TESTIMONY',
};

/**
 * One rule for every victim field: decides by category, and logs every protected read
 * (allowed or denied, anonymous attempts included) for the audit trail.
 */
const victimField = rule({ cache: 'no_cache' })(async (victim, _args, ctx: VictimContext, info) => {
  const category = VICTIM_FIELD_CATEGORIES[info.fieldName];
  if (!category) return forbidden();
  const allowed = await decide(ctx, victim, category);
  if (category !== 'CASE') ctx.audit.noteRead('Victim', victim.id, info.fieldName, allowed);
  if (allowed) return true;
  if (!ctx.caller) return unauthenticated();
  const whom = `${ctx.caller.role} in ${ctx.caller.jurisdiction}`;
  return forbidden(
    category === 'CONSENT_RECORDS'
      ? `The consent records of this victim are not shown to ${whom}`
      : `${category} data of this victim is not shared with ${whom}`,
  );
});

/** Acting on a victim: only the listed roles, and only in the victim's own jurisdiction. */
function actsOnVictimOwnJurisdiction(roles: Role[], locate: (args: any, ctx: VictimContext) => Promise<string | null | Error>) {
  return and(
    hasRole(...roles),
    rule({ cache: 'no_cache' })(async (_parent, args, ctx: VictimContext) => {
      let victimId: string | null | Error;
      try {
        victimId = await locate(args, ctx);
      } catch (error) {
        return error as Error; // bad id: BAD_USER_INPUT, not a denial
      }
      if (victimId instanceof Error) return victimId;
      const victim = victimId ? await ctx.loaders.victim.load(victimId) : null;
      if (!victim) return notFound('Victim', String(args.victimId ?? args.consentId));
      return victim.jurisdiction === ctx.caller!.jurisdiction
        ? true
        : forbidden(`Only ${roles.join(', ')} of ${victim.jurisdiction} may do this for this victim`);
    }),
  );
}

const byVictimId = async (args: { victimId: string }) => String(objectId(args.victimId, 'victimId'));
const byConsentId = async (args: { consentId: string }, ctx: VictimContext) => {
  const consent = await ctx.models.Consent.findById(objectId(args.consentId, 'consentId'), { victimId: 1 }).lean();
  return consent ? String(consent.victimId) : notFound('Consent', args.consentId);
};

const CONSENT_RECORDERS: Role[] = ['social_worker', 'legal_aid_attorney'];

export const victimPermissions: Permissions = {
  Query: {
    iloIndicators: allow,
    victim: isAuthenticated,
    victims: isAuthenticated,
    auditTrail: hasRole('auditor'),
    verifyAuditChain: hasRole('auditor'),
  },
  Mutation: {
    registerVictim: hasRole('social_worker', 'law_enforcement'),
    recordScreening: actsOnVictimOwnJurisdiction(['social_worker', 'law_enforcement'], byVictimId),
    startRecoveryPeriod: actsOnVictimOwnJurisdiction(['social_worker', 'law_enforcement', 'prosecutor', 'judge'], byVictimId),
    grantConsent: actsOnVictimOwnJurisdiction(CONSENT_RECORDERS, byVictimId),
    withdrawConsent: actsOnVictimOwnJurisdiction(CONSENT_RECORDERS, byConsentId),
  },
  Victim: {
    '*': victimField,
    id: allow,
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
    'AuditEvent',
    'AuditChainStatus',
    'AuditChainHead',
  ),
};
