import { badInput } from '../../../platform/errors';
import { isVisible } from '../../common/access';
import type { SharedConsent } from '../../common/consents';
import { countryCode, recordId } from '../../common/validate';
import { consentIsActive, victimAccess } from '../access';
import { type VictimContext, dayOf, type VictimModels } from '../models';

/**
 * Where a victim is listed besides its own jurisdiction: `sharedWith` holds the other
 * jurisdictions that an active consent names. It is set again whenever a consent is
 * granted, withdrawn or found expired, and lists the victim for those jurisdictions
 * (common/storage/store.ts); what each field then shows is still decided per field, per request.
 */
export async function refreshSharing(models: VictimModels, victimId: string, now: Date): Promise<void> {
  // Under the victim's lock, after this request's own consent write: of concurrent
  // refreshes the last one reads every consent written before it.
  await models.victims.update(victimId, async (victim) => {
    const consents = await models.consents.loaderBy('victim').load(victimId);
    const grantees = consents.filter((c) => consentIsActive(c, now)).flatMap((c) => c.granteeJurisdictions);
    const sharedWith = [...new Set(grantees)].filter((j) => j !== victim.jurisdiction).sort();
    return sharedWith.join() === victim.sharedWith.join() ? null : { sharedWith };
  });
}

/** Consents that expired more than this long before a process started are taken as swept. */
const LOOKBACK_DAYS = 400;
const DAY = 86_400_000;

/**
 * Consents expire with time, not with a write: before a listing, the victims of consents
 * that expired since the last sweep of this process are shared again without them.
 * Consents are listed by the day they expire, so a sweep reads the days since the last
 * one (and today's, every time), never the whole collection.
 */
export async function sweepExpiredConsents(models: VictimModels, now: Date): Promise<void> {
  const sweep = models.sharingSweep;
  const today = dayOf(now);
  const days: string[] = [];
  for (let t = Date.parse(sweep.before ?? dayOf(new Date(now.getTime() - LOOKBACK_DAYS * DAY))); dayOf(new Date(t)) <= today; t += DAY) {
    days.push(dayOf(new Date(t)));
  }
  const expiring = (await models.consents.loaderBy('expiresOn').loadMany(days)).flatMap((group) => {
    if (group instanceof Error) throw group;
    return group;
  });
  const expired = expiring.filter((c) => c.withdrawnAt === null && c.expiresAt !== null && c.expiresAt <= now && !sweep.done.has(c.id));
  for (const victimId of new Set(expired.map((c) => String(c.victimId)))) await refreshSharing(models, victimId, now);
  if (sweep.before !== today) sweep.done.clear();
  for (const c of expired) sweep.done.add(c.id);
  sweep.before = today;
}

/** What `victimSharing` answers for one victim (schema/consent.ts VictimSharing). */
export interface SharingAnswer {
  victimId: string;
  jurisdiction: string | null;
  consents: SharedConsent[];
}

/**
 * The consent question of another subgraph, for one victim: its jurisdiction and the
 * active consents naming the caller's jurisdiction (or `grantee`, answered to the victim's
 * own jurisdiction only). A victim the caller may not see answers exactly as an unknown id.
 * Each answer is logged as a read of the victim's consent records (and, for another
 * jurisdiction's victim, of its jurisdiction, a CASE field, as every foreign CASE read is):
 * one READ event per victim per request, a refusal included.
 */
export async function sharingOf(ctx: VictimContext, victimId: string, grantee: string | undefined): Promise<SharingAnswer> {
  const caller = ctx.caller!;
  const victim = await ctx.loaders.victim.load(victimId);
  if (!victim) return { victimId, jurisdiction: null, consents: [] };
  const own = victim.jurisdiction === caller.jurisdiction;
  if (!own && !(await isVisible(victimAccess, ctx, victim))) {
    for (const field of SHARING_FIELDS) ctx.audit.noteRead('Victim', victimId, field, false);
    return { victimId, jurisdiction: null, consents: [] };
  }
  const consents = await ctx.consents.consentsFor(victimId, grantee);
  // On what it was released: the own jurisdiction, or the consents that name the caller's.
  const bases = own ? ['OWN_JURISDICTION'] : (await ctx.consents.consentsFor(victimId)).map((c) => `CONSENT:${c.id}`);
  for (const basis of bases) ctx.audit.noteRead('Victim', victimId, 'consents', true, basis);
  if (!own) ctx.audit.noteRead('Victim', victimId, 'jurisdiction', true, bases[0]);
  return { victimId, jurisdiction: victim.jurisdiction, consents };
}

const MAX_SHARING_BATCH = 500;

/** `victimSharing`: the consent question for up to 500 victims at once (each id once), each answered by sharingOf. */
export async function sharingOfVictims(ctx: VictimContext, victimIds: string[], grantee: string | undefined): Promise<SharingAnswer[]> {
  if (victimIds.length > MAX_SHARING_BATCH) throw badInput('victimIds', `at most ${MAX_SHARING_BATCH} at once`);
  const ids = [...new Set(victimIds.map((id, i) => recordId(id, `victimIds[${i}]`)))];
  const jurisdiction = grantee != null ? countryCode(grantee, 'grantee') : undefined;
  return Promise.all(ids.map((victimId) => sharingOf(ctx, victimId, jurisdiction)));
}

/** The Victim fields a consent answer reveals, as audit events name them. */
const SHARING_FIELDS = ['consents', 'jurisdiction'];
