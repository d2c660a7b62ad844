import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import { visibleOrNull } from '../../common/access';
import type { Entity } from '../../common/storage';
import { recordId } from '../../common/validate';
import { ageGroupNow } from '../domain/age';
import { victimAccess } from '../access';
import { consentsShownTo } from '../domain/consent';
import { ILO_INDICATORS } from '../domain/ilo-indicators';
import type { VictimContext, VictimRecord } from '../models';
import { registerVictim, recordScreening, startRecoveryPeriod } from '../domain/registration';
import { assessScreening, screeningHistory, SCREENINGS_SHOWN } from '../domain/screening';
import { victimByCaseReference, victimsOf } from '../domain/listing';
import { Consent } from '../schema/consent';
import { AgeGroup, VictimStatus } from '../schema/vocabulary';
import { RecordScreeningInput, RegisterVictimInput, StartRecoveryPeriodInput } from '../schema/inputs';
import { Accommodations, IloIndicator, Screening } from '../schema/screening';
import { RegisterVictimPayload, Victim, VictimConnection } from '../schema/victim';

type VictimDoc = Entity<VictimRecord>;

@Resolver(() => Victim)
export class VictimResolver {
  @Query(() => Victim, {
    nullable: true,
    description: "One victim by id: of the caller's jurisdiction, or of another whose active consent names it (else null, as for an unknown id); CASE fields for every role, the rest as permitted",
  })
  async victim(@Arg('id', () => ID) id: string, @Ctx() ctx: VictimContext): Promise<VictimDoc | null> {
    return visibleOrNull(victimAccess, ctx, await ctx.loaders.victim.load(recordId(id, 'id')));
  }

  @Query(() => Victim, {
    nullable: true,
    description: 'The victim with this case reference, if the caller may know of it (else null, exactly as for an unknown reference)',
  })
  async victimByCaseReference(@Arg('caseReference', () => String) caseReference: string, @Ctx() ctx: VictimContext): Promise<VictimDoc | null> {
    return victimByCaseReference(ctx, caseReference);
  }

  @Query(() => VictimConnection, {
    description: "Victims of the caller's jurisdiction, and foreign victims whose active consent names it",
  })
  async victims(
    @Ctx() ctx: VictimContext,
    @Arg('jurisdiction', () => String, { nullable: true }) jurisdiction?: string,
    @Arg('status', () => VictimStatus, { nullable: true }) status?: VictimStatus,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return victimsOf(ctx, { jurisdiction, status, first, after });
  }

  @Query(() => [IloIndicator], { description: 'The ILO indicator catalogue a screening records against (public)' })
  iloIndicators(): IloIndicator[] {
    return ILO_INDICATORS as IloIndicator[];
  }

  @Audited('REGISTER')
  @Mutation(() => RegisterVictimPayload, { description: "Registers a presumed victim in the caller's jurisdiction" })
  async registerVictim(@Arg('input', () => RegisterVictimInput) input: RegisterVictimInput, @Ctx() ctx: VictimContext) {
    return registerVictim(ctx, input);
  }

  @Audited('SCREENING_RECORDED')
  @Mutation(() => Victim)
  async recordScreening(
    @Arg('victimId', () => ID) victimId: string,
    @Arg('input', () => RecordScreeningInput) input: RecordScreeningInput,
    @Ctx() ctx: VictimContext,
  ) {
    return recordScreening(ctx, victimId, input);
  }

  @Audited('RECOVERY_PERIOD_STARTED')
  @Mutation(() => Victim)
  async startRecoveryPeriod(
    @Arg('victimId', () => ID) victimId: string,
    @Arg('input', () => StartRecoveryPeriodInput, { nullable: true }) input: StartRecoveryPeriodInput | undefined,
    @Ctx() ctx: VictimContext,
  ) {
    return startRecoveryPeriod(ctx, victimId, input ?? {});
  }

  @FieldResolver(() => AgeGroup, { nullable: true })
  ageGroup(@Root() victim: VictimDoc, @Ctx() ctx: VictimContext): AgeGroup | null {
    return ageGroupNow(victim, ctx.now);
  }

  @FieldResolver(() => Accommodations, { nullable: true })
  accommodations(@Root() victim: VictimDoc): Accommodations {
    return { interpretationLanguage: victim.interpretationLanguage ?? null, disabilityNeeds: victim.disabilityNeeds ?? [] };
  }

  @FieldResolver(() => Screening, { nullable: true })
  screening(@Root() victim: VictimDoc): Screening | null {
    const [latest] = screeningHistory(victim.screenings ?? []);
    return latest ? assessScreening(latest) : null;
  }

  @FieldResolver(() => [Screening], { nullable: true })
  screenings(@Root() victim: VictimDoc): Screening[] {
    return screeningHistory(victim.screenings ?? []).slice(0, SCREENINGS_SHOWN).map(assessScreening);
  }

  /** As the caller may see them (domain/consent.ts consentsShownTo). */
  @FieldResolver(() => [Consent], { nullable: true })
  async consents(@Root() victim: VictimDoc, @Ctx() ctx: VictimContext) {
    return consentsShownTo(ctx.caller!, victim, await ctx.loaders.consentsOfVictim.load(victim.id), ctx.now);
  }
}
