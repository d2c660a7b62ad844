import 'reflect-metadata';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionOf } from '../common/storage';
import { Gender } from '../common/vocabulary';
import { Accessibility, Escort, PlacementStatus, SecurityLevel, ShelterService } from './vocabulary';
import { entityStub, type EntityReference } from '../common/references';

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

/** A victim as this subgraph knows it: by id (the victims subgraph resolves the rest). */
export const VictimReference = entityStub('Victim');
export type VictimReference = EntityReference;

/** A hearing of the proceedings subgraph, by id: this subgraph adds its transport. */
export const HearingReference = entityStub('Hearing');
export type HearingReference = EntityReference;

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

@Directive('@key(fields: "id")')
@ObjectType({ description: "A victim's stay in a shelter: LOCATION data, read by the shelter's staff and the social workers of the shelter's or the victim's jurisdiction" })
export class Placement {
  @Field(() => ID)
  id!: string;

  @Field(() => Shelter, { nullable: true })
  shelter!: Shelter | null;

  @Field(() => VictimReference, { nullable: true })
  victim!: VictimReference | null;

  @Field(() => PlacementStatus, { nullable: true })
  status!: PlacementStatus | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  expectedUntil!: string | null;

  @Field(() => [ShelterService], { nullable: true })
  needs!: ShelterService[] | null;

  @Field(() => Date, { nullable: true })
  requestedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'While REQUESTED: when the request expires unless the shelter answers it (PLACEMENT_REQUEST_HOURS after requestedAt)' })
  requestExpiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the shelter's staff accepted it" })
  acceptedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "What the shelter's staff noted when accepting (e.g. when to arrive)" })
  acceptanceNote!: string | null;

  @Field(() => Date, { nullable: true, description: "When the shelter's staff confirmed the arrival" })
  confirmedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;

  @Field(() => String, { nullable: true })
  endReason!: string | null;

  @Field(() => ID, { nullable: true, description: 'The placement this one continues (a transfer)' })
  transferredFrom!: string | null;

  @Field(() => ID, { nullable: true, description: 'The placement that continues this one (a transfer)' })
  transferredTo!: string | null;
}

@ObjectType({ description: 'Safe transport of a victim to a hearing' })
export class Transport {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  hearingId!: string | null;

  @Field(() => VictimReference, { nullable: true })
  victim!: VictimReference | null;

  @Field(() => String, { nullable: true, description: 'LOCATION' })
  pickupLocation!: string | null;

  @Field(() => Escort, { nullable: true })
  escort!: Escort | null;

  @Field(() => Date, { nullable: true })
  departAt!: Date | null;

  @Field(() => Date, { nullable: true })
  arrangedAt!: Date | null;
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
