import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MeRecord } from '../../common/me';
import type { Entity } from '../../common/storage';
import { ownPractitioner } from '../domain/practitioners';
import type { PractitionerRecord, TrainingContext } from '../models';
import { Me } from '../schema/me';
import { Practitioner } from '../schema/practitioner';

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
