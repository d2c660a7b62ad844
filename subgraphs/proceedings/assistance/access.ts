import { basis, ownJurisdiction, typeAccess } from '../../common/access';
import type { Entity } from '../../common/storage';
import { isRecordId } from '../../common/validate';
import type { ProceedingContext } from '../models';
import type { LegalAssistanceRecord } from './models';
import { LegalAssistanceStatus } from './schema/vocabulary';
// Loaded with the access declaration, as when both were one file: the subgraph's printed
// schema (schema/proceedings.graphql) lists types in the order they are first loaded.
import './schema/request';

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
