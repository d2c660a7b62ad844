import 'reflect-metadata';
import { Field, Float, InputType, Int } from 'type-graphql';
import { PractitionerRole } from './vocabulary';

/** What officers give when they register a practitioner and write to her training record. */

@InputType()
export class RegisterPractitionerInput {
  @Field()
  name!: string;

  @Field(() => PractitionerRole)
  role!: PractitionerRole;

  @Field()
  organization!: string;

  @Field({ description: 'CONTACT data' })
  email!: string;

  @Field({ description: 'The `sub` of the practitioner’s own tokens: with their issuer, her jurisdiction and profession, she reads her own record' })
  subject!: string;

  @Field(() => String, { nullable: true, description: 'The `iss` of those tokens (default: the registering officer’s issuer)' })
  subjectIssuer?: string | null;
}

@InputType()
export class CompletionInput {
  @Field({ description: 'YYYY-MM-DD, not in the future' })
  completedOn!: string;

  @Field(() => Int, { description: '0–100' })
  score!: number;

  @Field()
  assessor!: string;
}

@InputType()
export class ExchangeVisitInput {
  @Field()
  hostCourt!: string;

  @Field({ description: 'ISO 3166-1 alpha-2, another than the judge’s' })
  hostJurisdiction!: string;

  @Field({ description: 'YYYY-MM-DD' })
  from!: string;

  @Field({ description: 'YYYY-MM-DD, not before from, not in the future' })
  to!: string;

  @Field(() => Float, { description: 'Hours of trials observed, up to 10 a day' })
  hours!: number;
}
