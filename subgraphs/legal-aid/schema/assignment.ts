import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { VictimReference } from './references';
import { AccommodationKind, AssignmentStatus, InterpretationOccasion, InterpretationStatus, LegalMatter } from './vocabulary';

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
