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

@Resolver(() => CaseFile)
export class CaseFileResolver {
  @Query(() => CaseFile, {
    description:
      "The whole case for the court (judges, prosecutors, police of the proceeding's jurisdiction and members of a team linking it): each part as the caller may see it; an unknown proceeding and one the caller may not see answer the same NOT_FOUND",
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

  @FieldResolver(() => [VictimReference], { nullable: true })
  victims(@Root() file: CaseFileRecord): VictimReference[] {
    return file.proceeding.victimIds.map((id) => ({ id }));
  }
}
