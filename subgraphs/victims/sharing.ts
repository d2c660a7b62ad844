import { consentIsActive } from './access';
import { dayOf, type VictimModels } from './models';

/**
 * Where a victim is listed besides its own jurisdiction: `sharedWith` holds the other
 * jurisdictions that an active consent names. It is set again whenever a consent is
 * granted, withdrawn or found expired, and lists the victim for those jurisdictions
 * (common/store.ts); what each field then shows is still decided per field, per request.
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
