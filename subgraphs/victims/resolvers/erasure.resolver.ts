import { Arg, Ctx, Directive, Int, Query, Resolver } from 'type-graphql';
import { badInput } from '../../../platform/errors';
import { MAX_NOTICES } from '../../common/erasure-feed';
import type { VictimContext } from '../models';
import { ErasureNoticePage } from '../schema/erasure';

@Resolver()
export class ErasureFeedResolver {
  /**
   * The erasure feed for the other subgraphs (common/erasure.ts), asked with a hub
   * service's token only (common/rules.ts isHubService). Which notices went to which
   * service is audited, as a disclosure of victim ids.
   */
  @Directive('@inaccessible')
  @Query(() => ErasureNoticePage, { description: 'Erasure notices after the position `after` (0: from the start), oldest first (hub services only)' })
  async erasureNotices(
    @Arg('after', () => Int) after: number,
    @Ctx() ctx: VictimContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
  ): Promise<ErasureNoticePage> {
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
}
