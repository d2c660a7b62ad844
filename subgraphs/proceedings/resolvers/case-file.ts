import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { requestsOfProceeding } from '../assistance/domain/lists';
import { teamsOfProceeding } from '../teams/domain/team';
import { caseFileOf, type CaseFileRecord } from '../domain/case-file';
import { evidenceOf } from '../domain/evidence';
import { ordersOf } from '../domain/order';
import { hearingsInOrder } from '../domain/proceeding';
import type { ProceedingContext } from '../models';
import { LegalAssistanceRequest } from '../assistance/schema/request';
import { JointInvestigationTeam } from '../teams/schema/team';
import { CaseFile } from '../schema/case-file';
import { Evidence } from '../schema/evidence';
import { Hearing } from '../schema/hearing';
import { ProtectiveOrder } from '../schema/order';
import { VictimReference } from '../schema/proceeding';
import { appointmentsOf } from '../defence/domain/appointment';
import { disclosuresOf } from '../defence/domain/disclosure';
import { witnessesOf } from '../defence/domain/witnesses';
import { DefenceAppointment, Disclosure } from '../defence/schema/defence';
import { Witness } from '../defence/schema/witness';
import { translationsOfProceeding } from '../translations/domain/translations';
import { Translation } from '../translations/schema/translation';

@Resolver(() => CaseFile)
export class CaseFileResolver {
  @Query(() => CaseFile, {
    description:
      "The whole case for the court (judges, prosecutors, police of the proceeding's jurisdiction and members of a team linking it) or for counsel appointed in it: each part as the caller may see it; an unknown proceeding and one the caller may not see answer the same NOT_FOUND",
  })
  caseFile(
    @Arg('proceedingId', () => ID) proceedingId: string,
    @Ctx() ctx: ProceedingContext,
    @Arg('language', () => String, { nullable: true, description: 'ISO 639-1: the language of the translations to include' }) language?: string,
  ): Promise<CaseFileRecord> {
    return caseFileOf(ctx, proceedingId, language);
  }

  @FieldResolver(() => [Hearing], { nullable: true })
  hearings(@Root() file: CaseFileRecord): Hearing[] {
    return hearingsInOrder(file.proceeding) as Hearing[];
  }

  @FieldResolver(() => [ProtectiveOrder], { nullable: true })
  protectiveOrders(@Root() file: CaseFileRecord, @Ctx() ctx: ProceedingContext) {
    return ordersOf(file.proceeding.id, ctx);
  }

  @FieldResolver(() => [Evidence], { nullable: true })
  evidence(@Root() file: CaseFileRecord, @Ctx() ctx: ProceedingContext) {
    return evidenceOf(file.proceeding.id, ctx);
  }

  @FieldResolver(() => [LegalAssistanceRequest], { nullable: true })
  legalAssistanceRequests(@Root() file: CaseFileRecord, @Ctx() ctx: ProceedingContext) {
    return requestsOfProceeding(ctx, file.proceeding.id);
  }

  @FieldResolver(() => [JointInvestigationTeam], { nullable: true })
  jointInvestigationTeams(@Root() file: CaseFileRecord, @Ctx() ctx: ProceedingContext) {
    return teamsOfProceeding(ctx, file.proceeding.id);
  }

  @FieldResolver(() => [Witness], { nullable: true })
  witnesses(@Root() file: CaseFileRecord, @Ctx() ctx: ProceedingContext) {
    return witnessesOf(ctx, file.proceeding.id);
  }

  @FieldResolver(() => [DefenceAppointment], { nullable: true })
  defenceAppointments(@Root() file: CaseFileRecord, @Ctx() ctx: ProceedingContext) {
    return appointmentsOf(ctx, file.proceeding.id);
  }

  @FieldResolver(() => [Disclosure], { nullable: true })
  disclosures(@Root() file: CaseFileRecord, @Ctx() ctx: ProceedingContext) {
    return disclosuresOf(ctx, file.proceeding.id);
  }

  @FieldResolver(() => Date, { nullable: true })
  disclosureDueBy(@Root() file: CaseFileRecord): Date | null {
    return file.proceeding.disclosureDueBy ?? null;
  }

  /** The proceeding's translations the caller may know of, in the language asked for (all of them when none is). */
  @FieldResolver(() => [Translation], { nullable: true })
  async translations(@Root() file: CaseFileRecord, @Ctx() ctx: ProceedingContext) {
    const all = await translationsOfProceeding(ctx, file.proceeding.id);
    return file.language === null ? all : all.filter((t) => t.language === file.language);
  }

  @FieldResolver(() => [VictimReference], { nullable: true })
  victims(@Root() file: CaseFileRecord): VictimReference[] {
    return file.proceeding.victimIds.map((id) => ({ id }));
  }
}
