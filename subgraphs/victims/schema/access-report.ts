import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One access to a victim’s data, in plain language: who by role, organisation and jurisdiction (never by name), when, what, and why' })
export class AccessReportEntry {
  @Field()
  at!: Date;

  @Field()
  role!: string;

  @Field()
  organization!: string;

  @Field()
  jurisdiction!: string;

  @Field(() => String, { nullable: true, description: 'The purpose stated' })
  purpose!: string | null;

  @Field({ description: 'READ, REGISTER, CONSENT_GRANTED, …' })
  action!: string;

  @Field(() => [String], { description: 'Data categories released (CASE, IDENTITY, CONTACT, HEALTH, LOCATION, TESTIMONY, CONSENT_RECORDS)' })
  categoriesRead!: string[];

  @Field(() => [String], { description: 'Data categories asked for and refused' })
  categoriesRefused!: string[];

  @Field({ description: 'The entry as one sentence a survivor can read' })
  text!: string;
}

@ObjectType({ description: 'Who accessed a victim’s data in a period (GDPR Art. 15, Directive 2016/680 Art. 14), to hand to the survivor' })
export class AccessReport {
  @Field(() => ID)
  victimId!: string;

  @Field()
  caseReference!: string;

  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field()
  generatedAt!: Date;

  @Field(() => [AccessReportEntry], { description: 'Oldest first' })
  entries!: AccessReportEntry[];
}
