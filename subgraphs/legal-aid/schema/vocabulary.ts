import { registerEnumType } from 'type-graphql';

export enum ProviderKind {
  NGO = 'NGO',
  BAR_ASSOCIATION = 'BAR_ASSOCIATION',
  PUBLIC_DEFENDER = 'PUBLIC_DEFENDER',
  LAW_CLINIC = 'LAW_CLINIC',
}
registerEnumType(ProviderKind, { name: 'ProviderKind' });

export enum LegalMatter {
  CRIMINAL_PROCEEDING = 'CRIMINAL_PROCEEDING',
  ASYLUM = 'ASYLUM',
  COMPENSATION = 'COMPENSATION',
  CUSTODY = 'CUSTODY',
  REPATRIATION = 'REPATRIATION',
  NON_PUNISHMENT_DEFENCE = 'NON_PUNISHMENT_DEFENCE',
}
registerEnumType(LegalMatter, { name: 'LegalMatter' });

export enum AssignmentStatus {
  OFFERED = 'OFFERED',
  ACTIVE = 'ACTIVE',
  HANDED_OFF = 'HANDED_OFF',
  CLOSED = 'CLOSED',
}
registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  description: 'OFFERED (assigned; ACTIVE once the victim consents to the representation) → HANDED_OFF (to another attorney, who took over) | CLOSED',
});
export const OPEN_STATUSES: string[] = [AssignmentStatus.OFFERED, AssignmentStatus.ACTIVE];

export enum HandoffStatus {
  OFFERED = 'OFFERED',
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
}
registerEnumType(HandoffStatus, { name: 'HandoffStatus' });

/** What a handoff may pass on of the victim's data: the categories of the victims subgraph, LOCATION excepted. */
export enum TransferCategory {
  CASE = 'CASE',
  IDENTITY = 'IDENTITY',
  CONTACT = 'CONTACT',
  HEALTH = 'HEALTH',
  TESTIMONY = 'TESTIMONY',
}
registerEnumType(TransferCategory, { name: 'TransferCategory' });

export enum InterpretationOccasion {
  HEARING = 'HEARING',
  INTERVIEW = 'INTERVIEW',
  CONSULTATION = 'CONSULTATION',
}
registerEnumType(InterpretationOccasion, { name: 'InterpretationOccasion' });

export enum InterpretationStatus {
  REQUESTED = 'REQUESTED',
  ASSIGNED = 'ASSIGNED',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(InterpretationStatus, { name: 'InterpretationStatus' });

export enum AccommodationKind {
  DISABILITY = 'DISABILITY',
  GENDER_SPECIFIC = 'GENDER_SPECIFIC',
  CHILD_FRIENDLY = 'CHILD_FRIENDLY',
  TRAUMA_INFORMED = 'TRAUMA_INFORMED',
}
registerEnumType(AccommodationKind, { name: 'AccommodationKind' });

export enum GapReason {
  ACTIVE_PROCEEDING = 'ACTIVE_PROCEEDING',
  REPATRIATION = 'REPATRIATION',
}
registerEnumType(GapReason, { name: 'GapReason', description: 'Why the victim needed a lawyer then' });
