import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Audited } from '../../common/audited';
import { badInput, notFound } from '../../../platform/errors';
import { recordId, text } from '../../common/validate';
import type { VictimContext } from '../models';
import { anonymize, REMOVED_FIELDS, retainUntil } from '../domain/retention';
import { VictimStatus } from '../schema/vocabulary';
import { Victim } from '../schema/victim';

@Resolver()
export class RetentionResolver {
  @Audited('RECORD_CLOSED')
  @Mutation(() => Victim, {
    description: "Closes a victim's record: its personal data is kept for the retention period (retainUntil), then removed (social worker of the victim's jurisdiction)",
  })
  async closeVictimRecord(@Arg('victimId', () => ID) victimId: string, @Arg('reason') reason: string, @Ctx() ctx: VictimContext) {
    const id = recordId(victimId, 'victimId');
    const closingReason = text(reason, 'reason', { max: 500 });
    const current = await ctx.loaders.victim.load(id);
    if (current?.status === VictimStatus.CLOSED) throw badInput('victimId', `the record was closed already, on ${current.closedAt?.toISOString()}`);
    return ctx.audit.change('RECORD_CLOSED', 'Victim', id, ['status', 'closedAt', 'retainUntil'], async () => {
      const closed = await ctx.models.victims.update(id, (v) =>
        v.status === VictimStatus.CLOSED ? null : { status: VictimStatus.CLOSED, closedAt: ctx.now, closingReason, retainUntil: retainUntil(ctx.now, ctx.models.retentionDays) },
      );
      if (!closed) throw notFound('Victim', victimId);
      return closed;
    });
  }

  @Audited('ERASED')
  @Mutation(() => Victim, {
    description:
      'Erases the personal data of a victim at once, for a lawful erasure request (judge or social worker of the victim\'s jurisdiction); the legal basis is audited. CASE data stays for statistics. Every other subgraph that holds data of the victim erases its part (announced in the erasure feed).',
  })
  async eraseVictimData(@Arg('victimId', () => ID) victimId: string, @Arg('legalBasis') legalBasis: string, @Ctx() ctx: VictimContext) {
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
}
