import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import type { Entity } from '../../common/storage';
import { isRecordId } from '../../common/validate';
import { decideProtectiveOrder, isOverdue, pendingOrders, requestProtectiveOrder } from '../domain/order';
import type { ProceedingContext, ProtectiveOrderRecord } from '../models';
import { RequestProtectiveOrderInput } from '../schema/inputs';
import { ProtectiveOrder, ProtectiveOrderConnection } from '../schema/order';
import { VictimReference } from '../schema/proceeding';
import { ProtectiveOrderDecision } from '../schema/vocabulary';

type OrderDoc = Entity<ProtectiveOrderRecord>;

@Resolver(() => ProtectiveOrder)
export class ProtectiveOrderResolver {
  @Query(() => ProtectiveOrderConnection, { description: 'Undecided protective orders of the jurisdiction, the earliest decisionDue first' })
  async pendingProtectiveOrders(
    @Ctx() ctx: ProceedingContext,
    @Arg('jurisdiction', () => String, { nullable: true }) jurisdiction?: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return pendingOrders(ctx, { jurisdiction, first, after });
  }

  @Audited('PROTECTIVE_ORDER_REQUESTED')
  @Mutation(() => ProtectiveOrder, { description: "Requests a protective order in a proceeding (prosecutor, police, social worker or legal aid attorney of its jurisdiction)" })
  async requestProtectiveOrder(
    @Arg('proceedingId', () => ID) proceedingId: string,
    @Arg('input', () => RequestProtectiveOrderInput) input: RequestProtectiveOrderInput,
    @Ctx() ctx: ProceedingContext,
  ) {
    return requestProtectiveOrder(ctx, proceedingId, input);
  }

  @Audited('PROTECTIVE_ORDER_DECIDED')
  @Mutation(() => ProtectiveOrder, { description: 'Grants or refuses a protective order, with reasons (judges of its jurisdiction); once' })
  async decideProtectiveOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('decision', () => ProtectiveOrderDecision) decision: ProtectiveOrderDecision,
    @Arg('reasons') reasons: string,
    @Ctx() ctx: ProceedingContext,
  ) {
    return decideProtectiveOrder(ctx, orderId, decision, reasons);
  }

  @FieldResolver(() => Boolean, { nullable: true })
  overdue(@Root() order: OrderDoc, @Ctx() ctx: ProceedingContext): boolean {
    return isOverdue(order, ctx.now);
  }

  @FieldResolver(() => VictimReference, { nullable: true })
  protectedVictim(@Root() order: OrderDoc): VictimReference {
    return { id: order.protectedVictimId };
  }
}

export const protectiveOrderReference = {
  __resolveReference: (reference: { id: string }, ctx: ProceedingContext) => (isRecordId(reference.id) ? ctx.loaders.protectiveOrder.load(reference.id) : null),
};
