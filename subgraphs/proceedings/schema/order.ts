import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { connectionOf } from '../../common/storage';
import { VictimReference } from './proceeding';
import { ProtectiveOrderKind, ProtectiveOrderStatus, Urgency } from './vocabulary';

/**
 * Protective orders (EU Victims' Rights Directive Art. 18–22; European Protection Order):
 * requested by those who act for the victim, decided by a judge within a deadline set by
 * the urgency (domain/order.ts). Who reads which field: access.ts (protectiveOrderAccess).
 */
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

@ObjectType()
export class ProtectiveOrderConnection extends connectionOf('ProtectiveOrder', () => ProtectiveOrder) {}
