import { PUBLIC, typeAccess } from '../../common/access';
import type { Entity } from '../../common/storage';
import { isRecordId } from '../../common/validate';
import type { ProceedingContext } from '../models';
import type { PrecedentRecord } from './models';

/** Every field of a precedent is public; `proceeding` (resolvers/precedent.ts) answers null to whoever may not see that proceeding. */
export const precedentAccess = typeAccess<Entity<PrecedentRecord>>({
  typeName: 'Precedent',
  noun: 'this precedent',
  id: (p) => p.id,
  jurisdiction: (p) => p.jurisdiction,
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.precedent.load(id))?.jurisdiction ?? null) : null),
  visibleOn: [],
  public: true,
  open: ['id'],
  fields: Object.fromEntries(
    [
      'ecli',
      'court',
      'courtType',
      'jurisdiction',
      'decidedOn',
      'legalSystem',
      'language',
      'keywords',
      'legalIssues',
      'summary',
      'significantFeatures',
      'outcome',
      'provisions',
      'victimProfile',
      'defendantProfile',
      'cites',
      'citedBy',
      'publishedAt',
      'updatedAt',
      'corrections',
      'withdrawn',
      'withdrawnReason',
      'proceeding',
      'translations',
    ].map((field) => [field, PUBLIC]),
  ),
  rules: {},
});
