import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { chainCheckAnswer, type ChainCheckAnswer } from '../../../common/chain';
import { Audited } from '../../../common/audited';
import { visibleOrNull } from '../../../common/access';
import type { Entity } from '../../../common/storage';
import { isRecordId, recordId } from '../../../common/validate';
import type { ProceedingContext, ProceedingRecord } from '../../models';
import { proceedingAccess } from '../../access';
import { Proceeding } from '../../schema/proceeding';
import { legalAssistanceAccess } from '../access';
import { deliveryChain, type LegalAssistanceRecord } from '../models';
import { draftRequest } from '../domain/drafting';
import { isOverdue, STEPS } from '../domain/lifecycle';
import { listRequests, requestsOfProceeding } from '../domain/lists';
import { extendDeadline, postponeRequest, recordExecution, refuseRequest, takeStep } from '../domain/steps';
import { DeliveryCheck, DeliveryEvidence } from '../schema/delivery';
import { DraftLegalAssistanceRequestInput } from '../schema/inputs';
import { LegalAssistanceRequest, LegalAssistanceRequestConnection } from '../schema/request';
import { AssistanceRole, LegalAssistanceStatus as S } from '../schema/vocabulary';

type RequestDoc = Entity<LegalAssistanceRecord>;

@Resolver(() => LegalAssistanceRequest)
export class LegalAssistanceResolver {
  @Query(() => LegalAssistanceRequest, { nullable: true, description: 'One request by id, for either side (the executing side once it was submitted); else null, as for an unknown id' })
  async legalAssistanceRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: ProceedingContext): Promise<RequestDoc | null> {
    return visibleOrNull(legalAssistanceAccess, ctx, await ctx.loaders.legalAssistanceRequest.load(recordId(id, 'id')));
  }

  @Query(() => LegalAssistanceRequestConnection, {
    description:
      "Requests of the caller's jurisdiction as the requesting side (in the order drafted), then as the executing side (in the order submitted), or the one `role`; with `status` or `overdue`, grouped by status, each in the order it was reached. Another jurisdiction's lists are empty.",
  })
  legalAssistanceRequests(
    @Ctx() ctx: ProceedingContext,
    @Arg('jurisdiction', () => String, { nullable: true }) jurisdiction?: string,
    @Arg('role', () => AssistanceRole, { nullable: true }) role?: AssistanceRole,
    @Arg('status', () => S, { nullable: true }) status?: S,
    @Arg('overdue', () => Boolean, { nullable: true }) overdue?: boolean,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listRequests(ctx, { jurisdiction, role, status, overdue, first, after });
  }

  @Query(() => DeliveryCheck, { description: 'Recomputes a request’s chain of delivery evidence and finds any edited, removed or reordered event (judges and prosecutors of either side)' })
  async verifyDelivery(@Arg('requestId', () => ID) requestId: string, @Ctx() ctx: ProceedingContext): Promise<ChainCheckAnswer> {
    const check = await ctx.models.delivery.verify(deliveryChain(recordId(requestId, 'requestId')));
    return chainCheckAnswer(check);
  }

  @Audited('LEGAL_ASSISTANCE_DRAFTED')
  @Mutation(() => LegalAssistanceRequest, { description: "Drafts a request in a proceeding of the caller's jurisdiction to another jurisdiction (prosecutor or judge); nothing travels yet" })
  draftLegalAssistanceRequest(@Arg('input', () => DraftLegalAssistanceRequestInput) input: DraftLegalAssistanceRequestInput, @Ctx() ctx: ProceedingContext) {
    return draftRequest(ctx, input);
  }

  @Audited(STEPS[S.SUBMITTED].action)
  @Mutation(() => LegalAssistanceRequest, { description: 'Submits a DRAFT to the executing jurisdiction (prosecutor or judge of the requesting one); refused while the proceeding is CLOSED' })
  submitLegalAssistanceRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: ProceedingContext) {
    return takeStep(ctx, id, S.SUBMITTED);
  }

  @Audited(STEPS[S.RECEIVED].action)
  @Mutation(() => LegalAssistanceRequest, { description: 'Acknowledges receipt of a SUBMITTED request (executing side); the recognition deadline starts' })
  acknowledgeReceipt(@Arg('id', () => ID) id: string, @Ctx() ctx: ProceedingContext) {
    return takeStep(ctx, id, S.RECEIVED);
  }

  @Audited(STEPS[S.RECOGNIZED].action)
  @Mutation(() => LegalAssistanceRequest, { description: 'Recognizes a RECEIVED request, or resumes a POSTPONED one (executing side); the execution deadline starts' })
  recognizeRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: ProceedingContext) {
    return takeStep(ctx, id, S.RECOGNIZED);
  }

  @Audited(STEPS[S.REFUSED].action)
  @Mutation(() => LegalAssistanceRequest, { description: 'Refuses a RECEIVED request, with grounds (executing side)' })
  refuseRequest(@Arg('id', () => ID) id: string, @Arg('grounds') grounds: string, @Ctx() ctx: ProceedingContext) {
    return refuseRequest(ctx, id, grounds);
  }

  @Audited(STEPS[S.POSTPONED].action)
  @Mutation(() => LegalAssistanceRequest, { description: 'Postpones the execution of a RECOGNIZED request until a date, with a reason (executing side; EIO Art. 15)' })
  postponeRequest(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Arg('until', () => String, { description: 'RFC 3339 date-time in the future' }) until: string, @Ctx() ctx: ProceedingContext) {
    return postponeRequest(ctx, id, reason, until);
  }

  @Audited(STEPS[S.EXECUTED].action)
  @Mutation(() => LegalAssistanceRequest, { description: 'Records the execution of a RECOGNIZED request, with a summary (executing side)' })
  recordExecution(@Arg('id', () => ID) id: string, @Arg('summary') summary: string, @Ctx() ctx: ProceedingContext) {
    return recordExecution(ctx, id, summary);
  }

  @Audited(STEPS[S.CLOSED].action)
  @Mutation(() => LegalAssistanceRequest, { description: 'Closes an EXECUTED or REFUSED request (requesting side)' })
  closeRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: ProceedingContext) {
    return takeStep(ctx, id, S.CLOSED);
  }

  @Audited('LEGAL_ASSISTANCE_DEADLINE_EXTENDED')
  @Mutation(() => LegalAssistanceRequest, { description: 'Extends the recognition deadline of a RECEIVED request by 30 days, once, with a reason (executing side; EIO Art. 12(5))' })
  extendDeadline(@Arg('id', () => ID) requestId: string, @Arg('reason') reason: string, @Ctx() ctx: ProceedingContext) {
    return extendDeadline(ctx, requestId, reason);
  }

  @FieldResolver(() => Proceeding, { nullable: true, description: 'The requesting side’s proceeding; null for the executing side' })
  async proceeding(@Root() r: RequestDoc, @Ctx() ctx: ProceedingContext) {
    // The proceeding's own visibility decides: the executing side gets null.
    return visibleOrNull(proceedingAccess, ctx, await ctx.loaders.proceeding.load(r.proceedingId));
  }

  @FieldResolver(() => Boolean, { nullable: true })
  overdue(@Root() r: RequestDoc, @Ctx() ctx: ProceedingContext): boolean {
    return isOverdue(r, ctx.now);
  }

  @FieldResolver(() => [DeliveryEvidence], { nullable: true })
  deliveryEvidence(@Root() r: RequestDoc, @Ctx() ctx: ProceedingContext) {
    return ctx.loaders.deliveryOf.load(r.id);
  }
}

export const legalAssistanceReference = {
  __resolveReference: (reference: { id: string }, ctx: ProceedingContext) => (isRecordId(reference.id) ? ctx.loaders.legalAssistanceRequest.load(reference.id) : null),
};

@Resolver(() => Proceeding)
export class ProceedingAssistanceResolver {
  @FieldResolver(() => [LegalAssistanceRequest], { nullable: true, description: 'The legal assistance requests made in this proceeding that the caller may know of, in the order drafted' })
  legalAssistanceRequests(@Root() proceeding: Entity<ProceedingRecord>, @Ctx() ctx: ProceedingContext): Promise<RequestDoc[]> {
    return requestsOfProceeding(ctx, proceeding.id);
  }
}
