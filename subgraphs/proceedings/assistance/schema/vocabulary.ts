import { registerEnumType } from 'type-graphql';

/** The words of a legal assistance request: what is asked, how urgently, where it stands, which side, which hop. */

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
