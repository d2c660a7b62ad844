import { Arg, Ctx, Directive, Int, Query, Resolver } from 'type-graphql';
import { erasureNoticesAfter } from '../domain/erasure';
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
    return erasureNoticesAfter(ctx, after, first);
  }
}
