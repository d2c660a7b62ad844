import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { meEntity, type MeRecord } from '../../common/me';
import type { Entity } from '../../common/storage';
import { signsInAs } from '../access';
import type { PractitionerRecord, TrainingContext } from '../models';
import { Practitioner } from '../schema/types';

/** `Me` in the training subgraph: the caller's own practitioner record. */
export const Me = meEntity();

/** The record the caller signs in as (access.ts `signsInAs`: issuer, subject, jurisdiction and profession), or null. */
export async function ownPractitioner(ctx: TrainingContext): Promise<Entity<PractitionerRecord> | null> {
  const caller = ctx.caller;
  if (!caller) return null;
  return (await ctx.loaders.practitionersWithSubject.load(caller.sub)).find((p) => signsInAs(caller, p)) ?? null;
}

@Resolver(() => Me)
export class MeTrainingResolver {
  @FieldResolver(() => Practitioner, {
    nullable: true,
    description: "The caller's own practitioner record (training): registered with her token's issuer and subject, in her jurisdiction and with her profession's role; null when none",
  })
  practitioner(@Root() _me: MeRecord, @Ctx() ctx: TrainingContext): Promise<Entity<PractitionerRecord> | null> {
    return ownPractitioner(ctx);
  }
}
