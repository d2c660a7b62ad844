import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Audited } from '../../common/audited';
import { identifyVictim, updateVictim } from '../domain/lifecycle';
import type { VictimContext } from '../models';
import { IdentifyVictimInput, UpdateVictimInput } from '../schema/lifecycle';
import { Victim } from '../schema/victim';

/** The victim record after registration (domain/lifecycle.ts); who may call each: permissions.ts. */
@Resolver(() => Victim)
export class VictimLifecycleResolver {
  @Audited('VICTIM_UPDATED')
  @Mutation(() => Victim, {
    description:
      "Changes a victim's contact, locality, vulnerabilities or languages (only the fields given), for VICTIM_SUPPORT or CASE_MANAGEMENT; social workers and law enforcement of the victim's jurisdiction",
  })
  async updateVictim(
    @Arg('victimId', () => ID) victimId: string,
    @Arg('input', () => UpdateVictimInput) input: UpdateVictimInput,
    @Ctx() ctx: VictimContext,
  ) {
    return updateVictim(ctx, victimId, input);
  }

  @Audited('VICTIM_IDENTIFIED')
  @Mutation(() => Victim, {
    description:
      "Records that a PRESUMED victim is identified as a victim of trafficking, and on what basis (national referral mechanism), for CASE_MANAGEMENT, VICTIM_SUPPORT or CRIMINAL_INVESTIGATION; law enforcement, social workers and prosecutors of the victim's jurisdiction",
  })
  async identifyVictim(
    @Arg('victimId', () => ID) victimId: string,
    @Arg('input', () => IdentifyVictimInput) input: IdentifyVictimInput,
    @Ctx() ctx: VictimContext,
  ) {
    return identifyVictim(ctx, victimId, input);
  }
}
