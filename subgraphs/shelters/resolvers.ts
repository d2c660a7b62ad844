import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../common/audited';
import { badInput } from '../../platform/errors';
import type { Entity } from '../common/storage';
import { pageOf, pageSize } from '../common/storage';
import { checkAll, countryCode, dateTime, newId, recordId, text } from '../common/validate';
import { activePlacementNamed, knownPlacements, knownTransports } from './known';
import { checkedNeeds, match, ranked } from './matching';
import type { PlacementRecord, ShelterContext, ShelterRecord, TransportRecord } from './models';
import { requestExpiresAt } from './expiry';
import { acceptPlacement, confirmPlacement, declinePlacement, dischargePlacement, mayActOn, requestPlacement, transferPlacement, type StayInput } from './placements';
import { registerShelter } from './registry';
import {
  Accepts,
  HearingReference,
  Placement,
  PlacementInput,
  RegisterShelterInput,
  Shelter,
  ShelterConnection,
  ShelterMatch,
  ShelterNeedsInput,
  Transport,
  TransportInput,
  VictimReference,
} from './types';
import { ACTIVE_STATUSES, PlacementStatus } from './vocabulary';

type ShelterDoc = Entity<ShelterRecord>;
type PlacementDoc = Entity<PlacementRecord>;

const MAX_MATCHES = 50;

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
    const asked = jurisdiction != null ? countryCode(jurisdiction, 'jurisdiction') : ctx.caller!.jurisdiction;
    return pageOf([{ records: ctx.models.shelters, list: ctx.models.shelters.list('jurisdiction', asked) }], { first, after });
  }

  @Query(() => [ShelterMatch], { description: 'Shelters with a free bed that take the person in, the most needs met first; each lists what it meets and misses' })
  async matchShelters(
    @Arg('needs', () => ShelterNeedsInput) needs: ShelterNeedsInput,
    @Ctx() ctx: ShelterContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first?: number,
  ) {
    const size = pageSize(first);
    if (size > MAX_MATCHES) throw badInput('first', `must be between 1 and ${MAX_MATCHES}`);
    const checked = checkedNeeds(needs);
    const { shelters } = ctx.models;
    const list = checked.jurisdiction ? shelters.list('jurisdiction', checked.jurisdiction) : shelters.list('all', 'all');
    const candidates = (await ctx.models.shelters.lists.read(list, 0, 5_000)).map((e) => e.ref);
    const records = (await ctx.loaders.shelter.loadMany(candidates)).filter((s): s is ShelterDoc => s !== null && !(s instanceof Error));
    const occupied = await ctx.loaders.occupancy.loadMany(records);
    const matches = records.flatMap((shelter, i) => {
      const free = shelter.capacity - (occupied[i] as number);
      const found = free > 0 ? match(shelter, checked) : null;
      return found ? [{ ...found, free }] : [];
    });
    return ranked(matches).slice(0, size);
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
  async availableBeds(@Root() shelter: ShelterDoc, @Ctx() ctx: ShelterContext): Promise<number> {
    return Math.max(0, shelter.capacity - (await ctx.loaders.occupancy.load(shelter)));
  }

  @FieldResolver(() => Accepts)
  accepts(@Root() shelter: ShelterDoc): Accepts {
    return shelter.accepts as Accepts;
  }

  @FieldResolver(() => [Placement], { nullable: true, description: 'Who is placed there now (requested or confirmed), oldest first: its staff and the social workers of its jurisdiction' })
  async placements(@Root() shelter: ShelterDoc, @Ctx() ctx: ShelterContext): Promise<PlacementDoc[]> {
    const all = await ctx.loaders.placementsOfShelter.load(shelter.id);
    return knownPlacements(ctx, all.filter((p) => ACTIVE_STATUSES.includes(p.status)));
  }
}

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
    return dischargePlacement(ctx, placementId, text(reason, 'reason', { max: 500 }));
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
    return placement.status === PlacementStatus.REQUESTED ? requestExpiresAt(placement, ctx.models.requestHours) : null;
  }
}

@Resolver(() => VictimReference)
export class VictimPlacementsResolver {
  @FieldResolver(() => [Placement], {
    nullable: true,
    description: "The victim's placements the caller may read, oldest first (shelter staff and social workers, for a stated purpose; contributed by the shelters subgraph)",
  })
  async placements(@Root() victim: VictimReference, @Ctx() ctx: ShelterContext): Promise<PlacementDoc[]> {
    return knownPlacements(ctx, await ctx.loaders.placementsOfVictim.load(victim.id));
  }

  @FieldResolver(() => Placement, { nullable: true, description: 'Where the victim is now (requested or confirmed), if the caller may read it (as placements)' })
  async currentPlacement(@Root() victim: VictimReference, @Ctx() ctx: ShelterContext): Promise<PlacementDoc | null> {
    const active = (await ctx.loaders.placementsOfVictim.load(victim.id)).filter((p) => ACTIVE_STATUSES.includes(p.status));
    return (await knownPlacements(ctx, active))[0] ?? null;
  }
}

@Resolver(() => HearingReference)
export class HearingTransportResolver {
  @FieldResolver(() => [Transport], {
    nullable: true,
    description: 'Safe transport of victims to this hearing that the caller may read (shelter staff, social workers and police, for a stated purpose; contributed by the shelters subgraph)',
  })
  async transport(@Root() hearing: HearingReference, @Ctx() ctx: ShelterContext): Promise<Array<Entity<TransportRecord>>> {
    return knownTransports(ctx, await ctx.loaders.transportsOfHearing.load(hearing.id));
  }

  @Audited('TRANSPORT_ARRANGED')
  @Mutation(() => Transport, {
    description: "Arranges safe transport of a placed victim to a hearing (the victim's shelter's staff, or a social worker of that shelter's jurisdiction)",
  })
  async arrangeTransport(
    @Arg('hearingId', () => ID) hearingId: string,
    @Arg('victimId', () => ID) victimId: string,
    @Arg('input', () => TransportInput) input: TransportInput,
    @Ctx() ctx: ShelterContext,
  ) {
    const { hearing, pickupLocation, departAt } = await checkAll({
      hearing: () => recordId(hearingId, 'hearingId'),
      pickupLocation: () => text(input.pickupLocation, 'input.pickupLocation', { max: 300 }),
      departAt: () => {
        const departAt = dateTime(input.departAt, 'input.departAt');
        if (departAt <= ctx.now) throw badInput('input.departAt', 'must be in the future');
        return departAt;
      },
    });
    const placement = mayActOn(ctx, await activePlacementNamed(ctx, victimId), false);
    const _id = newId();
    return ctx.audit.change('TRANSPORT_ARRANGED', 'Transport', _id, ['pickupLocation', 'escort', 'departAt'], () =>
      ctx.models.transports.create({
        _id,
        hearingId: hearing,
        victimId: placement.victimId,
        placementId: placement.id,
        shelterJurisdiction: placement.shelterJurisdiction,
        operator: placement.operator,
        victimJurisdiction: placement.victimJurisdiction,
        pickupLocation,
        escort: input.escort,
        departAt,
        arrangedAt: ctx.now,
        arrangedBy: ctx.caller!.sub,
      }),
    );
  }
}

@Resolver(() => Transport)
export class TransportResolver {
  @FieldResolver(() => VictimReference, { nullable: true })
  victim(@Root() transport: Entity<TransportRecord>): VictimReference {
    return { id: transport.victimId };
  }
}
