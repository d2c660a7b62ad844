import { ROLES, type Role } from '../../../platform/auth';
import { basis, establishedBy, forRoles, ownJurisdiction, typeAccess } from '../../common/access';
import type { Entity } from '../../common/storage';
import { isRecordId } from '../../common/validate';
import type { ProceedingContext } from '../models';
import type { TranslationRecord } from './models';
import { originalOf } from './domain/original';
// Loaded with the access declaration: the subgraph's printed schema lists types in the order they are first loaded.
import './schema/translation';

type TranslationDoc = Entity<TranslationRecord>;

/** The roles that read anything of a proceeding's records (those the subject rules give its fields to). */
const COURT_ROLES: Role[] = ['judge', 'prosecutor', 'law_enforcement'];

/**
 * A translation is known to whoever may know of its original (the subject's own
 * visibility: a joint investigation team's members, every caller for a precedent), as
 * well as in its own jurisdiction.
 */
export const originalVisible = basis<TranslationDoc>(
  'the original is visible to the caller (its own rule)',
  'ORIGINAL',
  async (ctx, t) => (await originalOf(ctx as ProceedingContext, t.subjectType, t.subjectId))?.visible(ctx) ?? false,
  { establishedBy: ['ORIGINAL_VISIBLE'] },
);

/**
 * The translated text follows the original's access rules: the caller must be allowed, by
 * the subject's own declaration and on its own bases, every field the original is made of
 * (domain/original.ts) — the evidence's description, the proceeding's charges and
 * outcome, the order's grounds and reasons, the precedent's summary (public). The access
 * tests establish it per role (`ORIGINAL_READABLE:<role>`), as the subject's rules say.
 */
export const originalReadable = basis<TranslationDoc>(
  'the caller may read the original (its own rule)',
  'ORIGINAL',
  async (ctx, t) => (await originalOf(ctx as ProceedingContext, t.subjectType, t.subjectId))?.readable(ctx) ?? false,
  { establishedBy: ['ORIGINAL_READABLE:{role}'], phrase: () => 'by whoever may read the original it translates' },
);

/**
 * Appointed defence counsel is asked only bases that name her role (decision 111), and knows
 * of an original only by her appointment (the access matrix establishes it so): she
 * knows of a translation whose original she may know of (her proceeding, its orders, the
 * evidence disclosed to her defendant) and reads its text where she may read the original.
 */
const COUNSEL: Role[] = ['defence_counsel'];
const visibleToCounsel = forRoles(COUNSEL, establishedBy(['APPOINTED', 'ORIGINAL_VISIBLE'], originalVisible));
const readableByCounsel = forRoles(COUNSEL, establishedBy(['APPOINTED', 'ORIGINAL_READABLE:{role}'], originalReadable));

/**
 * Who reads a translation: what it is, its status and translator, the judges, prosecutors
 * and police who may know of its original, and appointed counsel who may; its text (and
 * the hash of the original it translates) whoever may read the original, in any role,
 * since a precedent's is public.
 */
export const translationAccess = typeAccess<TranslationDoc>({
  typeName: 'Translation',
  noun: 'this translation',
  id: (t) => t.id,
  jurisdiction: (t) => t.jurisdiction,
  visibleOn: [originalVisible, visibleToCounsel],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.translation.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: {
    ...Object.fromEntries(['subjectType', 'subjectId', 'language', 'status', 'translator', 'requestedAt', 'dueBy', 'deliveredAt', 'stale'].map((f) => [f, 'TRANSLATION'])),
    text: 'TRANSLATED_TEXT',
    originalSha256: 'TRANSLATED_TEXT',
  },
  rules: {
    TRANSLATION: { roles: [...COURT_ROLES, ...COUNSEL], bases: [forRoles(COURT_ROLES, ownJurisdiction((t) => t.jurisdiction)), forRoles(COURT_ROLES, originalVisible), visibleToCounsel] },
    TRANSLATED_TEXT: { roles: ROLES, bases: [originalReadable, readableByCounsel] },
  },
});
