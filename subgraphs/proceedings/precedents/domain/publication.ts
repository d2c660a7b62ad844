import { badInput, notFound } from '../../../../platform/errors';
import { emitEvent } from '../../../common/outbox';
import { newId, recordId } from '../../../common/validate';
import type { ProceedingContext } from '../../models';
import { indexedPrecedent, precedentByEcli, type PrecedentRecord } from '../models';
import type { CorrectPrecedentInput, PublishPrecedentInput } from '../schema/inputs';
import { checkCorrection, checkPublication, checkWithdrawal } from './checks';
import { profilesOf } from './publishing';

/**
 * Publishing, correcting and withdrawing a precedent: checked first (domain/checks.ts),
 * then written through the audit trail, the search index and the record, in that order.
 */

/**
 * The index is written first and the record second: a search shows a precedent only
 * once both are there, and when the record cannot be written the index is put back.
 */
async function indexThenWrite<T>(ctx: ProceedingContext, id: string, next: PrecedentRecord | null, previous: PrecedentRecord | null, write: () => Promise<T>): Promise<T> {
  const index = ctx.models.precedentIndex;
  const apply = (state: PrecedentRecord | null) => (state && !state.withdrawn ? index.put(id, indexedPrecedent(state)) : index.remove(id));
  await apply(next);
  try {
    return await write();
  } catch (error) {
    await apply(previous).catch((failure) => console.error(`precedents: index of ${id} could not be put back: ${(failure as Error).message}`));
    throw error;
  }
}

/** A decision of a CLOSED proceeding published as a precedent, its parties' profiles derived from the proceeding. */
export async function publishPrecedent(ctx: ProceedingContext, proceedingId: string, input: PublishPrecedentInput) {
  const proceeding = (await ctx.loaders.proceeding.load(recordId(proceedingId, 'proceedingId')))!;
  const { id, decidedOn, cites, ...given } = await checkPublication(ctx, proceeding, input);
  const record: PrecedentRecord = {
    _id: newId(),
    ecli: id.value,
    court: given.court,
    courtType: input.courtType,
    jurisdiction: proceeding.jurisdiction,
    decidedOn,
    legalSystem: input.legalSystem,
    language: given.language,
    keywords: given.keywords,
    legalIssues: given.legalIssues,
    summary: given.summary,
    significantFeatures: given.significantFeatures,
    outcome: given.outcome,
    provisions: given.provisions,
    ...(await profilesOf(proceeding, ctx)),
    cites,
    proceedingId: proceeding.id,
    publishedAt: ctx.now,
    publishedBy: ctx.caller!.sub,
    corrections: [],
    withdrawn: false,
    withdrawnReason: null,
    lastChange: 'PUBLISHED',
    updatedAt: ctx.now,
  };
  const event = { ids: { precedentId: record._id, ecli: record.ecli }, jurisdictions: [record.jurisdiction] };
  return ctx.audit.change('PRECEDENT_PUBLISHED', 'Precedent', record._id, ['summary', 'significantFeatures', 'outcome'], () =>
    emitEvent(ctx, 'precedent.published', event, () =>
      indexThenWrite(ctx, record._id, record, null, async () => {
        try {
          return await ctx.models.precedents.create(record);
        } catch (error) {
          if ((error as { code?: number }).code === 11000) throw badInput('input.ecli', `${id.value} is published already (correctPrecedent changes it)`);
          throw error;
        }
      }),
    ),
  );
}

/** A correction of a published precedent, its reason kept with it; fields left out stay. */
export async function correctPrecedent(ctx: ProceedingContext, ecli: string, input: CorrectPrecedentInput) {
  const current = (await precedentByEcli(ctx, ecli))!;
  const { reason, change } = await checkCorrection(ctx, current, input);
  const fields = Object.keys(change);
  const correction = { correctedAt: ctx.now, reason, fields };
  const next = { ...current, ...change, corrections: [...current.corrections, correction], lastChange: 'CORRECTED' as const, updatedAt: ctx.now };
  return ctx.audit.change('PRECEDENT_CORRECTED', 'Precedent', current.id, fields, () =>
    indexThenWrite(ctx, current.id, next, current, async () => {
      const updated = await ctx.models.precedents.update(current.id, (now) => {
        if (now.withdrawn) throw badInput('ecli', `${now.ecli} was withdrawn; it cannot be corrected`);
        return { ...change, corrections: [...now.corrections, correction], lastChange: 'CORRECTED', updatedAt: ctx.now };
      });
      if (!updated) throw notFound('Precedent', ecli);
      return updated;
    }),
  );
}

/** A withdrawal: out of the search index; its ECLI and the change feed say it was withdrawn and why. */
export async function withdrawPrecedent(ctx: ProceedingContext, ecli: string, reason: string, names: string[] | undefined) {
  const current = (await precedentByEcli(ctx, ecli))!;
  const why = await checkWithdrawal(ctx, current, reason, names);
  return ctx.audit.change('PRECEDENT_WITHDRAWN', 'Precedent', current.id, ['withdrawn', 'withdrawnReason'], () =>
    indexThenWrite(ctx, current.id, null, current, async () => {
      const updated = await ctx.models.precedents.update(current.id, (now) => {
        if (now.withdrawn) throw badInput('ecli', `${now.ecli} was withdrawn already`);
        return { withdrawn: true, withdrawnReason: why, lastChange: 'WITHDRAWN', updatedAt: ctx.now };
      });
      if (!updated) throw notFound('Precedent', ecli);
      return updated;
    }),
  );
}
