import { badInput, notFound } from '../../../platform/errors';
import { visibleOnly } from '../../common/access';
import type { Entity } from '../../common/storage';
import { sortedPageOf } from '../../common/storage';
import { checkAll, countryCode, newId, recordId, text } from '../../common/validate';
import { protectiveOrderAccess } from '../access';
import type { DecisionTimes, ProceedingContext, ProtectiveOrderRecord } from '../models';
import type { RequestProtectiveOrderInput } from '../schema/inputs';
import { ProtectiveOrderStatus, Urgency, type ProtectiveOrderDecision } from '../schema/vocabulary';

/**
 * Protective orders (EU Victims' Rights Directive Art. 18–22; European Protection Order):
 * requested by those who act for the victim, decided by a judge within a deadline set by
 * the urgency. An undecided order past its deadline is overdue.
 */

type OrderDoc = Entity<ProtectiveOrderRecord>;

/** When a decision is due: URGENT and EXPEDITED in hours, STANDARD in days (PROTECTIVE_ORDER_* variables). */
export function decisionDue(requestedAt: Date, urgency: Urgency, times: DecisionTimes): Date {
  const hours = urgency === Urgency.URGENT ? times.urgentHours : urgency === Urgency.EXPEDITED ? times.expeditedHours : times.standardDays * 24;
  return new Date(requestedAt.getTime() + hours * 3_600_000);
}

/** Undecided past its deadline. */
export function isOverdue(order: Pick<ProtectiveOrderRecord, 'status' | 'decisionDue'>, now: Date): boolean {
  return order.status === ProtectiveOrderStatus.REQUESTED && now > order.decisionDue;
}

/** Undecided orders of the caller's jurisdiction, the earliest decisionDue first. */
export async function pendingOrders(ctx: ProceedingContext, args: { jurisdiction?: string; first?: number; after?: string }) {
  const own = ctx.caller!.jurisdiction;
  const asked = args.jurisdiction != null ? countryCode(args.jurisdiction, 'jurisdiction') : own;
  const { protectiveOrders } = ctx.models;
  // Another jurisdiction's orders: none (it sees nothing of its proceedings).
  if (asked !== own) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: Promise.resolve(0) };
  return sortedPageOf({ records: protectiveOrders, list: protectiveOrders.list('pending', own) }, (o) => o.decisionDue.getTime(), { first: args.first, after: args.after });
}

/** Requests an order for one of the proceeding's victims; its deadline follows from the urgency. */
export async function requestProtectiveOrder(ctx: ProceedingContext, proceedingId: string, input: RequestProtectiveOrderInput) {
  const proceeding = (await ctx.loaders.proceeding.load(recordId(proceedingId, 'proceedingId')))!; // the rule found it
  const { protectedVictimId, grounds, location } = await checkAll({
    protectedVictimId: () => {
      const victimId = recordId(input.protectedVictimId, 'input.protectedVictimId');
      if (!proceeding.victimIds.includes(victimId)) throw badInput('input.protectedVictimId', 'is not a victim of this proceeding');
      return victimId;
    },
    grounds: () => text(input.grounds, 'input.grounds', { max: 2000 }),
    location: () => (input.protectedPersonLocation != null ? text(input.protectedPersonLocation, 'input.protectedPersonLocation', { max: 300 }) : null),
  });
  const _id = newId();
  return ctx.audit.change('PROTECTIVE_ORDER_REQUESTED', 'ProtectiveOrder', _id, ['kind', 'urgency', 'grounds', 'protectedPersonLocation'], () =>
    ctx.models.protectiveOrders.create({
      _id,
      proceedingId: proceeding.id,
      jurisdiction: proceeding.jurisdiction,
      kind: input.kind,
      urgency: input.urgency,
      protectedVictimId,
      grounds,
      protectedPersonLocation: location,
      status: ProtectiveOrderStatus.REQUESTED,
      requestedAt: ctx.now,
      requestedBy: ctx.caller!.sub,
      decisionDue: decisionDue(ctx.now, input.urgency, ctx.models.decisionTimes),
      decidedAt: null,
      decidedBy: null,
      reasons: null,
    }),
  );
}

/** Grants or refuses an order, once: a decided order is refused, also when decided meanwhile (checked again under the lock). */
export async function decideProtectiveOrder(ctx: ProceedingContext, orderId: string, decision: ProtectiveOrderDecision, reasons: string) {
  const id = recordId(orderId, 'orderId');
  const { given } = await checkAll({ given: () => text(reasons, 'reasons', { max: 5000 }) });
  const decided = (o: { status: string; decidedAt: Date | null }) => badInput('orderId', `the order was decided already (${o.status} on ${o.decidedAt?.toISOString()})`);
  const current = (await ctx.loaders.protectiveOrder.load(id))!;
  if (current.status !== ProtectiveOrderStatus.REQUESTED) throw decided(current);
  return ctx.audit.change('PROTECTIVE_ORDER_DECIDED', 'ProtectiveOrder', id, ['status', 'reasons'], async () => {
    const updated = await ctx.models.protectiveOrders.update(id, (o) => {
      if (o.status !== ProtectiveOrderStatus.REQUESTED) throw decided(o);
      return { status: decision, decidedAt: ctx.now, decidedBy: ctx.caller!.sub, reasons: given };
    });
    if (!updated) throw notFound('ProtectiveOrder', orderId);
    return updated;
  });
}

/** Used by Proceeding.protectiveOrders. */
export async function ordersOf(proceedingId: string, ctx: ProceedingContext): Promise<OrderDoc[]> {
  return visibleOnly(protectiveOrderAccess, ctx, await ctx.loaders.ordersOfProceeding.load(proceedingId));
}
