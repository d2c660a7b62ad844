import 'reflect-metadata';
import { Field, InputType, Int } from 'type-graphql';
import { Gender } from '../../common/vocabulary';
import { Accessibility, Escort, SecurityLevel, ShelterService } from './vocabulary';

@InputType({ description: 'What the person needs; jurisdiction, gender, minor and family decide whether a shelter takes them in, the rest ranks' })
export class ShelterNeedsInput {
  @Field(() => String, { nullable: true, description: 'Where the bed is wanted (ISO 3166-1 alpha-2); every jurisdiction when left out' })
  jurisdiction?: string | null;

  @Field(() => Gender, { nullable: true })
  gender?: Gender | null;

  @Field({ defaultValue: false, description: 'An unaccompanied minor' })
  minor!: boolean;

  @Field({ defaultValue: false, description: 'With family members' })
  family!: boolean;

  @Field(() => [Accessibility], { defaultValue: [] })
  accessibility!: Accessibility[];

  @Field(() => [String], { defaultValue: [], description: 'ISO 639-1 codes; one the shelter speaks is enough' })
  languages!: string[];

  @Field(() => [ShelterService], { defaultValue: [] })
  services!: ShelterService[];

  @Field(() => SecurityLevel, { nullable: true, description: 'At least this level' })
  securityLevel?: SecurityLevel | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: from when; a stay is matched against the shelter’s maxStayDays with expectedUntil' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  until?: string | null;
}

@InputType()
export class PlacementInput {
  @Field({ description: 'YYYY-MM-DD' })
  from!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, after from, within the shelter’s maxStayDays' })
  expectedUntil?: string | null;

  @Field(() => [ShelterService], { defaultValue: [], description: 'What the victim needs there' })
  needs!: ShelterService[];
}

@InputType({ description: 'A shelter of the registrar’s jurisdiction and the organisation that runs it' })
export class RegisterShelterInput {
  @Field()
  name!: string;

  @Field({ description: 'The organisation that runs it: its staff are the shelter_staff tokens of its jurisdiction with this `org`' })
  operator!: string;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2; the registrar's own (the default) and no other" })
  jurisdiction?: string | null;

  @Field()
  city!: string;

  @Field(() => Int)
  capacity!: number;

  @Field(() => [ShelterService], { defaultValue: [] })
  services!: ShelterService[];

  @Field(() => [Accessibility], { defaultValue: [] })
  accessibility!: Accessibility[];

  @Field(() => [Gender])
  acceptsGenders!: Gender[];

  @Field({ defaultValue: false })
  acceptsUnaccompaniedMinors!: boolean;

  @Field({ defaultValue: false })
  acceptsFamilies!: boolean;

  @Field(() => Int)
  maxStayDays!: number;

  @Field(() => [String], { description: 'ISO 639-1 codes' })
  languages!: string[];

  @Field(() => SecurityLevel)
  securityLevel!: SecurityLevel;

  @Field()
  address!: string;

  @Field()
  phone!: string;
}

@InputType()
export class TransportInput {
  @Field({ description: 'Where to pick the victim up (LOCATION)' })
  pickupLocation!: string;

  @Field(() => Escort)
  escort!: Escort;

  @Field({ description: 'RFC 3339 date-time, in the future' })
  departAt!: string;
}
