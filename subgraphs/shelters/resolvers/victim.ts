import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Entity } from '../../common/storage';
import { currentPlacementOf, placementsOfVictim } from '../domain/known';
import type { PlacementRecord, ShelterContext } from '../models';
import { Placement } from '../schema/placement';
import { VictimReference } from '../schema/references';

type PlacementDoc = Entity<PlacementRecord>;

/** The fields this subgraph adds to the victims subgraph's Victim. */
@Resolver(() => VictimReference)
export class VictimPlacementsResolver {
  @FieldResolver(() => [Placement], {
    nullable: true,
    description: "The victim's placements the caller may read, oldest first (shelter staff and social workers, for a stated purpose; contributed by the shelters subgraph)",
  })
  placements(@Root() victim: VictimReference, @Ctx() ctx: ShelterContext): Promise<PlacementDoc[]> {
    return placementsOfVictim(ctx, victim.id);
  }

  @FieldResolver(() => Placement, { nullable: true, description: 'Where the victim is now (requested or confirmed), if the caller may read it (as placements)' })
  currentPlacement(@Root() victim: VictimReference, @Ctx() ctx: ShelterContext): Promise<PlacementDoc | null> {
    return currentPlacementOf(ctx, victim.id);
  }
}
