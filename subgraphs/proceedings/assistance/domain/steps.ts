import { badInput, notFound } from '../../../../platform/errors';
import type { Change, Entity } from '../../../common/storage';
import { checkAll, dateTime, recordId, text } from '../../../common/validate';
import type { ProceedingContext, ProceedingRecord } from '../../models';
import { ProceedingStage } from '../../schema/vocabulary';
import { deliveryChain, type LegalAssistanceRecord } from '../models';
import { LegalAssistanceStatus as S } from '../schema/vocabulary';
import { deliveryOfStep, extension, refuseUnlessNext, rejectedSubmission, STEPS, transition, type StepDetails } from './lifecycle';

/**
 * The steps of a request as the two sides take them: each checked, audited and written
 * with its delivery evidence (the rules themselves are domain/lifecycle.ts).
 */

type RequestDoc = Entity<LegalAssistanceRecord>;

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
export async function takeStep(ctx: ProceedingContext, requestId: string, to: Exclude<S, S.DRAFT>, details: StepDetails = {}): Promise<RequestDoc> {
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

/** Refuses a RECEIVED request, with grounds. */
export async function refuseRequest(ctx: ProceedingContext, id: string, grounds: string): Promise<RequestDoc> {
  return takeStep(ctx, id, S.REFUSED, await checkAll({ reason: () => text(grounds, 'grounds', { max: 2000 }) }));
}

/** Postpones the execution of a RECOGNIZED request until a date in the future, with a reason. */
export async function postponeRequest(ctx: ProceedingContext, id: string, reason: string, until: string): Promise<RequestDoc> {
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

/** Records the execution of a RECOGNIZED request, with a summary. */
export async function recordExecution(ctx: ProceedingContext, id: string, summary: string): Promise<RequestDoc> {
  return takeStep(ctx, id, S.EXECUTED, await checkAll({ summary: () => text(summary, 'summary', { max: 5000 }) }));
}

/** The one extension of the recognition deadline, refused before anything is logged when it does not apply. */
export async function extendDeadline(ctx: ProceedingContext, requestId: string, reason: string): Promise<RequestDoc> {
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
