import 'reflect-metadata';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  AccommodationKind,
  AssignmentStatus,
  GapReason,
  HandoffStatus,
  InterpretationOccasion,
  InterpretationStatus,
  LegalMatter,
  ProviderKind,
  TransferCategory,
} from './vocabulary';
import { entityStub, type EntityReference } from '../common/references';

/** A victim as this subgraph knows it: by id (the victims subgraph resolves the rest). */
export const VictimReference = entityStub('Victim');
export type VictimReference = EntityReference;

/** A proceeding of the proceedings subgraph, by id (it decides what the caller sees of it). */
export const ProceedingReference = entityStub('Proceeding', { resolvable: false });
export type ProceedingReference = EntityReference;

@ObjectType({ description: 'An organisation that gives legal aid' })
export class LegalAidProvider {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  jurisdiction!: string;

  @Field(() => ProviderKind)
  kind!: ProviderKind;
}

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

@ObjectType({ description: "The victim's consent to be represented, as the attorney recorded it" })
export class RepresentationConsent {
  @Field({ description: 'YYYY-MM-DD' })
  givenOn!: string;

  @Field({ description: 'ISO 639-1: the language it was explained in' })
  language!: string;

  @Field()
  interpreterUsed!: boolean;
}

@ObjectType()
export class Interpretation {
  @Field(() => ID)
  id!: string;

  @Field()
  language!: string;

  @Field(() => InterpretationOccasion)
  occasion!: InterpretationOccasion;

  @Field()
  at!: Date;

  @Field(() => InterpretationStatus)
  status!: InterpretationStatus;

  @Field(() => String, { nullable: true })
  interpreter!: string | null;
}

@ObjectType()
export class Accommodation {
  @Field(() => ID)
  id!: string;

  @Field(() => AccommodationKind)
  kind!: AccommodationKind;

  @Field()
  details!: string;

  @Field()
  requestedAt!: Date;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "A victim's representation by an attorney in one jurisdiction and matter" })
export class LegalAidAssignment {
  @Field(() => ID)
  id!: string;

  @Field(() => VictimReference, { nullable: true })
  victim!: VictimReference | null;

  @Field(() => String, { nullable: true })
  jurisdiction!: string | null;

  @Field(() => LegalMatter, { nullable: true })
  matter!: LegalMatter | null;

  @Field(() => ID, { nullable: true })
  proceedingId!: string | null;

  @Field(() => AssignmentStatus, { nullable: true })
  status!: AssignmentStatus | null;

  @Field(() => RepresentationConsent, { nullable: true })
  representationConsent!: RepresentationConsent | null;

  @Field(() => [Interpretation], { nullable: true })
  interpretations!: Interpretation[] | null;

  @Field(() => [Accommodation], { nullable: true })
  accommodations!: Accommodation[] | null;

  @Field(() => Date, { nullable: true })
  openedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true })
  closingReason!: string | null;
}

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

@ObjectType({ description: 'A time the victim needed a lawyer and had none active' })
export class LegalAidGap {
  @Field()
  from!: Date;

  @Field(() => Date, { nullable: true, description: 'Null: still open' })
  to!: Date | null;

  @Field(() => GapReason)
  reason!: GapReason;

  @Field(() => ProceedingReference, { nullable: true })
  proceeding!: ProceedingReference | null;
}

@ObjectType({ description: "A victim's legal aid, across jurisdictions, as far as the caller may see it" })
export class VictimLegalAid {
  @Field(() => [LegalAidAssignment], { description: 'Offered or active now' })
  current!: LegalAidAssignment[];

  @Field(() => [LegalAidAssignment], { description: 'Handed off or closed, oldest first' })
  history!: LegalAidAssignment[];

  @Field(() => [LegalAidGap], {
    nullable: true,
    description: "Periods with an open proceeding of the victim's (as the caller may see it), or a repatriation now, and no ACTIVE assignment",
  })
  gaps!: LegalAidGap[] | null;
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

@InputType()
export class AssignLegalAidInput {
  @Field(() => ID)
  attorneyId!: string;

  @Field(() => LegalMatter)
  matter!: LegalMatter;

  @Field(() => ID, { nullable: true, description: 'A proceeding of that jurisdiction the caller may see' })
  proceedingId?: string | null;

  @Field({ description: "ISO 3166-1 alpha-2: the caller's own" })
  jurisdiction!: string;
}

@InputType()
export class RepresentationConsentInput {
  @Field({ description: 'YYYY-MM-DD, not in the future' })
  givenOn!: string;

  @Field({ description: 'ISO 639-1' })
  language!: string;

  @Field()
  interpreterUsed!: boolean;
}

@InputType()
export class HandOffInput {
  @Field(() => ID)
  toAttorneyId!: string;

  @Field()
  toJurisdiction!: string;

  @Field({ description: "Notes for the receiving attorney (the two attorneys only)" })
  reason!: string;

  @Field(() => [TransferCategory])
  transferCategories!: TransferCategory[];
}

@InputType()
export class InterpretationInput {
  @Field({ description: 'ISO 639-1' })
  language!: string;

  @Field(() => InterpretationOccasion)
  occasion!: InterpretationOccasion;

  @Field({ description: 'RFC 3339 date-time, in the future' })
  at!: string;
}

@InputType()
export class AccommodationInput {
  @Field(() => AccommodationKind)
  kind!: AccommodationKind;

  @Field()
  details!: string;
}
