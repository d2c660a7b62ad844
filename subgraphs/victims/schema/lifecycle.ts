import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Vulnerability } from './vocabulary';

/**
 * On what a presumed victim was identified as a victim of trafficking: the decisions a
 * national referral mechanism (OSCE) recognises. The hub records which one it was; it does
 * not decide it.
 */
export enum IdentificationBasis {
  /** The competent authority's formal identification (e.g. a conclusive-grounds decision). */
  FORMAL_IDENTIFICATION_BY_AUTHORITY = 'FORMAL_IDENTIFICATION_BY_AUTHORITY',
  /** The multi-agency assessment of the referral mechanism (police, social services, NGOs). */
  MULTI_AGENCY_ASSESSMENT = 'MULTI_AGENCY_ASSESSMENT',
  /** The findings of a criminal investigation. */
  CRIMINAL_INVESTIGATION_FINDING = 'CRIMINAL_INVESTIGATION_FINDING',
  /** A court found the person to be a victim of trafficking. */
  COURT_FINDING = 'COURT_FINDING',
}
registerEnumType(IdentificationBasis, { name: 'IdentificationBasis', description: 'On what a presumed victim was identified (national referral mechanism)' });

@ObjectType({ description: 'How, when and by whom a presumed victim was identified' })
export class Identification {
  @Field(() => IdentificationBasis)
  basis!: IdentificationBasis;

  @Field(() => String, { nullable: true, description: 'Free text of the one who recorded it, e.g. the decision it rests on' })
  note!: string | null;

  @Field({ description: 'YYYY-MM-DD: the day of the identification' })
  identifiedOn!: string;

  @Field({ description: 'Subject of the token that recorded it' })
  identifiedBy!: string;

  @Field({ description: 'The role it acted in (law_enforcement, social_worker, prosecutor)' })
  identifiedByRole!: string;

  @Field()
  recordedAt!: Date;
}

@InputType({ description: 'What changes: only the fields given; null removes a phone or a locality' })
export class UpdateVictimInput {
  @Field(() => String, { nullable: true, description: 'E.164, e.g. +4915112345678; null removes it' })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the victim stays now; null removes it' })
  currentLocality?: string | null;

  @Field(() => [Vulnerability], { nullable: true, description: 'Replaces the list' })
  vulnerabilities?: Vulnerability[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639 codes; replaces the list' })
  languages?: string[] | null;
}

@InputType()
export class IdentifyVictimInput {
  @Field(() => IdentificationBasis)
  basis!: IdentificationBasis;

  @Field(() => String, { nullable: true, description: 'At most 500 characters' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; defaults to today; not in the future, not before the registration' })
  identifiedOn?: string | null;
}
