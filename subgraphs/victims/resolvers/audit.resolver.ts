import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { AuditChainStatus, AuditEvent } from '../../common/audit-types';
import { objectId } from '../../common/validate';
import type { VictimContext } from '../loaders';

@Resolver()
export class AuditResolver {
  @Query(() => [AuditEvent], { description: 'Every access to and change of one victim, oldest first (auditor only)' })
  async auditTrail(@Arg('victimId', () => ID) victimId: string, @Ctx() ctx: VictimContext) {
    objectId(victimId, 'victimId');
    return ctx.audit.log.trail('Victim', victimId);
  }

  @Query(() => AuditChainStatus, { description: 'Recomputes the hash chain of the whole trail (auditor only)' })
  async verifyAuditChain(@Ctx() ctx: VictimContext) {
    return ctx.audit.log.verify();
  }
}
