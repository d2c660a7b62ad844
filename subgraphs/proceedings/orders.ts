import { Arg, Ctx, Directive, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { Audited } from '../common/audited';
import type { Role } from '../../platform/auth';
import { badInput, notFound } from '../../platform/errors';
import { ownJurisdiction, typeAccess, visibleOnly } from '../common/access';
import type { Entity } from '../common/storage';
import { connectionOf, sortedPageOf } from '../common/storage';
import { checkAll, countryCode, isRecordId, newId, recordId, text } from '../common/validate';
import type { DecisionTimes, ProceedingContext, ProtectiveOrderRecord } from './models';
import { linkedByTeam } from './teams/access';
import { VictimReference } from './types';

/**
 * Protective orders (EU Victims' Rights Directive Art. 18–22; European Protection Order):
 * requested by those who act for the victim, decided by a judge within a deadline set by
 * the urgency. An undecided order past its deadline is overdue.
 */

export enum ProtectiveOrderKind {
  NON_DISCLOSURE = 'NON_DISCLOSURE',
  PROTECTIVE_CUSTODY = 'PROTECTIVE_CUSTODY',
  NO_CONTACT = 'NO_CONTACT',
  WITNESS_ANONYMITY = 'WITNESS_ANONYMITY',
  INTERIM_CHILD_CUSTODY = 'INTERIM_CHILD_CUSTODY',
}
registerEnumType(ProtectiveOrderKind, { name: 'ProtectiveOrderKind' });

export enum Urgency {
  URGENT = 'URGENT',
  EXPEDITED = 'EXPEDITED',
  STANDARD = 'STANDARD',
}
registerEnumType(Urgency, { name: 'Urgency', description: 'How soon a decision is due: URGENT 24 h, EXPEDITED 72 h, STANDARD 30 days (configurable)' });

export enum ProtectiveOrderStatus {
  REQUESTED = 'REQUESTED',
  GRANTED = 'GRANTED',
  REFUSED = 'REFUSED',
}
registerEnumType(ProtectiveOrderStatus, { name: 'ProtectiveOrderStatus' });

export enum ProtectiveOrderDecision {
  GRANTED = 'GRANTED',
  REFUSED = 'REFUSED',
}
registerEnumType(ProtectiveOrderDecision, { name: 'ProtectiveOrderDecision' });

export function decisionDue(requestedAt: Date, urgency: Urgency, times: DecisionTimes): Date {
  const hours = urgency === Urgency.URGENT ? times.urgentHours : urgency === Urgency.EXPEDITED ? times.expeditedHours : times.standardDays * 24;
  return new Date(requestedAt.getTime() + hours * 3_600_000);
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A protective order requested in a proceeding' })
export class ProtectiveOrder {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  proceedingId!: string | null;

  @Field(() => ProtectiveOrderKind, { nullable: true })
  kind!: ProtectiveOrderKind | null;

  @Field(() => Urgency, { nullable: true })
  urgency!: Urgency | null;

  @Field(() => VictimReference, { nullable: true })
  protectedVictim!: VictimReference | null;

  @Field(() => String, { nullable: true })
  grounds!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the protected person is (LOCATION): judges, prosecutors and police of the jurisdiction only' })
  protectedPersonLocation!: string | null;

  @Field(() => ProtectiveOrderStatus, { nullable: true })
  status!: ProtectiveOrderStatus | null;

  @Field(() => Date, { nullable: true })
  requestedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  decisionDue!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Undecided past decisionDue' })
  overdue!: boolean | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Subject of the judge who decided' })
  decidedBy!: string | null;

  @Field(() => String, { nullable: true })
  reasons!: string | null;
}

const ORDER_ROLES: Role[] = ['judge', 'prosecutor', 'law_enforcement', 'social_worker', 'legal_aid_attorney'];

/** A joint investigation team opens an order to its members; where the protected person is stays with the jurisdiction. */
const byTeam = linkedByTeam<Entity<ProtectiveOrderRecord>>((o) => o.proceedingId);

/** Who reads an order: those who may request or decide it, in the proceeding's jurisdiction; the location only judges, prosecutors and police. */
export const protectiveOrderAccess = typeAccess<Entity<ProtectiveOrderRecord>>({
  typeName: 'ProtectiveOrder',
  noun: 'this protective order',
  id: (o) => o.id,
  jurisdiction: (o) => o.jurisdiction,
  visibleOn: [byTeam],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.protectiveOrder.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: {
    proceedingId: 'PROTECTIVE_ORDER',
    kind: 'PROTECTIVE_ORDER',
    urgency: 'PROTECTIVE_ORDER',
    protectedVictim: 'PROTECTIVE_ORDER',
    grounds: 'PROTECTIVE_ORDER',
    status: 'PROTECTIVE_ORDER',
    requestedAt: 'PROTECTIVE_ORDER',
    decisionDue: 'PROTECTIVE_ORDER',
    overdue: 'PROTECTIVE_ORDER',
    decidedAt: 'PROTECTIVE_ORDER',
    decidedBy: 'PROTECTIVE_ORDER',
    reasons: 'PROTECTIVE_ORDER',
    protectedPersonLocation: 'LOCATION',
  },
  rules: {
    PROTECTIVE_ORDER: { roles: ORDER_ROLES, bases: [ownJurisdiction((o) => o.jurisdiction), byTeam] },
    LOCATION: { roles: ['judge', 'prosecutor', 'law_enforcement'], bases: [ownJurisdiction((o) => o.jurisdiction)] },
  },
});

@ObjectType()
export class ProtectiveOrderConnection extends connectionOf('ProtectiveOrder', () => ProtectiveOrder) {}

@InputType()
export class RequestProtectiveOrderInput {
  @Field(() => ProtectiveOrderKind)
  kind!: ProtectiveOrderKind;

  @Field(() => Urgency)
  urgency!: Urgency;

  @Field(() => ID, { description: 'One of the proceeding’s victims' })
  protectedVictimId!: string;

  @Field()
  grounds!: string;

  @Field(() => String, { nullable: true })
  protectedPersonLocation?: string;
}

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
    const own = ctx.caller!.jurisdiction;
    const asked = jurisdiction != null ? countryCode(jurisdiction, 'jurisdiction') : own;
    const { protectiveOrders } = ctx.models;
    // Another jurisdiction's orders: none (it sees nothing of its proceedings).
    if (asked !== own) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: Promise.resolve(0) };
    return sortedPageOf({ records: protectiveOrders, list: protectiveOrders.list('pending', own) }, (o) => o.decisionDue.getTime(), { first, after });
  }

  @Audited('PROTECTIVE_ORDER_REQUESTED')
  @Mutation(() => ProtectiveOrder, { description: "Requests a protective order in a proceeding (prosecutor, police, social worker or legal aid attorney of its jurisdiction)" })
  async requestProtectiveOrder(
    @Arg('proceedingId', () => ID) proceedingId: string,
    @Arg('input', () => RequestProtectiveOrderInput) input: RequestProtectiveOrderInput,
    @Ctx() ctx: ProceedingContext,
  ) {
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

  @Audited('PROTECTIVE_ORDER_DECIDED')
  @Mutation(() => ProtectiveOrder, { description: 'Grants or refuses a protective order, with reasons (judges of its jurisdiction); once' })
  async decideProtectiveOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('decision', () => ProtectiveOrderDecision) decision: ProtectiveOrderDecision,
    @Arg('reasons') reasons: string,
    @Ctx() ctx: ProceedingContext,
  ) {
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

  @FieldResolver(() => Boolean, { nullable: true })
  overdue(@Root() order: OrderDoc, @Ctx() ctx: ProceedingContext): boolean {
    return order.status === ProtectiveOrderStatus.REQUESTED && ctx.now > order.decisionDue;
  }

  @FieldResolver(() => VictimReference, { nullable: true })
  protectedVictim(@Root() order: OrderDoc): VictimReference {
    return { id: order.protectedVictimId };
  }
}

export const protectiveOrderReference = {
  __resolveReference: (reference: { id: string }, ctx: ProceedingContext) => (isRecordId(reference.id) ? ctx.loaders.protectiveOrder.load(reference.id) : null),
};

/** Used by Proceeding.protectiveOrders. */
export async function ordersOf(proceedingId: string, ctx: ProceedingContext): Promise<OrderDoc[]> {
  return visibleOnly(protectiveOrderAccess, ctx, await ctx.loaders.ordersOfProceeding.load(proceedingId));
}
