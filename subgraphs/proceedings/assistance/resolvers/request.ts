import { chainCheckAnswer, type ChainCheckAnswer } from '../../../common/chain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../../common/audited';
import { badInput, notFound } from '../../../../platform/errors';
import { visibleOrNull } from '../../../common/access';
import type { Entity } from '../../../common/storage';
import { pageOf, type Segment } from '../../../common/storage';
import type { Change } from '../../../common/storage';
import { checkAll, countryCode, dateTime, isRecordId, newId, recordId, text } from '../../../common/validate';
import type { ProceedingContext, ProceedingRecord } from '../../models';
import { Proceeding, proceedingAccess, ProceedingStage } from '../../types';
import { CAN_BE_OVERDUE, deliveryOfStep, drafted, extension, isOverdue, refuseUnlessNext, rejectedSubmission, STEPS, transition, type StepDetails } from '../domain/lifecycle';
import { assistanceReference, deliveryChain, type LegalAssistanceRecord } from '../models';
import {
  AssistanceRole,
  DeliveryCheck,
  DeliveryEvidence,
  DraftLegalAssistanceRequestInput,
  legalAssistanceAccess,
  LegalAssistanceRequest,
  LegalAssistanceRequestConnection,
  LegalAssistanceStatus as S,
} from '../schema/request';

type RequestDoc = Entity<LegalAssistanceRecord>;
type Key = 'requesting' | 'requestingStatus' | 'executing' | 'executingStatus';

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === 11000;
}

/** Why the request's proceeding cannot carry a submission now, or null. */
async function closedProceeding(ctx: ProceedingContext, r: LegalAssistanceRecord): Promise<string | null> {
  // Read afresh, not from the request's loader: it may have been closed a moment ago.
  const proceeding = (await ctx.models.Proceeding.findById(r.proceedingId).lean()) as ProceedingRecord | null;
  if (!proceeding) return 'its proceeding does not exist';
  return proceeding.stage === ProceedingStage.CLOSED ? 'its proceeding is CLOSED' : null;
}

/**
 * One step of a request: refused before anything is logged when the status does not
 * allow it, then, audit-first, checked again and applied under the record's lock. The
 * record update and its delivery evidence are written under a second lock per request,
 * so the evidence of the steps lands in the order of the steps; evidence that cannot be
 * written puts the record back as it was (nothing half-written).
 */
async function takeStep(ctx: ProceedingContext, requestId: string, to: Exclude<S, S.DRAFT>, details: StepDetails = {}): Promise<RequestDoc> {
  const id = recordId(requestId, 'id');
  const { assistanceRequests: requests, delivery, assistanceDeadlines } = ctx.models;
  refuseUnlessNext((await ctx.loaders.legalAssistanceRequest.load(id))!, to); // the rule found it
  const step = STEPS[to];
  const by = { sub: ctx.caller!.sub, jurisdiction: ctx.caller!.jurisdiction };
  const chain = deliveryChain(id);
  return ctx.audit.change(step.action, 'LegalAssistanceRequest', id, step.fields, () =>
    requests.lists.exclusive(chain, async () => {
      const outcome: { refused: string | null; undo: Change<LegalAssistanceRecord> | null } = { refused: null, undo: null };
      const updated = await requests.update(id, async (r) => {
        refuseUnlessNext(r, to); // again under the lock: the other side may have moved it meanwhile
        outcome.refused = to === S.SUBMITTED ? await closedProceeding(ctx, r) : null;
        if (outcome.refused) return null;
        const change = transition(r, to, by, ctx.now, assistanceDeadlines, details);
        outcome.undo = Object.fromEntries(Object.keys(change).map((field) => [field, r[field as keyof LegalAssistanceRecord]]));
        return change;
      });
      if (!updated) throw notFound('LegalAssistanceRequest', requestId);
      if (outcome.refused) {
        // The request stays a DRAFT; the refusal is evidence like any hop.
        await delivery.append(chain, [rejectedSubmission(updated, ctx.now, outcome.refused)]);
        throw badInput('id', `request ${updated.reference} cannot be submitted: ${outcome.refused}`);
      }
      const hops = deliveryOfStep(updated, to, ctx.now);
      if (hops.length > 0) {
        try {
          await delivery.append(chain, hops);
        } catch (error) {
          await requests.update(id, outcome.undo!).catch((failure) => console.error(`legal assistance ${id}: step to ${to} not undone: ${(failure as Error).message}`));
          throw error;
        }
      }
      return updated;
    }),
  );
}

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
  async legalAssistanceRequests(
    @Ctx() ctx: ProceedingContext,
    @Arg('jurisdiction', () => String, { nullable: true }) jurisdiction?: string,
    @Arg('role', () => AssistanceRole, { nullable: true }) role?: AssistanceRole,
    @Arg('status', () => S, { nullable: true }) status?: S,
    @Arg('overdue', () => Boolean, { nullable: true }) overdue?: boolean,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const own = ctx.caller!.jurisdiction;
    const asked = jurisdiction != null ? countryCode(jurisdiction, 'jurisdiction') : own;
    const { assistanceRequests: records } = ctx.models;
    const segments: Array<Segment<LegalAssistanceRecord>> = [];
    const sides = asked !== own ? [] : role ? [role] : [AssistanceRole.REQUESTING, AssistanceRole.EXECUTING];
    for (const side of sides) {
      const [whole, byStatus]: [Key, Key] = side === AssistanceRole.REQUESTING ? ['requesting', 'requestingStatus'] : ['executing', 'executingStatus'];
      if (status == null && overdue == null) {
        segments.push({ records, list: records.list(whole, own) });
        continue;
      }
      for (const s of status != null ? [status] : Object.values(S)) {
        if (side === AssistanceRole.EXECUTING && s === S.DRAFT) continue; // a draft is in no executing list
        const canBeOverdue = CAN_BE_OVERDUE.includes(s);
        if (overdue === true && !canBeOverdue) continue;
        // Narrowed in memory only where a request can be overdue: those lists stay short (they move on).
        const where = overdue != null && canBeOverdue ? (r: RequestDoc) => isOverdue(r, ctx.now) === overdue : undefined;
        segments.push({ records, list: records.list(byStatus, `${own}:${s}`), where });
      }
    }
    const page = await pageOf(segments, { first, after });
    for (const { node } of page.edges) ctx.loaders.legalAssistanceRequest.prime(node.id, node);
    return page;
  }

  @Query(() => DeliveryCheck, { description: 'Recomputes a request’s chain of delivery evidence and finds any edited, removed or reordered event (judges and prosecutors of either side)' })
  async verifyDelivery(@Arg('requestId', () => ID) requestId: string, @Ctx() ctx: ProceedingContext): Promise<ChainCheckAnswer> {
    const check = await ctx.models.delivery.verify(deliveryChain(recordId(requestId, 'requestId')));
    return chainCheckAnswer(check);
  }

  @Audited('LEGAL_ASSISTANCE_DRAFTED')
  @Mutation(() => LegalAssistanceRequest, { description: "Drafts a request in a proceeding of the caller's jurisdiction to another jurisdiction (prosecutor or judge); nothing travels yet" })
  async draftLegalAssistanceRequest(@Arg('input', () => DraftLegalAssistanceRequestInput) input: DraftLegalAssistanceRequestInput, @Ctx() ctx: ProceedingContext) {
    const caller = ctx.caller!;
    // The whole input first, every wrong field in one answer; then whether the proceeding is the caller's.
    const { proceedingId, executing, subject } = await checkAll({
      proceedingId: () => recordId(input.proceedingId, 'input.proceedingId'),
      executing: () => {
        const code = countryCode(input.executingJurisdiction, 'input.executingJurisdiction');
        if (code === caller.jurisdiction) throw badInput('input.executingJurisdiction', `must be another jurisdiction than the requesting one (${caller.jurisdiction})`);
        return code;
      },
      subject: () => text(input.subject, 'input.subject', { max: 2000 }),
    });
    const proceeding = await ctx.loaders.proceeding.load(proceedingId);
    if (!proceeding || proceeding.jurisdiction !== caller.jurisdiction) throw badInput('input.proceedingId', `no proceeding of ${caller.jurisdiction} has this id`);
    const _id = newId();
    return ctx.audit.change('LEGAL_ASSISTANCE_DRAFTED', 'LegalAssistanceRequest', _id, ['reference', 'executingJurisdiction', 'proceeding', 'kind', 'urgency', 'subject'], async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await ctx.models.assistanceRequests.create(
            drafted(
              {
                _id,
                reference: assistanceReference(caller.jurisdiction, executing, ctx.now),
                requestingJurisdiction: caller.jurisdiction,
                executingJurisdiction: executing,
                proceedingId,
                kind: input.kind,
                urgency: input.urgency,
                subject,
              },
              caller.sub,
              ctx.now,
            ),
          );
        } catch (error) {
          // Another request drew the same reference (one in a billion a year per pair): draw again.
          if (!isDuplicateKey(error) || attempt === 3) throw error;
        }
      }
    });
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
  async refuseRequest(@Arg('id', () => ID) id: string, @Arg('grounds') grounds: string, @Ctx() ctx: ProceedingContext) {
    return takeStep(ctx, id, S.REFUSED, await checkAll({ reason: () => text(grounds, 'grounds', { max: 2000 }) }));
  }

  @Audited(STEPS[S.POSTPONED].action)
  @Mutation(() => LegalAssistanceRequest, { description: 'Postpones the execution of a RECOGNIZED request until a date, with a reason (executing side; EIO Art. 15)' })
  async postponeRequest(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Arg('until', () => String, { description: 'RFC 3339 date-time in the future' }) until: string, @Ctx() ctx: ProceedingContext) {
    const details = await checkAll({
      reason: () => text(reason, 'reason', { max: 2000 }),
      until: () => {
        const end = dateTime(until, 'until');
        if (end <= ctx.now) throw badInput('until', 'must be in the future');
        return end;
      },
    });
    return takeStep(ctx, id, S.POSTPONED, details);
  }

  @Audited(STEPS[S.EXECUTED].action)
  @Mutation(() => LegalAssistanceRequest, { description: 'Records the execution of a RECOGNIZED request, with a summary (executing side)' })
  async recordExecution(@Arg('id', () => ID) id: string, @Arg('summary') summary: string, @Ctx() ctx: ProceedingContext) {
    return takeStep(ctx, id, S.EXECUTED, await checkAll({ summary: () => text(summary, 'summary', { max: 5000 }) }));
  }

  @Audited(STEPS[S.CLOSED].action)
  @Mutation(() => LegalAssistanceRequest, { description: 'Closes an EXECUTED or REFUSED request (requesting side)' })
  closeRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: ProceedingContext) {
    return takeStep(ctx, id, S.CLOSED);
  }

  @Audited('LEGAL_ASSISTANCE_DEADLINE_EXTENDED')
  @Mutation(() => LegalAssistanceRequest, { description: 'Extends the recognition deadline of a RECEIVED request by 30 days, once, with a reason (executing side; EIO Art. 12(5))' })
  async extendDeadline(@Arg('id', () => ID) requestId: string, @Arg('reason') reason: string, @Ctx() ctx: ProceedingContext) {
    const id = recordId(requestId, 'id');
    const { given } = await checkAll({ given: () => text(reason, 'reason', { max: 2000 }) });
    const sub = ctx.caller!.sub;
    extension((await ctx.loaders.legalAssistanceRequest.load(id))!, sub, ctx.now, given); // refused before anything is logged
    return ctx.audit.change('LEGAL_ASSISTANCE_DEADLINE_EXTENDED', 'LegalAssistanceRequest', id, ['recognitionDue', 'extension'], async () => {
      const updated = await ctx.models.assistanceRequests.update(id, (r) => extension(r, sub, ctx.now, given));
      if (!updated) throw notFound('LegalAssistanceRequest', requestId);
      return updated;
    });
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
