import type { Role } from '../../platform/auth';
import {
  basis,
  forRoles,
  isVisible,
  namedByVictimConsent,
  overseesJurisdiction,
  ownJurisdiction,
  PROFESSIONALS,
  protectedCategories,
  typeAccess,
  victimConsent,
  type DataCategory,
} from '../common/access';
import type { ConsentSource } from '../common/consents';
import type { Entity } from '../common/storage';
import { isRecordId } from '../common/validate';
import { ageGroupNow } from './domain/age';
import type { ConsentRecord, ReferralRecord, ReintegrationPlanRecord, ReturnPlanRecord, VictimContext, VictimRecord } from './models';

export type { DataCategory };

/**
 * Who may read which Victim field. Protected categories: the hub's roles for each, acting
 * in the victim's own jurisdiction or holding an active consent of the victim for that
 * category and jurisdiction. The consent records (purposes, grantees, who recorded them)
 * are not CASE data: professionals of the victim's jurisdiction and auditors overseeing it
 * see them all; a professional of a jurisdiction an active consent names sees only the
 * consents naming it, without who recorded them (resolvers/victim.resolver.ts); shelters,
 * partner systems and accreditation officers see none.
 */
export const victimAccess = typeAccess<Entity<VictimRecord>>({
  typeName: 'Victim',
  noun: 'this victim',
  id: (victim) => victim.id,
  jurisdiction: (victim) => victim.jurisdiction,
  visibleOn: [namedByVictimConsent((victim) => victim.id)],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as VictimContext).loaders.victim.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: {
    caseReference: 'CASE',
    jurisdiction: 'CASE',
    status: 'CASE',
    ageGroup: 'CASE',
    gender: 'CASE',
    nationality: 'CASE',
    languages: 'CASE',
    nonPunishmentProtection: 'CASE',
    recoveryPeriod: 'CASE',
    closedAt: 'CASE',
    retainUntil: 'CASE',
    consents: 'CONSENT_RECORDS',
    legalName: 'IDENTITY',
    dateOfBirth: 'IDENTITY',
    contactPhone: 'CONTACT',
    currentLocality: 'LOCATION',
    vulnerabilities: 'HEALTH',
    accommodations: 'HEALTH',
    screening: 'TESTIMONY',
    screenings: 'TESTIMONY',
    // The grounds of an identification are part of the victim's account, like a screening.
    identification: 'TESTIMONY',
    // Every return's status for whoever sees her; each plan's own fields are decided on ReturnPlan (returnPlanAccess).
    returnPlans: 'CASE',
    reintegration: 'CASE',
  },
  rules: {
    ...protectedCategories([ownJurisdiction((victim) => victim.jurisdiction), victimConsent((victim) => victim.id)]),
    CONSENT_RECORDS: {
      roles: [...PROFESSIONALS, 'auditor'],
      bases: [
        overseesJurisdiction((victim) => victim.jurisdiction),
        forRoles(PROFESSIONALS, ownJurisdiction((victim) => victim.jurisdiction)),
        forRoles(PROFESSIONALS, namedByVictimConsent((victim) => victim.id)),
      ],
      denied: (whom) => `The consent records of this victim are not shown to ${whom}`,
    },
  },
});

/** The roles that refer presumed victims: first responders' systems and the police. */
export const REFERRERS: Role[] = ['partner_system', 'law_enforcement'];

type ReferralDoc = Entity<ReferralRecord>;

/** A member of the organisation that referred, in the referral's jurisdiction. */
const referringOrganisation = basis<ReferralDoc>(
  'the referring organisation',
  'REFERRER',
  (ctx, r) => ctx.caller!.org === r.sourceOrganisation && ctx.caller!.jurisdiction === r.jurisdiction,
  { roles: REFERRERS },
);
const socialWorkers = forRoles<ReferralDoc>(['social_worker'], ownJurisdiction((r) => r.jurisdiction));

/**
 * Who may know of a referral at all (REFERRAL, no field of its own): the referring
 * organisation and the social workers of its jurisdiction; they read its status and
 * outcome (CASE). The referred person's data (REFERRED_PERSON) only the social workers
 * read, each read logged; the referrer does not learn the registration it became.
 */
export const referralAccess = typeAccess<ReferralDoc>({
  typeName: 'Referral',
  noun: 'this referral',
  id: (r) => r.id,
  jurisdiction: (r) => r.jurisdiction,
  visibleOn: [],
  knownTo: 'REFERRAL',
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as VictimContext).loaders.referral.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: {
    ...Object.fromEntries(['status', 'urgency', 'sourceOrganisation', 'sourceReference', 'submittedAt', 'decidedAt', 'declineReason'].map((f) => [f, 'CASE'])),
    ...Object.fromEntries(
      ['name', 'alias', 'dateOfBirth', 'ageGroup', 'nationality', 'gender', 'languages', 'locality', 'indicators', 'safeContact', 'note', 'victim'].map((f) => [f, 'REFERRED_PERSON']),
    ),
  },
  rules: {
    REFERRAL: { roles: ['social_worker', ...REFERRERS], bases: [socialWorkers, referringOrganisation] },
    REFERRED_PERSON: {
      roles: ['social_worker'],
      bases: [socialWorkers],
      denied: (whom) => `The referred person's data is shown only to the social workers of the referral's jurisdiction, not to ${whom}`,
    },
  },
});

type ReturnPlanDoc = Entity<ReturnPlanRecord>;

/** The roles that act in a return (domain/returns.ts): social workers on both sides, the destination's police in the risk assessment. */
export const RETURN_ACTORS: Role[] = ['social_worker', 'law_enforcement'];

/** The caller acts in the jurisdiction a return goes to. */
export const returnDestination = basis<ReturnPlanDoc>('the destination of the return', 'DESTINATION', (ctx, plan) => ctx.caller!.jurisdiction === plan.destinationJurisdiction, {
  roles: RETURN_ACTORS,
  phrase: () => 'in the destination of the return',
});

/** In the destination, and the victim's active consent covers the category for it and the stated purpose. */
const destinationOnConsent = (() => {
  const consent = victimConsent<ReturnPlanDoc>((plan) => plan.victimId);
  return basis<ReturnPlanDoc>(
    "the destination, with the victim's consent for the stated purpose",
    'CONSENT',
    async (ctx, plan, category) => ctx.caller!.jurisdiction === plan.destinationJurisdiction && consent.holds(ctx, plan, category),
    {
      establishedBy: ['DESTINATION', 'CONSENT'],
      phrase: (category, ctx) => `in the destination of the return, with a consent of the victim covering ${category} for ${ctx.caller!.jurisdiction} and the stated purpose`,
      explain: async (ctx, plan, category) => (ctx.caller!.jurisdiction === plan.destinationJurisdiction ? (consent.explain?.(ctx, plan, category) ?? null) : null),
    },
  );
})();

/**
 * The destination's legal aid attorneys know of a return while an active consent of the
 * victim names the destination (what she shares with it): the legal aid subgraph asks, with
 * the attorney's token, for the returns under way to her jurisdiction, each one a gap
 * until an attorney there is assigned (docs/returns.md, "Legal aid follows"). They read
 * its CASE fields only: her wish and the reception stay with the social workers and police.
 */
const destinationLegalAid = (() => {
  const named = namedByVictimConsent<ReturnPlanDoc>((plan) => plan.victimId);
  return basis<ReturnPlanDoc>(
    'the destination of the return, while a consent of the victim names it',
    'DESTINATION',
    async (ctx, plan, category) => ctx.caller!.jurisdiction === plan.destinationJurisdiction && named.holds(ctx, plan, category),
    {
      roles: ['legal_aid_attorney'],
      establishedBy: ['DESTINATION', 'NAMED_IN_CONSENT'],
      phrase: (_category, ctx) => `in the destination of the return, when a consent of the victim names ${ctx.caller!.jurisdiction}`,
    },
  );
})();

/**
 * Who reads which field of a return (issue 27). Known to the victim's jurisdiction (the
 * sending side), the social workers and police of the destination (its legal aid
 * attorneys too, while she shares with it: CASE only), and the auditors overseeing the
 * sending side. Status, sides, dates and the risk level are CASE. Her
 * wish in her words and the risk factors and notes are TESTIMONY: the sending side, and
 * the destination on her consent. The reception arrangements (who receives her, where,
 * which services) are LOCATION: only the destination, on her consent; the sending side
 * never sees them.
 */
export const returnPlanAccess = typeAccess<ReturnPlanDoc>({
  typeName: 'ReturnPlan',
  noun: 'this return',
  id: (plan) => plan.id,
  jurisdiction: (plan) => plan.sendingJurisdiction,
  visibleOn: [returnDestination, destinationLegalAid],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as VictimContext).loaders.returnPlan.load(id))?.sendingJurisdiction ?? null) : null),
  open: ['id'],
  fields: {
    ...Object.fromEntries(
      ['status', 'sendingJurisdiction', 'destinationJurisdiction', 'voluntary', 'proposedAt', 'riskLevel', 'assessedAt', 'agreedAt', 'departedAt', 'arrivedAt', 'cancelledAt'].map((f) => [f, 'CASE']),
    ),
    ...Object.fromEntries(['wishNote', 'riskFactors', 'riskNotes', 'mitigation', 'cancelReason'].map((f) => [f, 'TESTIMONY'])),
    ...Object.fromEntries(['receivedBy', 'receptionAddress', 'services'].map((f) => [f, 'LOCATION'])),
  },
  rules: {
    TESTIMONY: { roles: PROFESSIONALS, bases: [ownJurisdiction((plan) => plan.sendingJurisdiction), forRoles(RETURN_ACTORS, destinationOnConsent)] },
    LOCATION: {
      roles: PROFESSIONALS,
      bases: [forRoles(RETURN_ACTORS, destinationOnConsent)],
      denied: (whom) => `The reception arrangements of a return are shown only in its destination, on the victim's consent, not to ${whom}`,
    },
  },
});

type ReintegrationDoc = Entity<ReintegrationPlanRecord>;

/** The caller acts in the jurisdiction that sent her home (her record's). */
const sendingSide = basis<ReintegrationDoc>('the sending side of her return', 'SENDING_SIDE', (ctx, plan) => ctx.caller!.jurisdiction === plan.sendingJurisdiction, {
  roles: RETURN_ACTORS,
  phrase: () => 'on the sending side of her return',
});

/**
 * Who reads which field of a reintegration plan (issue 27). It is the destination's, which
 * owns it after her arrival: its professionals read the goals and reviews (TESTIMONY: her
 * targets in her words, the providers, cultural notes, what each review found). The
 * sending side's social workers and police know of it and read its status, review dates
 * and outcome (CASE), never the goals (a provider says where she lives).
 */
export const reintegrationAccess = typeAccess<ReintegrationDoc>({
  typeName: 'ReintegrationPlan',
  noun: 'this reintegration plan',
  id: (plan) => plan.id,
  jurisdiction: (plan) => plan.jurisdiction,
  visibleOn: [sendingSide],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as VictimContext).loaders.reintegrationPlan.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: {
    ...Object.fromEntries(['status', 'jurisdiction', 'sendingJurisdiction', 'openedAt', 'nextReviewDue', 'closedAt', 'outcome'].map((f) => [f, 'CASE'])),
    ...Object.fromEntries(['goals', 'reviews', 'closingNote'].map((f) => [f, 'TESTIMONY'])),
  },
  rules: {
    TESTIMONY: {
      roles: PROFESSIONALS,
      bases: [ownJurisdiction((plan) => plan.jurisdiction)],
      denied: (whom) => `The goals and reviews of a reintegration plan are shown only in the destination that owns it, not to ${whom}`,
    },
  },
});

export function consentIsActive(consent: ConsentRecord, now: Date): boolean {
  return consent.withdrawnAt === null && (consent.expiresAt === null || consent.expiresAt > now);
}

export function consentCovers(consent: ConsentRecord, category: DataCategory, jurisdiction: string, now: Date): boolean {
  return consentIsActive(consent, now) && consent.categories.includes(category) && consent.granteeJurisdictions.includes(jurisdiction);
}

/**
 * The consent decisions of the victims subgraph itself, from its own collections (the
 * other subgraphs ask for the same through `victimSharing`, common/consents.ts).
 */
export function localConsents(ctx: Omit<VictimContext, 'consents'>): ConsentSource {
  const source: ConsentSource = {
    async jurisdictionOf(victimId) {
      return (await ctx.loaders.victim.load(victimId))?.jurisdiction ?? null;
    },
    async consentsFor(victimId, grantee) {
      const caller = ctx.caller;
      if (!caller) return [];
      const jurisdiction = grantee ?? caller.jurisdiction;
      if (jurisdiction !== caller.jurisdiction && (await ctx.loaders.victim.load(victimId))?.jurisdiction !== caller.jurisdiction) return [];
      const consents = await ctx.loaders.consentsOfVictim.load(victimId);
      return consents
        .filter((consent) => consentIsActive(consent, ctx.now) && consent.granteeJurisdictions.includes(jurisdiction))
        .map((consent) => ({ id: consent.id, categories: consent.categories, purposes: consent.purposes }));
    },
    async caseOf(victimId) {
      const victim = await ctx.loaders.victim.load(victimId);
      if (!victim || !(await isVisible(victimAccess, { ...ctx, consents: source }, victim))) return null;
      return { jurisdiction: victim.jurisdiction, status: victim.status, ageGroup: ageGroupNow(victim, ctx.now), gender: victim.gender, nationality: victim.nationality };
    },
  };
  return source;
}
