import { visibleOrNull } from '../../common/access';
import { pageOf, type Segment } from '../../common/storage';
import { countryCode } from '../../common/validate';
import { victimAccess } from '../access';
import type { VictimContext, VictimRecord } from '../models';
import type { VictimStatus } from '../schema/vocabulary';
import { caseReferenceOf } from './identity';
import { sweepExpiredConsents } from './sharing';

/** Finding victims: by case reference, and the lists of a jurisdiction. */

/** The victim with this case reference, if the caller may know of it (else null, exactly as for an unknown reference). */
export async function victimByCaseReference(ctx: VictimContext, caseReference: string) {
  const [victim] = await ctx.loaders.victimsByCaseReference.load(caseReferenceOf(caseReference, 'caseReference'));
  if (victim) ctx.loaders.victim.prime(victim.id, victim);
  return visibleOrNull(victimAccess, ctx, victim);
}

/**
 * Victims of the caller's jurisdiction, then the foreign victims whose active consent names
 * it (expired consents swept first, sharing.ts, when a page or count reaches them);
 * `jurisdiction` narrows to one of them.
 */
export async function victimsOf(
  ctx: VictimContext,
  args: { jurisdiction?: string | null; status?: VictimStatus | null; first?: number | null; after?: string | null },
) {
  const { jurisdiction, status, first, after } = args;
  const own = ctx.caller!.jurisdiction;
  const only = jurisdiction !== undefined && jurisdiction !== null ? countryCode(jurisdiction, 'jurisdiction') : null;
  const { victims } = ctx.models;
  // Own jurisdiction first, then the victims other jurisdictions shared with it.
  const segments: Array<Segment<VictimRecord>> = [];
  if (!only || only === own) {
    segments.push({ records: victims, list: status ? victims.list('jurisdictionStatus', `${own}:${status}`) : victims.list('jurisdiction', own) });
  }
  if (only !== own) {
    segments.push({
      records: victims,
      list: status ? victims.list('sharedWithStatus', `${own}:${status}`) : victims.list('sharedWith', own),
      where: only ? (victim) => victim.jurisdiction === only : undefined,
      ready: () => sweepExpiredConsents(ctx.models, ctx.now),
    });
  }
  const page = await pageOf(segments, { first, after });
  for (const { node } of page.edges) ctx.loaders.victim.prime(node.id, node);
  return page;
}
