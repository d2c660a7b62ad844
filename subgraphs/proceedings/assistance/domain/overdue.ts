import type { Period } from '../../../common/indicators';
import type { ProceedingContext } from '../../models';
import type { LegalAssistanceRecord } from '../models';
import { LegalAssistanceStatus as S } from '../schema/vocabulary';

/**
 * Requests overdue at the end of a period, for the regional indicator
 * MLA_REQUESTS_OVERDUE (../../domain/indicators.ts, docs/indicators.md): of the requests a
 * jurisdiction executes, those with a deadline falling in the period whose step was not
 * taken by the period's end (by now, for a period not over yet). Read through the lists of
 * the deadline's quarter (`executingDueIn`), never the collection. A request counts once
 * per period, in the period its deadline falls in: a backlog is not counted again each
 * quarter.
 *
 * - Recognition deadline (`recognitionDue`, set on receipt, once extended): met by the
 *   decision, RECOGNIZED or REFUSED.
 * - Execution deadline (`executionDue`, set on the last recognition): met by the next
 *   step, EXECUTED or POSTPONED (Art. 15 suspends it; resumption sets a new one).
 */
export async function overdueRequests(ctx: ProceedingContext, executing: string, period: Period, asOf: Date): Promise<number> {
  const { assistanceRequests: requests } = ctx.models;
  const entries = await requests.lists.readAll(period.quarters.map((quarter) => requests.list('executingDueIn', `${executing}/${quarter}`)));
  const records = new Map([...(await requests.members([...entries.values()].flat())).values()].map((r) => [r.id, r]));
  return [...records.values()].filter((r) => overdueAt(r, period, asOf)).length;
}

/** Whether a deadline of the request falls in the period, passed before `asOf`, and its step was not taken by then. */
export function overdueAt(r: Pick<LegalAssistanceRecord, 'recognitionDue' | 'executionDue' | 'history'>, period: Pick<Period, 'start' | 'end'>, asOf: Date): boolean {
  const missed = (due: Date | null, setBy: S) => {
    if (!due || due < period.start || due >= period.end || due >= asOf) return false;
    // The step that set the deadline (the last one, for a recognition after a resumption) and whatever came after it.
    const setAt = r.history.map((t) => t.to).lastIndexOf(setBy);
    return !r.history.slice(setAt + 1).some((t) => t.from === setBy && t.at <= asOf);
  };
  return missed(r.recognitionDue, S.RECEIVED) || missed(r.executionDue, S.RECOGNIZED);
}
