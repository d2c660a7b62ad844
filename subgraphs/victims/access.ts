import type { Caller, Role } from '../../platform/auth';
import type { Entity } from '../common/loaders';
import type { ConsentRecord, VictimRecord } from './models';
import type { VictimContext } from './loaders';

/** Categories of victim data; each victim field belongs to exactly one. */
export type DataCategory = 'CASE' | 'IDENTITY' | 'CONTACT' | 'HEALTH' | 'LOCATION' | 'TESTIMONY';
export const DATA_CATEGORIES: DataCategory[] = ['CASE', 'IDENTITY', 'CONTACT', 'HEALTH', 'LOCATION', 'TESTIMONY'];

const PROFESSIONALS: Role[] = ['judge', 'prosecutor', 'law_enforcement', 'social_worker', 'legal_aid_attorney'];

/**
 * Who may ever see a protected category (least privilege). Being listed is necessary,
 * not sufficient: the caller must also act in the victim's own jurisdiction, or hold an
 * active consent of the victim for that category and jurisdiction. CASE data is open to
 * every authenticated role. partner_system, auditor and accreditation_officer see no
 * protected category; shelter staff see what a placement needs (health, location).
 */
export const ROLES_BY_CATEGORY: Record<Exclude<DataCategory, 'CASE'>, Role[]> = {
  IDENTITY: PROFESSIONALS,
  CONTACT: PROFESSIONALS,
  HEALTH: [...PROFESSIONALS, 'shelter_staff'],
  LOCATION: [...PROFESSIONALS, 'shelter_staff'],
  TESTIMONY: PROFESSIONALS,
};

export function consentIsActive(consent: ConsentRecord, now: Date): boolean {
  return consent.withdrawnAt === null && (consent.expiresAt === null || consent.expiresAt > now);
}

export function consentCovers(consent: ConsentRecord, category: DataCategory, jurisdiction: string, now: Date): boolean {
  return consentIsActive(consent, now) && consent.categories.includes(category) && consent.granteeJurisdictions.includes(jurisdiction);
}

/** The decision itself, free of I/O so it can be read and tested on its own. */
export function mayRead(caller: Caller, victim: VictimRecord, category: DataCategory, consents: ConsentRecord[], now: Date): boolean {
  if (category === 'CASE') return true;
  if (!ROLES_BY_CATEGORY[category].includes(caller.role)) return false;
  if (victim.jurisdiction === caller.jurisdiction) return true;
  return consents.some((consent) => consentCovers(consent, category, caller.jurisdiction, now));
}

/**
 * The victim's consent records (purposes, grantees, who recorded them) are not CASE
 * data: professionals see them where they may act on the victim (own jurisdiction, or a
 * jurisdiction an active consent names: the basis they receive data on), and the
 * auditor sees them for oversight. Shelters, partner systems and accreditation
 * officers do not.
 */
export function mayReadConsents(caller: Caller, victim: VictimRecord, consents: ConsentRecord[], now: Date): boolean {
  if (caller.role === 'auditor') return true;
  if (!PROFESSIONALS.includes(caller.role)) return false;
  if (victim.jurisdiction === caller.jurisdiction) return true;
  return consents.some((consent) => consentIsActive(consent, now) && consent.granteeJurisdictions.includes(caller.jurisdiction));
}

/** Per request: consents come through the batching loader; decisions are memoized. */
export async function decide(ctx: VictimContext, victim: Entity<VictimRecord>, category: DataCategory | 'CONSENT_RECORDS'): Promise<boolean> {
  const caller = ctx.caller;
  if (!caller) return false;
  if (category === 'CASE') return true;
  const key = `${victim.id}:${category}`;
  let decision = ctx.loaders.decisions.get(key);
  if (!decision) {
    decision = ctx.loaders.consentsOfVictim
      .load(victim.id)
      .then((consents) =>
        category === 'CONSENT_RECORDS' ? mayReadConsents(caller, victim, consents, ctx.now) : mayRead(caller, victim, category, consents, ctx.now),
      );
    ctx.loaders.decisions.set(key, decision);
  }
  return decision;
}
