import { isVisible, type DataCategory } from '../common/access';
import { ageGroupNow } from './domain/age';
import { victimAccess } from './schema/victim';
import type { ConsentSource } from '../common/consents';
import type { ConsentRecord, VictimContext } from './models';

export type { DataCategory };

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
