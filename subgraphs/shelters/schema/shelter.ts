import 'reflect-metadata';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionOf } from '../../common/storage';
import { Gender } from '../../common/vocabulary';
import { Accessibility, SecurityLevel, ShelterService } from './vocabulary';

@ObjectType({ description: 'Whom a shelter takes in' })
export class Accepts {
  @Field(() => [Gender])
  genders!: Gender[];

  @Field()
  unaccompaniedMinors!: boolean;

  @Field()
  families!: boolean;

  @Field(() => Int)
  maxStayDays!: number;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A shelter for survivors: live capacity, what it offers, whom it accepts; its address is confidential' })
export class Shelter {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  jurisdiction!: string;

  @Field()
  city!: string;

  @Field({ description: 'The organisation that runs it (its staff’s token `org`)' })
  operator!: string;

  @Field(() => Int)
  capacity!: number;

  @Field(() => Int, { description: 'Beds held by requested or confirmed placements, now' })
  occupancy!: number;

  @Field(() => Int)
  availableBeds!: number;

  @Field(() => [ShelterService])
  services!: ShelterService[];

  @Field(() => [Accessibility])
  accessibility!: Accessibility[];

  @Field(() => Accepts)
  accepts!: Accepts;

  @Field(() => [String], { description: 'ISO 639-1 codes' })
  languages!: string[];

  @Field(() => SecurityLevel)
  securityLevel!: SecurityLevel;

  @Field(() => String, { nullable: true, description: 'LOCATION: its staff, social workers and police of its jurisdiction (SECRET_LOCATION: staff and police only)' })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'CONTACT: as the address' })
  phone!: string | null;
}

@ObjectType({ description: 'A shelter with a free bed that accepts the person, and how well it meets the other needs' })
export class ShelterMatch {
  @Field(() => Shelter)
  shelter!: Shelter;

  @Field(() => [String], { description: 'Needs it meets, e.g. "service:MEDICAL", "language:uk", "accessibility:WHEELCHAIR", "securityLevel:HIGH"' })
  meets!: string[];

  @Field(() => [String], { description: 'Needs it does not meet, named the same way' })
  misses!: string[];
}

@ObjectType()
export class ShelterConnection extends connectionOf('Shelter', () => Shelter) {}
