import { badInput, notFound } from '../../../platform/errors';
import { MAX_NOTICES } from '../../common/erasure-feed';
import { recordId, text } from '../../common/validate';
import type { VictimContext } from '../models';
import { anonymize, REMOVED_FIELDS } from './retention';

/**
 * Erasure at once, for a lawful request, and the feed that announces every erasure to the
 * subgraphs that hold victim data (common/erasure-feed.ts).
 */

/** Erases the personal data of a victim now; the legal basis is audited. CASE data stays. */
export async function eraseVictimData(ctx: VictimContext, victimId: string, legalBasis: string) {
  const id = recordId(victimId, 'victimId');
  const basis = text(legalBasis, 'legalBasis', { max: 200 });
  return ctx.audit.change(
    'ERASED',
    'Victim',
    id,
    REMOVED_FIELDS,
    async () => {
      if (!(await ctx.loaders.victim.load(id))) throw notFound('Victim', victimId);
      // Announced first (see retention.ts): the other subgraphs follow the feed.
      await ctx.models.erasureNotices.announce(id, ctx.now, basis, ctx.caller!);
      const erased = await anonymize(ctx.models, id, ctx.now);
      if (!erased) throw notFound('Victim', victimId);
      return erased;
    },
    [`LEGAL_BASIS:${basis}`],
  );
}

/**
 * The erasure notices after position `after`, oldest first, for a hub service
 * (common/rules.ts isHubService). Which notices went to which service is audited, as a
 * disclosure of victim ids.
 */
export async function erasureNoticesAfter(ctx: VictimContext, after: number, first: number | undefined) {
  if (!Number.isInteger(after) || after < 0) throw badInput('after', 'must be 0 or more');
  const count = first ?? 50;
  if (!Number.isInteger(count) || count < 1 || count > MAX_NOTICES) throw badInput('first', `must be between 1 and ${MAX_NOTICES}`);
  const page = await ctx.models.erasureNotices.read(after, count);
  // Stored with the request's events before the answer leaves (the actor is the service).
  if (page.notices.length > 0) {
    ctx.audit.noteEvent('ERASURE_NOTICES_READ', 'ErasureFeed', ctx.service!, ['victimId', 'legalBasis', 'requestedBy'], [`NOTICES:${page.notices[0].position}-${page.notices.at(-1)!.position}`]);
  }
  return page;
}
