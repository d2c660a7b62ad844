import 'reflect-metadata';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LegalAidProvider } from './provider';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An attorney of the legal aid directory (every authenticated caller reads it)' })
export class Attorney {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  barNumber!: string;

  @Field(() => [String], { description: 'Where the attorney practises (ISO 3166-1 alpha-2)' })
  jurisdictions!: string[];

  @Field(() => [String], { description: 'ISO 639-1 codes' })
  languages!: string[];

  @Field(() => LegalAidProvider)
  provider!: LegalAidProvider;

  @Field(() => ID, { description: "The attorney's practitioner id: the token subject, and the training subgraph's practitioner" })
  practitionerId!: string;

  @Field()
  acceptingCases!: boolean;

  @Field({ description: 'False once deactivated: no new assignments or handoffs, not matched; her open assignments stay hers' })
  active!: boolean;

  @Field(() => Int, { description: 'Assignments offered or active now: the load' })
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
