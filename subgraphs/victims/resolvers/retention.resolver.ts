import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Audited } from '../../common/audited';
import type { VictimContext } from '../models';
import { eraseVictimData } from '../domain/erasure';
import { closeVictimRecord } from '../domain/retention';
import { Victim } from '../schema/victim';

@Resolver()
export class RetentionResolver {
  @Audited('RECORD_CLOSED')
  @Mutation(() => Victim, {
    description: "Closes a victim's record: its personal data is kept for the retention period (retainUntil), then removed (social worker of the victim's jurisdiction)",
  })
  async closeVictimRecord(@Arg('victimId', () => ID) victimId: string, @Arg('reason') reason: string, @Ctx() ctx: VictimContext) {
    return closeVictimRecord(ctx, victimId, reason);
  }

  @Audited('ERASED')
  @Mutation(() => Victim, {
    description:
      'Erases the personal data of a victim at once, for a lawful erasure request (judge or social worker of the victim\'s jurisdiction); the legal basis is audited. CASE data stays for statistics. Every other subgraph that holds data of the victim erases its part (announced in the erasure feed).',
  })
  async eraseVictimData(@Arg('victimId', () => ID) victimId: string, @Arg('legalBasis') legalBasis: string, @Ctx() ctx: VictimContext) {
    return eraseVictimData(ctx, victimId, legalBasis);
  }
}
