import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Entity } from '../../common/storage';
import type { MeRecord } from '../../common/me';
import { staffShelters } from '../domain/shelters';
import type { ShelterContext, ShelterRecord } from '../models';
import { Me } from '../schema/me';
import { Shelter } from '../schema/shelter';

@Resolver(() => Me)
export class MeSheltersResolver {
  @FieldResolver(() => [Shelter], { nullable: true, description: "The shelters the caller is staff of (a shelter_staff token whose org runs them, in their jurisdiction); empty for every other role" })
  shelters(@Root() _me: MeRecord, @Ctx() ctx: ShelterContext): Promise<Array<Entity<ShelterRecord>>> {
    return staffShelters(ctx);
  }
}
