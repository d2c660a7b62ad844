import { registerEnumType } from 'type-graphql';

/** What can be translated, and where a translation stands. */

export enum TranslationSubjectType {
  EVIDENCE = 'EVIDENCE',
  PROCEEDING = 'PROCEEDING',
  PROTECTIVE_ORDER = 'PROTECTIVE_ORDER',
  PRECEDENT = 'PRECEDENT',
}
registerEnumType(TranslationSubjectType, {
  name: 'TranslationSubjectType',
  description:
    'The record whose text is translated (its original): EVIDENCE its description; PROCEEDING its charges, then its outcome; PROTECTIVE_ORDER its grounds, then the decision’s reasons; PRECEDENT its summary',
});

export enum TranslationStatus {
  REQUESTED = 'REQUESTED',
  ASSIGNED = 'ASSIGNED',
  DELIVERED = 'DELIVERED',
}
registerEnumType(TranslationStatus, {
  name: 'TranslationStatus',
  description: 'REQUESTED → ASSIGNED (to a translator with a VALID legal translation certificate; again to another while ASSIGNED) → DELIVERED (again with a revision)',
});
