import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import type { Entity } from '../../common/storage';
import { openRequestExpiresAt } from '../domain/expiry';
import { acceptPlacement, confirmPlacement, declinePlacement, dischargePlacement, requestPlacement, transferPlacement, type StayInput } from '../domain/placements';
import type { PlacementRecord, ShelterContext } from '../models';
import { PlacementInput } from '../schema/inputs';
import { Placement } from '../schema/placement';
import { VictimReference } from '../schema/references';
import { Shelter } from '../schema/shelter';

type PlacementDoc = Entity<PlacementRecord>;

@Resolver(() => Placement)
export class PlacementResolver {
  @Audited('PLACEMENT_REQUESTED')
  @Mutation(() => Placement, {
    description:
      "Holds a bed for a victim (social worker, police or shelter staff of the shelter's jurisdiction, or of the victim's when the victim shares LOCATION and HEALTH with the shelter's jurisdiction); CONFLICT when no bed is free or the victim is placed already",
  })
  requestPlacement(
    @Arg('shelterId', () => ID) shelterId: string,
    @Arg('victimId', () => ID) victimId: string,
    @Arg('input', () => PlacementInput) input: PlacementInput,
    @Ctx() ctx: ShelterContext,
  ) {
    return requestPlacement(ctx, shelterId, victimId, input as StayInput);
  }

  @Audited('PLACEMENT_ACCEPTED')
  @Mutation(() => Placement, { description: "The shelter takes the victim in (its staff only): REQUESTED → ACCEPTED; the bed stays held until arrival" })
  acceptPlacement(@Arg('placementId', () => ID) placementId: string, @Ctx() ctx: ShelterContext, @Arg('note', () => String, { nullable: true }) note?: string | null) {
    return acceptPlacement(ctx, placementId, note);
  }

  @Audited('PLACEMENT_DECLINED')
  @Mutation(() => Placement, { description: 'The shelter cannot take the victim in (its staff only): REQUESTED → DECLINED with the reason; the bed is free again' })
  declinePlacement(@Arg('placementId', () => ID) placementId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: ShelterContext) {
    return declinePlacement(ctx, placementId, reason);
  }

  @Audited('PLACEMENT_CONFIRMED', 'PLACEMENT_TRANSFERRED')
  @Mutation(() => Placement, { description: "The victim arrived, as the shelter's staff confirm: ACCEPTED → CONFIRMED" })
  confirmPlacement(@Arg('placementId', () => ID) placementId: string, @Ctx() ctx: ShelterContext) {
    return confirmPlacement(ctx, placementId);
  }

  @Audited('PLACEMENT_TRANSFERRED')
  @Mutation(() => Placement, { description: 'Asks another shelter to take the victim over: a bed there first (a new placement, REQUESTED); this placement goes on until she arrives there (confirmPlacement), then ends; returns the new placement' })
  transferPlacement(@Arg('placementId', () => ID) placementId: string, @Arg('toShelterId', () => ID) toShelterId: string, @Ctx() ctx: ShelterContext) {
    return transferPlacement(ctx, placementId, toShelterId);
  }

  @Audited('PLACEMENT_DISCHARGED')
  @Mutation(() => Placement, { description: "Ends a stay and frees its bed (the shelter's staff, or a social worker of the shelter's or the victim's jurisdiction)" })
  dischargePlacement(@Arg('placementId', () => ID) placementId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: ShelterContext) {
    return dischargePlacement(ctx, placementId, reason);
  }

  @FieldResolver(() => Shelter, { nullable: true })
  shelter(@Root() placement: PlacementDoc, @Ctx() ctx: ShelterContext) {
    return ctx.loaders.shelter.load(placement.shelterId);
  }

  @FieldResolver(() => VictimReference, { nullable: true })
  victim(@Root() placement: PlacementDoc): VictimReference {
    return { id: placement.victimId };
  }

  @FieldResolver(() => Date, { nullable: true })
  requestExpiresAt(@Root() placement: PlacementDoc, @Ctx() ctx: ShelterContext): Date | null {
    return openRequestExpiresAt(placement, ctx.models.requestHours);
  }
}
