import 'reflect-metadata';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Gender } from '../../common/vocabulary';
import { CustodyAction, EvidenceKind, HandlingCode, ProceedingKind, ProtectiveOrderKind, SourceReliability, Urgency, VictimAppearance } from './vocabulary';

/** What the mutations take; checked in domain/ (each wrong field named in one answer). */

@InputType()
export class DefendantInput {
  @Field({ description: 'A pseudonym; never a real name' })
  alias!: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  nationality!: string;

  @Field(() => Gender)
  gender!: Gender;
}

@InputType()
export class OpenProceedingInput {
  @Field({ description: "The court's own case number, unique in the jurisdiction" })
  caseNumber!: string;

  @Field()
  court!: string;

  @Field(() => ProceedingKind)
  kind!: ProceedingKind;

  @Field(() => [String])
  charges!: string[];

  @Field(() => [DefendantInput], { defaultValue: [] })
  defendants!: DefendantInput[];

  @Field(() => [ID], { description: "Victims of the caller's jurisdiction, by id (1 to 50)" })
  victimIds!: string[];
}

@InputType()
export class ScheduleHearingInput {
  @Field({ description: 'RFC 3339 date-time, e.g. 2030-01-31T09:00:00Z; in the future' })
  scheduledAt!: string;

  @Field()
  court!: string;

  @Field(() => VictimAppearance)
  victimAppearance!: VictimAppearance;

  @Field({ defaultValue: false })
  safeTransportNeeded!: boolean;
}

@InputType()
export class RegisterEvidenceInput {
  @Field(() => EvidenceKind)
  kind!: EvidenceKind;

  @Field()
  description!: string;

  @Field({ description: 'SHA-256 of the content, 64 hexadecimal characters' })
  contentHash!: string;

  @Field(() => HandlingCode)
  handlingCode!: HandlingCode;

  @Field(() => String, { nullable: true })
  handlingConditions?: string;

  @Field(() => SourceReliability)
  sourceReliability!: SourceReliability;

  @Field(() => Int, { description: '1 to 4' })
  informationAccuracy!: number;
}

@InputType()
export class CustodyEventInput {
  @Field(() => CustodyAction)
  action!: CustodyAction;

  @Field()
  fromCustodian!: string;

  @Field()
  toCustodian!: string;

  @Field(() => String, { nullable: true })
  note?: string;
}

@InputType()
export class RequestProtectiveOrderInput {
  @Field(() => ProtectiveOrderKind)
  kind!: ProtectiveOrderKind;

  @Field(() => Urgency)
  urgency!: Urgency;

  @Field(() => ID, { description: 'One of the proceeding’s victims' })
  protectedVictimId!: string;

  @Field()
  grounds!: string;

  @Field(() => String, { nullable: true })
  protectedPersonLocation?: string;
}
