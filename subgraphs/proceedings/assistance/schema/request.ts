import 'reflect-metadata';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { basis, ownJurisdiction, typeAccess } from '../../../common/access';
import type { Entity } from '../../../common/storage';
import { connectionOf } from '../../../common/storage';
import { isRecordId } from '../../../common/validate';
import type { ProceedingContext } from '../../models';
import type { LegalAssistanceRecord } from '../models';
import { chainCheckAnswer, chainCheckType } from '../../../common/chain';

export enum LegalAssistanceKind {
  EVIDENCE_GATHERING = 'EVIDENCE_GATHERING',
  HEARING_BY_VIDEO = 'HEARING_BY_VIDEO',
  ASSET_FREEZE = 'ASSET_FREEZE',
  VICTIM_TESTIMONY = 'VICTIM_TESTIMONY',
  BANKING_INFORMATION = 'BANKING_INFORMATION',
  TRANSFER_OF_PROCEEDINGS = 'TRANSFER_OF_PROCEEDINGS',
}
registerEnumType(LegalAssistanceKind, { name: 'LegalAssistanceKind' });

/** Not the protective orders' `Urgency` (URGENT/EXPEDITED/STANDARD): the EIO knows two. */
export enum AssistanceUrgency {
  URGENT = 'URGENT',
  NORMAL = 'NORMAL',
}
registerEnumType(AssistanceUrgency, { name: 'AssistanceUrgency', description: 'URGENT: recognition due 7 days after receipt instead of 30 (configurable)' });

export enum LegalAssistanceStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RECEIVED = 'RECEIVED',
  RECOGNIZED = 'RECOGNIZED',
  REFUSED = 'REFUSED',
  POSTPONED = 'POSTPONED',
  EXECUTED = 'EXECUTED',
  CLOSED = 'CLOSED',
}
registerEnumType(LegalAssistanceStatus, {
  name: 'LegalAssistanceStatus',
  description: 'DRAFT → SUBMITTED → RECEIVED → RECOGNIZED | REFUSED; RECOGNIZED → EXECUTED | POSTPONED; POSTPONED → RECOGNIZED; EXECUTED | REFUSED → CLOSED',
});

export enum AssistanceRole {
  REQUESTING = 'REQUESTING',
  EXECUTING = 'EXECUTING',
}
registerEnumType(AssistanceRole, { name: 'AssistanceRole', description: 'Which side of a request a jurisdiction is on' });

export enum DeliveryEvent {
  SUBMISSION_ACCEPTED = 'SUBMISSION_ACCEPTED',
  SUBMISSION_REJECTED = 'SUBMISSION_REJECTED',
  DELIVERED = 'DELIVERED',
  RETRIEVED = 'RETRIEVED',
}
registerEnumType(DeliveryEvent, { name: 'DeliveryEvent', description: 'e-CODEX evidence of one hop between the jurisdictions' });

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

@ObjectType({ description: 'Evidence of one hop between the jurisdictions, hash-chained onto the request’s previous one' })
export class DeliveryEvidence {
  @Field(() => Int)
  sequence!: number;

  @Field(() => DeliveryEvent)
  event!: DeliveryEvent;

  @Field()
  at!: Date;

  @Field({ description: 'The jurisdiction that sent the message or, for RETRIEVED, retrieved it' })
  by!: string;

  @Field({
    description:
      'SHA-256 (hex) of the request at that point: the JSON {reference, requestingJurisdiction, executingJurisdiction, proceedingId, kind, urgency, subject, status} in that order, without spaces',
  })
  digest!: string;

  @Field(() => String, { nullable: true, description: 'Why a submission was rejected' })
  reason!: string | null;

  @Field()
  prevHash!: string;

  @Field()
  hash!: string;
}

export const DeliveryCheck = chainCheckType('DeliveryCheck');

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

  // `proceeding` (a Proceeding) is declared by its field resolver (resolvers.ts): importing
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

type RequestDoc = Entity<LegalAssistanceRecord>;

/** The executing side knows of a request from its submission on. */
export const executingSide = basis<RequestDoc>(
  'the executing side (once submitted)',
  'EXECUTING_SIDE',
  (ctx, r) => r.executingJurisdiction === ctx.caller!.jurisdiction && r.status !== LegalAssistanceStatus.DRAFT,
  { establishedBy: ['EXECUTING_SIDE', 'SUBMITTED'] },
);

/**
 * A request belongs to the requesting jurisdiction; the executing one sees all of it but
 * the proceeding (which stays the requesting side's), once submitted. Judges,
 * prosecutors and police of either side; nobody else reads anything of it.
 */
export const legalAssistanceAccess = typeAccess<RequestDoc>({
  typeName: 'LegalAssistanceRequest',
  noun: 'this legal assistance request',
  id: (r) => r.id,
  jurisdiction: (r) => r.requestingJurisdiction,
  visibleOn: [executingSide],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.legalAssistanceRequest.load(id))?.requestingJurisdiction ?? null) : null),
  open: ['id'],
  fields: Object.fromEntries(
    [
      'reference',
      'requestingJurisdiction',
      'executingJurisdiction',
      'proceeding',
      'kind',
      'urgency',
      'subject',
      'status',
      'history',
      'deliveryEvidence',
      'recognitionDue',
      'executionDue',
      'overdue',
      'extension',
      'refusalGrounds',
      'postponedUntil',
      'executionSummary',
      'createdAt',
    ].map((f) => [f, 'LEGAL_ASSISTANCE']),
  ),
  rules: {
    LEGAL_ASSISTANCE: { roles: ['judge', 'prosecutor', 'law_enforcement'], bases: [ownJurisdiction((r) => r.requestingJurisdiction), executingSide] },
  },
});

@ObjectType()
export class LegalAssistanceRequestConnection extends connectionOf('LegalAssistanceRequest', () => LegalAssistanceRequest, 'How many requests the whole list holds (exact)') {}

@InputType()
export class DraftLegalAssistanceRequestInput {
  @Field(() => ID, { description: "A proceeding of the caller's jurisdiction" })
  proceedingId!: string;

  @Field({ description: 'ISO 3166-1 alpha-2; not the requesting jurisdiction' })
  executingJurisdiction!: string;

  @Field(() => LegalAssistanceKind)
  kind!: LegalAssistanceKind;

  @Field(() => AssistanceUrgency)
  urgency!: AssistanceUrgency;

  @Field({ description: 'What is asked for, at most 2000 characters' })
  subject!: string;
}
