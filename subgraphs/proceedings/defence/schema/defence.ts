import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Evidence } from '../../schema/evidence';
import { Proceeding } from '../../schema/proceeding';

/**
 * The defence (decision 111): counsel appointed for a defendant, the evidence disclosed to
 * that defendant, and the judges' orders that let a restricted item be disclosed. Who
 * reads which field: ../access.ts.
 */

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Counsel appointed by a judge for one defendant of a proceeding; she reads it for the defence while the appointment is active' })
export class DefenceAppointment {
  @Field(() => ID)
  id!: string;

  @Field(() => Proceeding, { nullable: true })
  proceeding!: Proceeding | null;

  @Field(() => ID, { nullable: true })
  proceedingId!: string | null;

  @Field(() => String, { nullable: true, description: "The defendant's alias in the proceeding" })
  defendant!: string | null;

  @Field(() => String, { nullable: true, description: "The counsel's token subject" })
  counselSubject!: string | null;

  @Field(() => String, { nullable: true, description: "The counsel's organisation (the token's org)" })
  counselOrganisation!: string | null;

  @Field(() => Date, { nullable: true })
  appointedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Subject of the judge who appointed her' })
  appointedBy!: string | null;

  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;

  @Field(() => String, { nullable: true })
  endReason!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Not ended' })
  active!: boolean | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "A judge's order that a restricted (H2 or H3) item of evidence may be disclosed to the defence" })
export class DisclosureOrder {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  evidenceId!: string | null;

  @Field(() => String, { nullable: true, description: 'The judge’s reasons (judges and prosecutors of the jurisdiction)' })
  reasons!: string | null;

  @Field(() => Date, { nullable: true })
  orderedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Subject of the judge who ordered it' })
  orderedBy!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An item of evidence disclosed by the prosecution to one defendant; that defendant’s counsel reads the item' })
export class Disclosure {
  @Field(() => ID)
  id!: string;

  @Field(() => Evidence, { nullable: true })
  evidence!: Evidence | null;

  @Field(() => String, { nullable: true, description: "The defendant's alias" })
  defendant!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Date, { nullable: true })
  disclosedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Subject of the prosecutor who disclosed it' })
  disclosedBy!: string | null;

  @Field(() => DisclosureOrder, { nullable: true, description: "The judge's order it rests on (an H2 or H3 item); null for an item that needs none" })
  order!: DisclosureOrder | null;
}
