import { Field, InputType, Int } from 'type-graphql';
import type { Purpose } from '../../../platform/purposes';
import { AgeGroup, DataCategoryEnum, Gender, PurposeEnum, Vulnerability } from './vocabulary';

@InputType()
export class RegisterVictimInput {
  @Field()
  legalName!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; leave out when unknown and give ageGroup' })
  dateOfBirth?: string;

  @Field(() => AgeGroup, { nullable: true, description: 'Estimated age group when the date of birth is unknown' })
  ageGroup?: AgeGroup;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  nationality!: string;

  @Field(() => Gender)
  gender!: Gender;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes' })
  languages?: string[];

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +4915112345678' })
  contactPhone?: string;

  @Field(() => String, { nullable: true })
  currentLocality?: string;

  @Field(() => [Vulnerability], { nullable: true })
  vulnerabilities?: Vulnerability[];

  @Field(() => String, { nullable: true })
  interpretationLanguage?: string;

  @Field(() => [String], { nullable: true })
  disabilityNeeds?: string[];

  @Field(() => Boolean, { nullable: true })
  nonPunishmentProtection?: boolean;
}

@InputType()
export class RecordScreeningInput {
  @Field(() => [String], { description: 'Codes of the ILO indicators observed (see Query.iloIndicators)' })
  observedIndicators!: string[];

  @Field()
  assessor!: string;

  @Field()
  formVersion!: string;

  @Field(() => String, { nullable: true, description: 'RFC 3339 date-time, e.g. 2030-01-31T12:00:00Z; defaults to now; not in the future' })
  screenedAt?: string;
}

@InputType()
export class StartRecoveryPeriodInput {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; defaults to today' })
  startsOn?: string;

  @Field(() => Int, { nullable: true, defaultValue: 30, description: 'At least 30 (CoE Convention Art. 13)' })
  days?: number;
}

@InputType()
export class GrantConsentInput {
  @Field(() => [DataCategoryEnum])
  categories!: DataCategoryEnum[];

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2' })
  granteeJurisdictions!: string[];

  @Field(() => [PurposeEnum], { description: 'What the shared data may be used for' })
  purposes!: Purpose[];

  @Field(() => String, { nullable: true, description: 'Free text, e.g. the proceedings it is for (at most 500 characters)' })
  note?: string;

  @Field(() => String, { nullable: true, description: 'RFC 3339 date-time, e.g. 2030-01-31T12:00:00Z; in the future' })
  expiresAt?: string;
}
