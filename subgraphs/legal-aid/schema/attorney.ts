import 'reflect-metadata';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LegalAidProvider } from './provider';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An attorney of the legal aid directory (every authenticated caller reads it)' })
export class Attorney {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  name!: string;

  @Field({ nullable: true })
  barNumber!: string;

  @Field(() => [String], { nullable: true, description: 'Where the attorney practises (ISO 3166-1 alpha-2)' })
  jurisdictions!: string[];

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes' })
  languages!: string[];

  @Field(() => LegalAidProvider, { nullable: true })
  provider!: LegalAidProvider;

  @Field(() => ID, { description: "The attorney's practitioner id: the token subject, and the training subgraph's practitioner" })
  practitionerId!: string;

  @Field({ nullable: true })
  acceptingCases!: boolean;

  @Field({ nullable: true, description: 'False once deactivated: no new assignments or handoffs, not matched; her open assignments stay hers' })
  active!: boolean;

  @Field(() => Int, { nullable: true, description: 'Assignments offered or active now: the load' })
  activeAssignments!: number;
}

@ObjectType({ description: 'An attorney accepting cases, and which of the wanted things it meets' })
export class AttorneyMatch {
  @Field(() => Attorney)
  attorney!: Attorney;

  @Field(() => [String], { description: 'e.g. "language:uk", "jurisdiction:DE"' })
  meets!: string[];

  @Field(() => Int)
  activeAssignments!: number;
}
