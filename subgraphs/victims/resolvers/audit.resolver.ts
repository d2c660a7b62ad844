import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { AuditChainHead, AuditChainStatus, AuditEvent } from '../../common/audit-types';
import { badInput } from '../../../platform/errors';
import { objectId } from '../../common/validate';
import type { VictimContext } from '../loaders';

@Resolver()
export class AuditResolver {
  @Query(() => [AuditEvent], { description: 'Every access to and change of one victim, oldest first (auditor only)' })
  async auditTrail(@Arg('victimId', () => ID) victimId: string, @Ctx() ctx: VictimContext) {
    objectId(victimId, 'victimId');
    return ctx.audit.log.trail('Victim', victimId);
  }

  @Query(() => AuditChainStatus, {
    description: 'Recomputes the hash chain of the whole trail (auditor only); with knownHead, also checks that head is still in it',
  })
  async verifyAuditChain(
    @Ctx() ctx: VictimContext,
    @Arg('knownHead', () => AuditChainHead, { nullable: true }) knownHead?: AuditChainHead,
  ) {
    if (knownHead && (!Number.isInteger(knownHead.sequence) || knownHead.sequence < 1)) throw badInput('knownHead.sequence', 'must be 1 or more');
    if (knownHead && !/^[0-9a-f]{64}$/.test(knownHead.hash)) throw badInput('knownHead.hash', 'must be 64 lowercase hexadecimal characters');
    return ctx.audit.log.verify(knownHead ?? undefined);
  }
}
