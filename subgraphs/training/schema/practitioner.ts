import 'reflect-metadata';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { connectionOf } from '../../common/storage';
import { Competency, PractitionerRole } from './vocabulary';

/** Practitioners and their training record (completions, exchange visits). */

@ObjectType({ description: 'A module completed (or failed) by a practitioner' })
export class Completion {
  @Field(() => ID)
  id!: string;

  @Field()
  programCode!: string;

  @Field()
  moduleCode!: string;

  @Field(() => Competency)
  competency!: Competency;

  @Field(() => Float)
  hours!: number;

  @Field({ description: 'YYYY-MM-DD' })
  completedOn!: string;

  @Field(() => Int)
  score!: number;

  @Field({ description: "At least the program's passing score" })
  passed!: boolean;

  @Field()
  assessor!: string;

  @Field(() => Date)
  recordedAt!: Date;
}

@ObjectType({ description: 'A judge observing trials in a sister jurisdiction (counts towards CPD hours)' })
export class ExchangeVisit {
  @Field(() => ID)
  id!: string;

  @Field()
  hostCourt!: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  hostJurisdiction!: string;

  @Field({ description: 'YYYY-MM-DD' })
  from!: string;

  @Field({ description: 'YYYY-MM-DD' })
  to!: string;

  @Field(() => Float)
  hours!: number;

  @Field(() => Date)
  recordedAt!: Date;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A judge, prosecutor, police officer, social worker, attorney, interpreter or shelter worker whose training is recorded' })
export class Practitioner {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => PractitionerRole)
  role!: PractitionerRole;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  jurisdiction!: string;

  @Field()
  organization!: string;

  @Field(() => String, { nullable: true, description: 'CONTACT: accreditation officers of the practitioner’s region, and the practitioner' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'ACCOUNT: the `sub` of her own tokens (as email)' })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: 'ACCOUNT: the `iss` of her own tokens (as email)' })
  subjectIssuer!: string | null;
}

@ObjectType()
export class PractitionerConnection extends connectionOf('Practitioner', () => Practitioner) {}
