import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { connectionOf } from '../../../common/storage';
import { DeliveryEvidence } from './delivery';
import { AssistanceUrgency, LegalAssistanceKind, LegalAssistanceStatus } from './vocabulary';

@ObjectType({ description: 'One step of a request’s lifecycle (the drafting has no `from`)' })
export class LegalAssistanceTransition {
  @Field(() => LegalAssistanceStatus, { nullable: true })
  from!: LegalAssistanceStatus | null;

  @Field(() => LegalAssistanceStatus)
  to!: LegalAssistanceStatus;

  @Field({ description: 'Subject of whoever took the step' })
  by!: string;

  @Field()
  byJurisdiction!: string;

  @Field()
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Grounds of a refusal, reason of a postponement' })
  reason!: string | null;
}

@ObjectType({ description: 'The one extension of the recognition deadline (EIO Art. 12(5)), seen by both sides' })
export class DeadlineExtension {
  @Field()
  reason!: string;

  @Field()
  extendedAt!: Date;

  @Field({ description: 'Subject of whoever extended it' })
  by!: string;

  @Field({ description: 'The recognition deadline after the extension' })
  recognitionDue!: Date;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A request for mutual legal assistance from one jurisdiction to another (European Investigation Order)' })
export class LegalAssistanceRequest {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Human-readable, e.g. MLA-DE-AT-2026-7KQ2XD' })
  reference!: string | null;

  @Field(() => String, { nullable: true })
  requestingJurisdiction!: string | null;

  @Field(() => String, { nullable: true })
  executingJurisdiction!: string | null;

  // `proceeding` (a Proceeding) is declared by its field resolver (resolvers/request.ts): importing
  // the Proceeding type here would load ../types before ../orders, which import each other.

  @Field(() => LegalAssistanceKind, { nullable: true })
  kind!: LegalAssistanceKind | null;

  @Field(() => AssistanceUrgency, { nullable: true })
  urgency!: AssistanceUrgency | null;

  @Field(() => String, { nullable: true, description: 'What is asked for' })
  subject!: string | null;

  @Field(() => LegalAssistanceStatus, { nullable: true })
  status!: LegalAssistanceStatus | null;

  @Field(() => [LegalAssistanceTransition], { nullable: true, description: 'Every step, oldest first' })
  history!: LegalAssistanceTransition[] | null;

  @Field(() => [DeliveryEvidence], { nullable: true, description: 'Every hop between the jurisdictions, oldest first' })
  deliveryEvidence!: DeliveryEvidence[] | null;

  @Field(() => Date, { nullable: true, description: 'Recognition decision due (from receipt: 30 days, URGENT 7)' })
  recognitionDue!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Execution due (90 days from recognition or resumption)' })
  executionDue!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'RECEIVED past recognitionDue, RECOGNIZED past executionDue, or POSTPONED past postponedUntil' })
  overdue!: boolean | null;

  @Field(() => DeadlineExtension, { nullable: true })
  extension!: DeadlineExtension | null;

  @Field(() => String, { nullable: true })
  refusalGrounds!: string | null;

  @Field(() => Date, { nullable: true })
  postponedUntil!: Date | null;

  @Field(() => String, { nullable: true })
  executionSummary!: string | null;

  @Field(() => Date, { nullable: true })
  createdAt!: Date | null;
}

@ObjectType()
export class LegalAssistanceRequestConnection extends connectionOf('LegalAssistanceRequest', () => LegalAssistanceRequest, 'How many requests the whole list holds (exact)') {}
