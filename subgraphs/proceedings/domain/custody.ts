import { badInput, conflict } from '../../../platform/errors';
import { chainCheckAnswer, type ChainCheckAnswer } from '../../common/chain';
import { checkAll, recordId, text } from '../../common/validate';
import { custodyChain, type EvidenceRecord, type ProceedingContext } from '../models';
import type { CustodyEventInput } from '../schema/inputs';
import { CustodyAction, HandlingCode } from '../schema/vocabulary';

/**
 * An item's chain of custody: every event is hash-chained onto the item's previous one
 * with the platform's chain code (common/chain.ts), so an edited, removed or reordered
 * event is found; custody passes only from whoever holds the item now.
 */

/** H1 items are not PRESENTED in court before `permitCourtUse` recorded the provider's permission. */
export function checkPresentable(item: Pick<EvidenceRecord, 'handlingCode' | 'courtUse'>, action: CustodyAction): CustodyAction {
  if (action === CustodyAction.PRESENTED && item.handlingCode === HandlingCode.H1 && !item.courtUse) {
    throw badInput('input.action', 'H1 evidence is not presented in court without the provider’s permission: record it first with permitCourtUse');
  }
  return action;
}

export async function recordCustodyEvent(ctx: ProceedingContext, evidenceId: string, input: CustodyEventInput) {
  const id = recordId(evidenceId, 'evidenceId');
  const item = (await ctx.loaders.evidence.load(id))!;
  const checked = await checkAll({
    action: () => checkPresentable(item, input.action),
    fromCustodian: () => text(input.fromCustodian, 'input.fromCustodian', { max: 200 }),
    toCustodian: () => text(input.toCustodian, 'input.toCustodian', { max: 200 }),
    note: () => (input.note != null ? text(input.note, 'input.note', { max: 1000 }) : null),
  });
  const entry = { ...checked, at: ctx.now, by: ctx.caller!.sub };
  return ctx.audit.change('CUSTODY_RECORDED', 'Evidence', id, ['custody'], async () => {
    let event: Awaited<ReturnType<typeof ctx.models.custody.append>>[number] | undefined;
    // Custody passes only from whoever holds the item now, checked and chained under the
    // item's lock: two hand-overs from one holder cannot both be recorded.
    await ctx.models.evidence.update(id, async (current) => {
      if (current.custodian !== entry.fromCustodian) {
        throw conflict('input.fromCustodian: custody passes only from whoever holds the item now (the last custody event); this item is not held by them', 'input.fromCustodian');
      }
      [event] = await ctx.models.custody.append(custodyChain(id), [entry]);
      return { custodian: entry.toCustodian };
    });
    return event!;
  });
}

/** Recomputes an item's chain and finds any edited, removed or reordered event. */
export async function verifyCustody(ctx: ProceedingContext, evidenceId: string): Promise<ChainCheckAnswer> {
  const check = await ctx.models.custody.verify(custodyChain(recordId(evidenceId, 'evidenceId')));
  return chainCheckAnswer(check);
}

/** An item's custody events, oldest first. */
export async function custodyOf(ctx: ProceedingContext, evidenceId: string) {
  const chain = custodyChain(evidenceId);
  return (await ctx.models.custody.log.readAll([chain])).get(chain);
}
