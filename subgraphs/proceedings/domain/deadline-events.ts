import { COUNTRY_CODES } from '../../../platform/countries';
import { emitOnce, type Outbox } from '../../common/outbox';
import { ClockScan } from '../../common/scheduler';
import type { JobContext } from '../../common/server';
import type { Entity } from '../../common/storage';
import { AssistanceUrgency, LegalAssistanceStatus } from '../assistance/schema/vocabulary';
import type { LegalAssistanceRecord } from '../assistance/models';
import type { ProceedingModels, ProtectiveOrderRecord } from '../models';
import { ProtectiveOrderStatus } from '../schema/vocabulary';

/**
 * Deadlines coming due, for partner systems (webhooks, decision 116): on the hub's clock,
 * every EVENT_SCAN_SECONDS, through the lists of open records only — undecided protective
 * orders (`pending`, by jurisdiction) and assistance requests awaiting recognition or
 * execution (`executingStatus`) — each event once per record (`emitOnce`).
 *
 * - `protective_order.due_soon` when a quarter of its decision period is left (6 hours of
 *   an URGENT order's 24), `protective_order.overdue` once `decisionDue` has passed;
 * - `assistance_request.due_soon` when 7 days are left (1 for an URGENT request) of the
 *   deadline of its status (recognition, then execution), `.overdue` once it passed.
 */

const DAY = 24 * 3600_000;
const OPEN_ASSISTANCE = [LegalAssistanceStatus.RECEIVED, LegalAssistanceStatus.RECOGNIZED];

export function orderDeadline(order: Pick<ProtectiveOrderRecord, 'status' | 'requestedAt' | 'decisionDue'>, now: Date): 'due_soon' | 'overdue' | null {
  if (order.status !== ProtectiveOrderStatus.REQUESTED) return null;
  const left = order.decisionDue.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= (order.decisionDue.getTime() - order.requestedAt.getTime()) / 4 ? 'due_soon' : null;
}

export function assistanceDeadline(r: Pick<LegalAssistanceRecord, 'status' | 'urgency' | 'recognitionDue' | 'executionDue'>, now: Date): { deadline: 'recognition' | 'execution'; state: 'due_soon' | 'overdue' } | null {
  const deadline = r.status === LegalAssistanceStatus.RECEIVED ? 'recognition' : r.status === LegalAssistanceStatus.RECOGNIZED ? 'execution' : null;
  const due = deadline === 'recognition' ? r.recognitionDue : deadline === 'execution' ? r.executionDue : null;
  if (!deadline || !due) return null;
  const left = due.getTime() - now.getTime();
  if (left < 0) return { deadline, state: 'overdue' };
  return left <= (r.urgency === AssistanceUrgency.URGENT ? 1 : 7) * DAY ? { deadline, state: 'due_soon' } : null;
}

async function scan(models: ProceedingModels, outbox: Outbox, now: Date): Promise<void> {
  const orders = (await models.protectiveOrders.loaderBy('pending').loadMany([...COUNTRY_CODES])).flatMap((list) => (list instanceof Error ? [] : list));
  for (const order of orders) {
    const state = orderDeadline(order, now);
    if (state) await emitOnce(outbox, `protective_order.${state}`, { ids: { protectiveOrderId: order.id, proceedingId: order.proceedingId }, jurisdictions: [order.jurisdiction] }, now);
  }
  const lists = COUNTRY_CODES.flatMap((j) => OPEN_ASSISTANCE.map((status) => `${j}:${status}`));
  const requests = (await models.assistanceRequests.loaderBy('executingStatus').loadMany(lists)).flatMap((list) => (list instanceof Error ? [] : list)) as Array<Entity<LegalAssistanceRecord>>;
  for (const request of requests) {
    const due = assistanceDeadline(request, now);
    // Once per deadline: a recognized request's execution deadline is a second one.
    if (due) await emitOnce(outbox, `assistance_request.${due.state}`, { ids: { legalAssistanceRequestId: request.id, deadline: due.deadline }, jurisdictions: [request.executingJurisdiction, request.requestingJurisdiction] }, now);
  }
}

export function deadlineEvents(context: JobContext<ProceedingModels>): ClockScan {
  return new ClockScan('deadlines', context.scanMs, context.clock, context.logger, (now) => scan(context.models, context.outbox, now));
}
