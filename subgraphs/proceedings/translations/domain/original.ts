import { createHash } from 'node:crypto';
import { decide, isVisible, type TypeAccess } from '../../../common/access';
import type { RequestContext } from '../../../common/context';
import type { Entity } from '../../../common/storage';
import { isRecordId } from '../../../common/validate';
import { evidenceAccess, proceedingAccess, protectiveOrderAccess } from '../../access';
import type { EvidenceRecord, ProceedingContext, ProceedingRecord, ProtectiveOrderRecord } from '../../models';
import { precedentAccess } from '../../precedents/access';
import type { PrecedentRecord } from '../../precedents/models';
import { TranslationSubjectType } from '../schema/vocabulary';

/**
 * The original of a translation: the text of its subject that a translator translates,
 * decided per type — an item of evidence's description; a proceeding's charges (one a
 * line), then, once there is one, a blank line and its outcome; a protective order's
 * grounds, then, once decided with reasons, a blank line and the reasons; a precedent's
 * summary. Who may read it is the subject's own rule for the fields it is made of, and
 * whether its translations are stale is a comparison of its SHA-256 now with the one
 * recorded at delivery (never a stored flag).
 */

interface SubjectKind<R> {
  /** How errors name it: the schema's type name. */
  typeName: string;
  load(ctx: ProceedingContext, id: string): Promise<R | null | undefined>;
  access: TypeAccess<R>;
  /** The subject's fields the original is made of, as the record is now: reading the translation's text needs reading each. */
  fields(record: R): string[];
  text(record: R): string;
  proceedingId(record: R): string | null;
  jurisdiction(record: R): string;
}

const EVIDENCE: SubjectKind<Entity<EvidenceRecord>> = {
  typeName: 'Evidence',
  load: (ctx, id) => ctx.loaders.evidence.load(id),
  access: evidenceAccess,
  fields: () => ['description'],
  text: (e) => e.description,
  proceedingId: (e) => e.proceedingId,
  jurisdiction: (e) => e.jurisdiction,
};

const PROCEEDING: SubjectKind<Entity<ProceedingRecord>> = {
  typeName: 'Proceeding',
  load: (ctx, id) => ctx.loaders.proceeding.load(id),
  access: proceedingAccess,
  // The outcome only once there is one: until then the original is the charges alone.
  fields: (p) => (p.outcome ? ['charges', 'outcome'] : ['charges']),
  text: (p) => [p.charges.join('\n'), ...(p.outcome ? [p.outcome] : [])].join('\n\n'),
  proceedingId: (p) => p.id,
  jurisdiction: (p) => p.jurisdiction,
};

const PROTECTIVE_ORDER: SubjectKind<Entity<ProtectiveOrderRecord>> = {
  typeName: 'ProtectiveOrder',
  load: (ctx, id) => ctx.loaders.protectiveOrder.load(id),
  access: protectiveOrderAccess,
  fields: () => ['grounds', 'reasons'],
  // Erased grounds (the protected victim's erasure) are an empty original: its translations show stale.
  text: (o) => [o.grounds ?? '', ...(o.reasons ? [o.reasons] : [])].join('\n\n'),
  proceedingId: (o) => o.proceedingId,
  jurisdiction: (o) => o.jurisdiction,
};

const PRECEDENT: SubjectKind<Entity<PrecedentRecord>> = {
  typeName: 'Precedent',
  load: (ctx, id) => ctx.loaders.precedent.load(id),
  access: precedentAccess,
  fields: () => ['summary'],
  text: (p) => p.summary,
  proceedingId: (p) => p.proceedingId,
  jurisdiction: (p) => p.jurisdiction,
};

const KINDS: Record<TranslationSubjectType, SubjectKind<any>> = { EVIDENCE, PROCEEDING, PROTECTIVE_ORDER, PRECEDENT };

/** A subject with its original, and its own rules asked for the caller. */
export interface Original {
  subjectType: TranslationSubjectType;
  subjectId: string;
  typeName: string;
  jurisdiction: string;
  proceedingId: string | null;
  text: string;
  /** Whether the caller may know of the subject at all (its own visibility). */
  visible(ctx: RequestContext): Promise<boolean>;
  /** Whether the caller may read every field the original is made of (the subject's own decisions, made once per request). */
  readable(ctx: RequestContext): Promise<boolean>;
}

/** The schema's type name of a subject type (NOT_FOUND names it). */
export const typeNameOf = (subjectType: string) => KINDS[subjectType as TranslationSubjectType]?.typeName ?? subjectType;

/** The subject and its original as it is now, or null for an id that does not name one (the caller's visibility aside). */
export async function originalOf(ctx: ProceedingContext, subjectType: string, subjectId: string): Promise<Original | null> {
  const kind = KINDS[subjectType as TranslationSubjectType];
  if (!kind || !isRecordId(subjectId)) return null;
  const record = await kind.load(ctx, subjectId);
  if (!record) return null;
  return {
    subjectType: subjectType as TranslationSubjectType,
    subjectId,
    typeName: kind.typeName,
    jurisdiction: kind.jurisdiction(record),
    proceedingId: kind.proceedingId(record),
    text: kind.text(record),
    visible: (c) => isVisible(kind.access, c, record),
    readable: async (c) => {
      if (!(await isVisible(kind.access, c, record))) return false;
      const categories = [...new Set(kind.fields(record).map((f: string) => kind.access.fields[f]))];
      const decisions = await Promise.all(categories.map((category) => decide(kind.access, c, record, category)));
      return decisions.every((d) => d.allowed);
    },
  };
}

/** The original text of a record of a subject type (demo data: the hash of what was translated). */
export function textOf(subjectType: TranslationSubjectType, record: unknown): string {
  return KINDS[subjectType].text(record);
}

/** SHA-256 (hex) of an original's exact text (UTF-8). */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
