import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import { visibleOrNull } from '../../common/access';
import type { Entity } from '../../common/storage';
import { pageOf, type Segment } from '../../common/storage';
import { countryCode, recordId } from '../../common/validate';
import { ageGroupNow } from '../domain/age';
import { consentIsActive } from '../access';
import { caseReferenceOf } from '../domain/identity';
import { ILO_INDICATORS } from '../domain/ilo-indicators';
import type { VictimContext, VictimRecord } from '../models';
import { registerVictim, recordScreening, startRecoveryPeriod } from '../domain/registration';
import { assessScreening, screeningHistory, SCREENINGS_SHOWN } from '../domain/screening';
import { sweepExpiredConsents } from '../domain/sharing';
import { Consent } from '../schema/consent';
import { AgeGroup, VictimStatus } from '../schema/vocabulary';
import { RecordScreeningInput, RegisterVictimInput, StartRecoveryPeriodInput } from '../schema/inputs';
import { Accommodations, IloIndicator, Screening } from '../schema/screening';
import { RegisterVictimPayload, Victim, VictimConnection, victimAccess } from '../schema/victim';

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
    const [victim] = await ctx.loaders.victimsByCaseReference.load(caseReferenceOf(caseReference, 'caseReference'));
    if (victim) ctx.loaders.victim.prime(victim.id, victim);
    return visibleOrNull(victimAccess, ctx, victim);
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
    const own = ctx.caller!.jurisdiction;
    const only = jurisdiction !== undefined && jurisdiction !== null ? countryCode(jurisdiction, 'jurisdiction') : null;
    const { victims } = ctx.models;
    await sweepExpiredConsents(ctx.models, ctx.now);
    // Own jurisdiction first, then the victims other jurisdictions shared with it.
    const segments: Array<Segment<VictimRecord>> = [];
    if (!only || only === own) {
      segments.push({ records: victims, list: status ? victims.list('jurisdictionStatus', `${own}:${status}`) : victims.list('jurisdiction', own) });
    }
    if (only !== own) {
      segments.push({
        records: victims,
        list: status ? victims.list('sharedWithStatus', `${own}:${status}`) : victims.list('sharedWith', own),
        where: only ? (victim) => victim.jurisdiction === only : undefined,
      });
    }
    const page = await pageOf(segments, { first, after });
    for (const { node } of page.edges) ctx.loaders.victim.prime(node.id, node);
    return page;
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

  /**
   * All of them for the victim's own jurisdiction and its auditors; for another
   * jurisdiction only the consents that name it, as they concern it: the grantee list
   * narrowed to it, and not who recorded them.
   */
  @FieldResolver(() => [Consent], { nullable: true })
  async consents(@Root() victim: VictimDoc, @Ctx() ctx: VictimContext) {
    const caller = ctx.caller!;
    const consents = await ctx.loaders.consentsOfVictim.load(victim.id);
    const whole = caller.jurisdiction === victim.jurisdiction || caller.oversight.includes(victim.jurisdiction);
    return consents
      .filter((c) => whole || c.granteeJurisdictions.includes(caller.jurisdiction))
      .map((c) => ({
        ...c,
        active: consentIsActive(c, ctx.now),
        ...(whole ? {} : { granteeJurisdictions: [caller.jurisdiction], grantedBy: null, note: null }),
      }));
  }
}
