import 'reflect-metadata';
import { Field, ID, ObjectType } from 'type-graphql';
import { Attorney } from './attorney';
import { HandoffStatus, TransferCategory } from './vocabulary';

@ObjectType({ description: 'A file handed from one attorney to another, often across a border' })
export class Handoff {
  @Field(() => ID)
  id!: string;

  @Field(() => Attorney, { nullable: true, description: 'The attorney who offers the file' })
  fromAttorney!: Attorney | null;

  @Field(() => String, { nullable: true })
  fromJurisdiction!: string | null;

  @Field(() => String, { nullable: true })
  toJurisdiction!: string | null;

  @Field(() => [TransferCategory], { nullable: true, description: "The categories of the victim's data the file carries" })
  transferCategories!: TransferCategory[] | null;

  @Field(() => HandoffStatus, { nullable: true })
  status!: HandoffStatus | null;

  @Field(() => String, { nullable: true, description: 'The handing attorney’s notes (the two attorneys only)' })
  reason!: string | null;

  @Field(() => String, { nullable: true })
  refusalReason!: string | null;

  @Field(() => Date, { nullable: true })
  offeredAt!: Date | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}
