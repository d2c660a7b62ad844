import 'reflect-metadata';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionOf } from '../../common/storage';

/**
 * The reintegration plan that follows a survivor home (issue 27): opened when her arrival
 * is recorded, owned by the destination. The rules: domain/reintegration.ts.
 */

export enum ReintegrationArea {
  HOUSING = 'HOUSING',
  EDUCATION = 'EDUCATION',
  VOCATIONAL_TRAINING = 'VOCATIONAL_TRAINING',
  EMPLOYMENT = 'EMPLOYMENT',
  HEALTH = 'HEALTH',
  MENTAL_HEALTH = 'MENTAL_HEALTH',
  LEGAL = 'LEGAL',
  FAMILY = 'FAMILY',
  FINANCIAL = 'FINANCIAL',
  COMMUNITY = 'COMMUNITY',
}
registerEnumType(ReintegrationArea, { name: 'ReintegrationArea' });

export enum ReintegrationGoalStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  MET = 'MET',
  NOT_MET = 'NOT_MET',
  DISCONTINUED = 'DISCONTINUED',
}
registerEnumType(ReintegrationGoalStatus, { name: 'ReintegrationGoalStatus' });

export enum ReintegrationStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(ReintegrationStatus, { name: 'ReintegrationStatus', description: 'OPEN from her arrival until closeReintegration' });

export enum ReintegrationOutcome {
  GOALS_MET = 'GOALS_MET',
  GOALS_PARTLY_MET = 'GOALS_PARTLY_MET',
  WITHDREW = 'WITHDREW',
  LOST_CONTACT = 'LOST_CONTACT',
  MOVED_AWAY = 'MOVED_AWAY',
}
registerEnumType(ReintegrationOutcome, { name: 'ReintegrationOutcome', description: 'How a reintegration plan ended' });

@ObjectType({ description: 'One goal of a reintegration plan' })
export class ReintegrationGoal {
  @Field(() => ID)
  id!: string;

  @Field(() => ReintegrationArea)
  area!: ReintegrationArea;

  @Field(() => String, { nullable: true, description: 'The target in her own words (null once erased)' })
  target!: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation that provides the service (null once erased)' })
  provider!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 639 code of the language the service is given in' })
  language!: string | null;

  @Field(() => String, { nullable: true, description: 'What the service must respect of her culture (null once erased)' })
  culturalNotes!: string | null;

  @Field(() => ReintegrationGoalStatus)
  status!: ReintegrationGoalStatus;
}

@ObjectType({ description: 'A review due 3, 6 or 12 months after her arrival' })
export class ReintegrationReview {
  @Field(() => Int, { description: '3, 6 or 12' })
  monthsAfterArrival!: number;

  @Field(() => Date)
  dueAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was held; null while outstanding' })
  reviewedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'What the review found (null once erased)' })
  note!: string | null;
}

@ObjectType({
  description:
    "A survivor's reintegration after her return, owned by the destination: goals, reviews at 3, 6 and 12 months after arrival, and how it ended. The sending side sees its status and review dates, never the goals",
})
export class ReintegrationPlan {
  @Field(() => ID)
  id!: string;

  @Field(() => ReintegrationStatus, { nullable: true })
  status!: ReintegrationStatus | null;

  @Field(() => String, { nullable: true, description: 'The destination, which owns the plan' })
  jurisdiction!: string | null;

  @Field(() => String, { nullable: true, description: "The victim's registering jurisdiction, which sent her home" })
  sendingJurisdiction!: string | null;

  @Field(() => Date, { nullable: true, description: 'Her arrival' })
  openedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'The earliest review not held yet; null when all three were held or the plan is closed' })
  nextReviewDue!: Date | null;

  @Field(() => [ReintegrationGoal], { nullable: true })
  goals!: ReintegrationGoal[] | null;

  @Field(() => [ReintegrationReview], { nullable: true })
  reviews!: ReintegrationReview[] | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => ReintegrationOutcome, { nullable: true })
  outcome!: ReintegrationOutcome | null;

  @Field(() => String, { nullable: true, description: 'Why it ended, in the words of the one who closed it (null once erased)' })
  closingNote!: string | null;
}

@ObjectType()
export class ReintegrationPlanConnection extends connectionOf('ReintegrationPlan', () => ReintegrationPlan, 'How many plans of the jurisdiction have a review overdue (exact)') {}

@InputType()
export class ReintegrationGoalInput {
  @Field(() => ReintegrationArea)
  area!: ReintegrationArea;

  @Field({ description: 'The target in her own words (at most 1000 characters)' })
  target!: string;

  @Field({ description: 'The organisation that provides the service' })
  provider!: string;

  @Field(() => String, { nullable: true, description: 'ISO 639 code of the language the service is given in' })
  language?: string;

  @Field(() => String, { nullable: true, description: 'At most 1000 characters' })
  culturalNotes?: string;
}

@InputType({ description: 'Only the fields given change' })
export class UpdateReintegrationGoalInput {
  @Field(() => ReintegrationGoalStatus, { nullable: true })
  status?: ReintegrationGoalStatus;

  @Field(() => String, { nullable: true })
  target?: string;

  @Field(() => String, { nullable: true })
  provider?: string;

  @Field(() => String, { nullable: true })
  language?: string;

  @Field(() => String, { nullable: true })
  culturalNotes?: string;
}

@InputType()
export class ReintegrationReviewInput {
  @Field({ description: 'What the review found (at most 2000 characters)' })
  note!: string;
}
