import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

/** The words of proceedings, evidence and protective orders, as the schema names them. */

export enum ProceedingKind {
  CRIMINAL = 'CRIMINAL',
  CIVIL = 'CIVIL',
  ASYLUM = 'ASYLUM',
  CUSTODY = 'CUSTODY',
  COMPENSATION = 'COMPENSATION',
}
registerEnumType(ProceedingKind, { name: 'ProceedingKind' });

/** In this order; a proceeding only moves forward. */
export enum ProceedingStage {
  INVESTIGATION = 'INVESTIGATION',
  PROSECUTION = 'PROSECUTION',
  TRIAL = 'TRIAL',
  APPEAL = 'APPEAL',
  CLOSED = 'CLOSED',
}
registerEnumType(ProceedingStage, { name: 'ProceedingStage', description: 'INVESTIGATION → PROSECUTION → TRIAL → APPEAL → CLOSED; forward only' });
export const STAGE_ORDER = Object.values(ProceedingStage);

export enum VictimAppearance {
  IN_PERSON = 'IN_PERSON',
  VIDEO_LINK = 'VIDEO_LINK',
  PRE_RECORDED = 'PRE_RECORDED',
  NOT_REQUIRED = 'NOT_REQUIRED',
}
registerEnumType(VictimAppearance, { name: 'VictimAppearance', description: 'How the victim takes part in a hearing (EU Victims’ Rights Directive, Art. 23)' });

export enum EvidenceKind {
  DIGITAL = 'DIGITAL',
  FINANCIAL = 'FINANCIAL',
  DOCUMENT = 'DOCUMENT',
  TESTIMONY = 'TESTIMONY',
  PHYSICAL = 'PHYSICAL',
}
registerEnumType(EvidenceKind, { name: 'EvidenceKind' });

export enum HandlingCode {
  H0 = 'H0',
  H1 = 'H1',
  H2 = 'H2',
  H3 = 'H3',
}
registerEnumType(HandlingCode, {
  name: 'HandlingCode',
  description: "EU handling codes: H0 crime prevention only; H1 not in judicial proceedings without the provider's permission; H2 not disseminated without it; H3 other restrictions",
});

export enum SourceReliability {
  A = 'A',
  B = 'B',
  C = 'C',
  X = 'X',
}
registerEnumType(SourceReliability, { name: 'SourceReliability', description: '4x4 evaluation: A reliable, B mostly reliable, C not reliable, X cannot be judged' });

export enum CustodyAction {
  COLLECTED = 'COLLECTED',
  TRANSFERRED = 'TRANSFERRED',
  ANALYZED = 'ANALYZED',
  SEALED = 'SEALED',
  PRESENTED = 'PRESENTED',
  RETURNED = 'RETURNED',
}
registerEnumType(CustodyAction, { name: 'CustodyAction' });

export enum ProtectiveOrderKind {
  NON_DISCLOSURE = 'NON_DISCLOSURE',
  PROTECTIVE_CUSTODY = 'PROTECTIVE_CUSTODY',
  NO_CONTACT = 'NO_CONTACT',
  WITNESS_ANONYMITY = 'WITNESS_ANONYMITY',
  INTERIM_CHILD_CUSTODY = 'INTERIM_CHILD_CUSTODY',
}
registerEnumType(ProtectiveOrderKind, { name: 'ProtectiveOrderKind' });

export enum Urgency {
  URGENT = 'URGENT',
  EXPEDITED = 'EXPEDITED',
  STANDARD = 'STANDARD',
}
registerEnumType(Urgency, { name: 'Urgency', description: 'How soon a decision is due: URGENT 24 h, EXPEDITED 72 h, STANDARD 30 days (configurable)' });

export enum ProtectiveOrderStatus {
  REQUESTED = 'REQUESTED',
  GRANTED = 'GRANTED',
  REFUSED = 'REFUSED',
}
registerEnumType(ProtectiveOrderStatus, { name: 'ProtectiveOrderStatus' });

export enum ProtectiveOrderDecision {
  GRANTED = 'GRANTED',
  REFUSED = 'REFUSED',
}
registerEnumType(ProtectiveOrderDecision, { name: 'ProtectiveOrderDecision' });
