import 'reflect-metadata';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

/**
 * A return home agreed by both sides (issue 27; CoE Convention Art. 16, the TRM guidelines):
 * the sending jurisdiction (the victim's) proposes, the destination assesses the risk and
 * arranges reception, then departure and arrival are recorded. Who may do what:
 * docs/returns.md; the rules: domain/returns.ts.
 */

export enum ReturnPlanStatus {
  PROPOSED = 'PROPOSED',
  ASSESSED = 'ASSESSED',
  AGREED = 'AGREED',
  DEPARTED = 'DEPARTED',
  ARRIVED = 'ARRIVED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ReturnPlanStatus, {
  name: 'ReturnPlanStatus',
  description: 'PROPOSED → ASSESSED (risk assessed by the destination) → AGREED (reception arranged) → DEPARTED → ARRIVED; CANCELLED by either side before departure',
});

export enum ReturnRiskLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  UNACCEPTABLE = 'UNACCEPTABLE',
}
registerEnumType(ReturnRiskLevel, { name: 'ReturnRiskLevel', description: 'No return is agreed with an UNACCEPTABLE risk; a HIGH one needs a stated mitigation' });

export enum ReturnRiskFactor {
  RETRAFFICKING = 'RETRAFFICKING',
  REPRISALS = 'REPRISALS',
  FAMILY_INVOLVEMENT = 'FAMILY_INVOLVEMENT',
  DEBT = 'DEBT',
  STIGMA = 'STIGMA',
  HEALTH_CARE_UNAVAILABLE = 'HEALTH_CARE_UNAVAILABLE',
}
registerEnumType(ReturnRiskFactor, { name: 'ReturnRiskFactor' });

@ObjectType({
  description:
    "A return of a victim to another jurisdiction. The sending side (the victim's jurisdiction) sees its status, never the reception arrangements; the destination reads what the victim shares with it",
})
export class ReturnPlan {
  @Field(() => ID)
  id!: string;

  @Field(() => ReturnPlanStatus, { nullable: true })
  status!: ReturnPlanStatus | null;

  @Field(() => String, { nullable: true, description: "The victim's jurisdiction, which proposed the return" })
  sendingJurisdiction!: string | null;

  @Field(() => String, { nullable: true, description: 'Where she returns to (ISO 3166-1 alpha-2)' })
  destinationJurisdiction!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Her recorded wish: she wants to return' })
  voluntary!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Her wish in her own words (required when the return is not voluntary)' })
  wishNote!: string | null;

  @Field(() => Date, { nullable: true })
  proposedAt!: Date | null;

  @Field(() => ReturnRiskLevel, { nullable: true, description: 'The latest risk assessment of the destination' })
  riskLevel!: ReturnRiskLevel | null;

  @Field(() => [ReturnRiskFactor], { nullable: true })
  riskFactors!: ReturnRiskFactor[] | null;

  @Field(() => String, { nullable: true })
  riskNotes!: string | null;

  @Field(() => Date, { nullable: true })
  assessedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'How a HIGH risk is mitigated (stated at agreement)' })
  mitigation!: string | null;

  @Field(() => String, { nullable: true, description: 'Who receives her: the organisation in the destination' })
  receivedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Where she stays the first nights' })
  receptionAddress!: string | null;

  @Field(() => [String], { nullable: true, description: 'The services lined up for her arrival' })
  services!: string[] | null;

  @Field(() => Date, { nullable: true })
  agreedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  departedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  arrivedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the return was cancelled' })
  cancelReason!: string | null;
}

@InputType()
export class ProposeReturnInput {
  @Field({ description: 'ISO 3166-1 alpha-2: where she returns to' })
  destinationJurisdiction!: string;

  @Field(() => Boolean, { description: 'Her recorded wish: she wants to return' })
  voluntary!: boolean;

  @Field(() => String, { nullable: true, description: 'Her wish in her own words; required when not voluntary (at most 2000 characters)' })
  wishNote?: string;
}

@InputType()
export class RiskAssessmentInput {
  @Field(() => ReturnRiskLevel)
  level!: ReturnRiskLevel;

  @Field(() => [ReturnRiskFactor], { nullable: true })
  factors?: ReturnRiskFactor[];

  @Field(() => String, { nullable: true, description: 'At most 2000 characters' })
  notes?: string;
}

@InputType()
export class AgreeReturnInput {
  @Field({ description: 'The organisation that receives her' })
  receivedBy!: string;

  @Field({ description: 'Where she stays the first nights' })
  receptionAddress!: string;

  @Field(() => [String], { description: 'The services lined up (at least one)' })
  services!: string[];

  @Field(() => String, { nullable: true, description: 'How a HIGH risk is mitigated: required when the assessed risk is HIGH' })
  mitigation?: string;
}
