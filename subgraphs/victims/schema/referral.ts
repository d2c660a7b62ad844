import 'reflect-metadata';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionOf } from '../../common/storage';
import { AgeGroup, Gender } from './vocabulary';
import { PossibleDuplicate, Victim } from './victim';

export enum ReferralStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(ReferralStatus, { name: 'ReferralStatus', description: 'SUBMITTED until a social worker of its jurisdiction accepts it into a registration or declines it' });

export enum ReferralUrgency {
  ROUTINE = 'ROUTINE',
  URGENT = 'URGENT',
  IMMEDIATE_DANGER = 'IMMEDIATE_DANGER',
}
registerEnumType(ReferralUrgency, { name: 'ReferralUrgency', description: 'How soon the person needs a social worker; IMMEDIATE_DANGER: now' });

/**
 * A referral of a presumed victim. Known only to the referring organisation (its status
 * and outcome) and to the social workers of its jurisdiction (also the person's data);
 * anyone else gets it as an unknown id (referralAccess, ../access.ts).
 */
@ObjectType({
  description:
    'A presumed victim referred by a partner system or the police, for a social worker of the jurisdiction to accept or decline. Once accepted, the name, alias, date of birth, locality, indicators, safe contact and note are cleared: the registration holds them',
})
export class Referral {
  @Field(() => ID)
  id!: string;

  @Field(() => ReferralStatus, { nullable: true })
  status!: ReferralStatus | null;

  @Field(() => ReferralUrgency, { nullable: true })
  urgency!: ReferralUrgency | null;

  @Field(() => String, { nullable: true, description: "The referring organisation (its token's org)" })
  sourceOrganisation!: string | null;

  @Field(() => String, { nullable: true, description: "The referring organisation's own reference for the case" })
  sourceReference!: string | null;

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was accepted or declined' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was declined (the referring organisation sees it)' })
  declineReason!: string | null;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  alias!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dateOfBirth!: string | null;

  @Field(() => AgeGroup, { nullable: true, description: 'Estimated, when the date of birth is unknown' })
  ageGroup!: AgeGroup | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2' })
  nationality!: string | null;

  @Field(() => Gender, { nullable: true })
  gender!: Gender | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639 codes' })
  languages!: string[] | null;

  @Field(() => String, { nullable: true, description: 'Where the person was found' })
  locality!: string | null;

  @Field(() => [String], { nullable: true, description: 'Codes of the ILO indicators observed (Query.iloIndicators)' })
  indicators!: string[] | null;

  @Field(() => String, { nullable: true, description: 'How to reach the person safely' })
  safeContact!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Victim, { nullable: true, description: 'The registration it was accepted into' })
  victim!: Victim | null;
}

@ObjectType()
export class ReferralConnection extends connectionOf('Referral', () => Referral, 'How many referrals the whole list holds, across all its pages (exact)') {}

@ObjectType()
export class AcceptReferralPayload {
  @Field(() => Referral)
  referral!: Referral;

  @Field(() => Victim, { description: 'The registration: new, or the existing one it was linked to' })
  victim!: Victim;

  @Field(() => [PossibleDuplicate], { description: 'Other records that may be the same person, as registerVictim reports them (none when linked)' })
  possibleDuplicates!: PossibleDuplicate[];
}

@InputType()
export class SubmitReferralInput {
  @Field(() => String, { nullable: true, description: 'The name the person gave; give it or an alias' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'A name the person is known by' })
  alias?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; leave out when unknown and give ageGroup' })
  dateOfBirth?: string;

  @Field(() => AgeGroup, { nullable: true, description: 'Estimated age group when the date of birth is unknown' })
  ageGroup?: AgeGroup;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  nationality!: string;

  @Field(() => Gender)
  gender!: Gender;

  @Field(() => [String], { nullable: true, description: 'ISO 639 codes' })
  languages?: string[];

  @Field(() => String, { nullable: true, description: 'Where the person was found' })
  locality?: string;

  @Field(() => [String], { nullable: true, description: 'Codes of the ILO indicators observed (Query.iloIndicators)' })
  indicators?: string[];

  @Field(() => ReferralUrgency)
  urgency!: ReferralUrgency;

  @Field(() => String, { nullable: true, description: 'How to reach the person safely (at most 500 characters)' })
  safeContact?: string;

  @Field(() => String, { nullable: true, description: 'At most 2000 characters' })
  note?: string;

  @Field(() => String, { nullable: true, description: "The referring organisation's own reference for the case" })
  sourceReference?: string;
}

@InputType()
export class AcceptReferralInput {
  @Field(() => ID, { nullable: true, description: 'Link to this registration of the jurisdiction (a duplicate) instead of registering again' })
  existingVictimId?: string;

  @Field(() => String, { nullable: true, description: "The person's legal name, when the referral gives none or only an alias" })
  legalName?: string;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +4915112345678' })
  contactPhone?: string;
}
