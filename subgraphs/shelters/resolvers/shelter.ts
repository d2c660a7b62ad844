import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import type { Entity } from '../../common/storage';
import { recordId } from '../../common/validate';
import { currentPlacementsIn } from '../domain/known';
import { matchShelters } from '../domain/matching';
import { registerShelter } from '../domain/registry';
import { availableBeds, sheltersOf } from '../domain/shelters';
import type { PlacementRecord, ShelterContext, ShelterRecord } from '../models';
import { RegisterShelterInput, ShelterNeedsInput } from '../schema/inputs';
import { Placement } from '../schema/placement';
import { Accepts, Shelter, ShelterConnection, ShelterMatch } from '../schema/shelter';

type ShelterDoc = Entity<ShelterRecord>;

@Resolver(() => Shelter)
export class ShelterResolver {
  @Query(() => Shelter, { nullable: true })
  shelter(@Arg('id', () => ID) id: string, @Ctx() ctx: ShelterContext): Promise<ShelterDoc | null> {
    return ctx.loaders.shelter.load(recordId(id, 'id'));
  }

  @Query(() => ShelterConnection, { description: "Shelters of a jurisdiction (default: the caller's), oldest first" })
  shelters(
    @Ctx() ctx: ShelterContext,
    @Arg('jurisdiction', () => String, { nullable: true }) jurisdiction?: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return sheltersOf(ctx, jurisdiction, { first, after });
  }

  @Query(() => [ShelterMatch], { description: 'Shelters with a free bed that take the person in, the most needs met first; each lists what it meets and misses' })
  matchShelters(
    @Arg('needs', () => ShelterNeedsInput) needs: ShelterNeedsInput,
    @Ctx() ctx: ShelterContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first?: number,
  ) {
    return matchShelters(ctx, needs, first);
  }

  @Audited('SHELTER_REGISTERED')
  @Mutation(() => Shelter, { description: "Registers a shelter of the registrar's jurisdiction, run by the named operator (registry.ts); every wrong field named at once" })
  registerShelter(@Arg('input', () => RegisterShelterInput) input: RegisterShelterInput, @Ctx() ctx: ShelterContext) {
    return registerShelter(ctx, input);
  }

  @FieldResolver(() => Int)
  occupancy(@Root() shelter: ShelterDoc, @Ctx() ctx: ShelterContext): Promise<number> {
    return ctx.loaders.occupancy.load(shelter);
  }

  @FieldResolver(() => Int)
  availableBeds(@Root() shelter: ShelterDoc, @Ctx() ctx: ShelterContext): Promise<number> {
    return availableBeds(ctx, shelter);
  }

  @FieldResolver(() => Accepts)
  accepts(@Root() shelter: ShelterDoc): Accepts {
    return shelter.accepts as Accepts;
  }

  @FieldResolver(() => [Placement], { nullable: true, description: 'Who is placed there now (requested or confirmed), oldest first: its staff and the social workers of its jurisdiction' })
  placements(@Root() shelter: ShelterDoc, @Ctx() ctx: ShelterContext): Promise<Array<Entity<PlacementRecord>>> {
    return currentPlacementsIn(ctx, shelter);
  }
}
