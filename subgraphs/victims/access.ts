import {
  asRole,
  namedByVictimConsent,
  ownJurisdiction,
  PROFESSIONALS,
  protectedCategories,
  typeAccess,
  victimConsent,
  type DataCategory,
} from '../common/access';
import type { ConsentSource } from '../common/consents';
import type { Entity } from '../common/loaders';
import type { ConsentRecord, VictimRecord } from './models';
import type { VictimContext } from './loaders';

export type { DataCategory };

export function consentIsActive(consent: ConsentRecord, now: Date): boolean {
  return consent.withdrawnAt === null && (consent.expiresAt === null || consent.expiresAt > now);
}

export function consentCovers(consent: ConsentRecord, category: DataCategory, jurisdiction: string, now: Date): boolean {
  return consentIsActive(consent, now) && consent.categories.includes(category) && consent.granteeJurisdictions.includes(jurisdiction);
}

/**
 * Who may read which Victim field. Protected categories: the hub's roles for each, acting
 * in the victim's own jurisdiction or holding an active consent of the victim for that
 * category and jurisdiction. The consent records (purposes, grantees, who recorded them)
 * are not CASE data: professionals see them where they may act on the victim (own
 * jurisdiction, or a jurisdiction an active consent names), and the auditor for
 * oversight; shelters, partner systems and accreditation officers do not.
 */
export const victimAccess = typeAccess<Entity<VictimRecord>>({
  typeName: 'Victim',
  noun: 'this victim',
  id: (victim) => victim.id,
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
    consents: 'CONSENT_RECORDS',
    legalName: 'IDENTITY',
    dateOfBirth: 'IDENTITY',
    contactPhone: 'CONTACT',
    currentLocality: 'LOCATION',
    vulnerabilities: 'HEALTH',
    accommodations: 'HEALTH',
    screening: 'TESTIMONY',
  },
  rules: {
    ...protectedCategories([ownJurisdiction((victim) => victim.jurisdiction), victimConsent((victim) => victim.id)]),
    CONSENT_RECORDS: {
      roles: [...PROFESSIONALS, 'auditor'],
      bases: [asRole('auditor'), ownJurisdiction((victim) => victim.jurisdiction), namedByVictimConsent((victim) => victim.id)],
      denied: (whom) => `The consent records of this victim are not shown to ${whom}`,
    },
  },
});

/**
 * The consent decisions of the victims subgraph itself, from its own collections (the
 * other subgraphs ask for the same through `victimSharing`, common/consents.ts).
 */
export function localConsents(ctx: Omit<VictimContext, 'consents'>): ConsentSource {
  return {
    async jurisdictionOf(victimId) {
      return (await ctx.loaders.victim.load(victimId))?.jurisdiction ?? null;
    },
    async consentsFor(victimId) {
      const caller = ctx.caller;
      if (!caller) return [];
      const consents = await ctx.loaders.consentsOfVictim.load(victimId);
      return consents
        .filter((consent) => consentIsActive(consent, ctx.now) && consent.granteeJurisdictions.includes(caller.jurisdiction))
        .map((consent) => ({ id: consent.id, categories: consent.categories }));
    },
  };
}
