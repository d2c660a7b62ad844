import { badInput, conflict, notFound } from '../../../../platform/errors';
import { visibleOnly } from '../../../common/access';
import type { Entity } from '../../../common/storage';
import { checkAll, dateTime, iso639_1, newId, recordId, text } from '../../../common/validate';
import type { ProceedingContext } from '../../models';
import { translationAccess } from '../access';
import { subjectKey, type TranslationRecord } from '../models';
import type { RequestTranslationInput } from '../schema/inputs';
import { TranslationStatus as S } from '../schema/vocabulary';
import { originalOf, sha256, typeNameOf } from './original';
import { certifiedTranslator } from './translator';

/**
 * A translation's life: requested for a subject of the caller's jurisdiction (the rule
 * `mayRequestTranslation`, permissions.ts, decided who and which subject), assigned to a
 * certified translator (domain/translator.ts), delivered with the SHA-256 of the original
 * as it is at delivery. Every change goes through the audit trail, under the record's lock.
 */

type TranslationDoc = Entity<TranslationRecord>;

/** Most a delivered text may hold: a long judgment's reasons, not a file. */
const MAX_TEXT = 100_000;

export async function requestTranslation(ctx: ProceedingContext, input: RequestTranslationInput): Promise<TranslationDoc> {
  const { subjectId, language, dueBy } = await checkAll({
    subjectId: () => recordId(input.subjectId, 'input.subjectId'),
    language: () => iso639_1(input.targetLanguage, 'input.targetLanguage'),
    dueBy: () => {
      if (input.dueBy === undefined || input.dueBy === null) return null;
      const due = dateTime(input.dueBy, 'input.dueBy');
      if (due <= ctx.now) throw badInput('input.dueBy', 'is not in the future');
      return due;
    },
  });
  // The rule found it visible and of the caller's jurisdiction; read again, it is the same request's loader.
  const original = await originalOf(ctx, input.subjectType, subjectId);
  if (!original) throw notFound(typeNameOf(input.subjectType), subjectId);
  const _id = newId();
  return ctx.audit.change('TRANSLATION_REQUESTED', 'Translation', _id, ['subjectType', 'subjectId', 'language', 'status', 'requestedAt', 'dueBy'], () =>
    ctx.models.translations.create({
      _id,
      subjectType: original.subjectType,
      subjectId,
      proceedingId: original.proceedingId,
      jurisdiction: original.jurisdiction,
      language,
      status: S.REQUESTED,
      requestedAt: ctx.now,
      requestedBy: ctx.caller!.sub,
      dueBy,
      translator: null,
      assignedAt: null,
      assignedBy: null,
      deliveredAt: null,
      deliveredBy: null,
      text: null,
      originalSha256: null,
    }),
  );
}

/** Changes one translation under its lock; `change` throws for a step that does not apply now. */
function changeTranslation(ctx: ProceedingContext, id: string, action: string, fields: string[], change: (t: TranslationDoc) => Partial<TranslationRecord>) {
  return ctx.audit.change(action, 'Translation', id, fields, async () => {
    const updated = await ctx.models.translations.update(id, change);
    if (!updated) throw notFound('Translation', id);
    return updated;
  });
}

/** To a translator holding a VALID legal translation certificate now; again to another while not delivered. */
export async function assignTranslation(ctx: ProceedingContext, translationId: string, translator: string): Promise<TranslationDoc> {
  const id = recordId(translationId, 'translationId');
  const current = await ctx.loaders.translation.load(id);
  if (current?.status === S.DELIVERED) throw conflict(`Translation ${id} was delivered: nothing was assigned`, 'translationId');
  // Checked before anything is logged or written: the training subgraph's answer decides.
  const code = await certifiedTranslator(ctx, translator);
  return changeTranslation(ctx, id, 'TRANSLATION_ASSIGNED', ['status', 'translator'], (t) => {
    if (t.status === S.DELIVERED) throw conflict(`Translation ${id} was delivered: nothing was assigned`, 'translationId');
    return { status: S.ASSIGNED, translator: code, assignedAt: ctx.now, assignedBy: ctx.caller!.sub };
  });
}

/**
 * The translator's text, handed in by a judge or prosecutor (the translator has no token),
 * with the SHA-256 of the exact original it translates as it is now. Delivered again: a
 * revision, e.g. after the original changed (it is then no longer stale).
 */
export async function deliverTranslation(ctx: ProceedingContext, translationId: string, translated: string): Promise<TranslationDoc> {
  const id = recordId(translationId, 'translationId');
  const body = text(translated, 'text', { max: MAX_TEXT });
  const current = await ctx.loaders.translation.load(id);
  if (!current) throw notFound('Translation', id);
  if (current.status === S.REQUESTED) throw conflict(`Translation ${id} has no translator yet: assign one with a VALID legal translation certificate first`, 'translationId');
  const original = await originalOf(ctx, current.subjectType, current.subjectId);
  if (!original) throw conflict(`The ${typeNameOf(current.subjectType)} translation ${id} translates is gone: nothing was delivered`, 'translationId');
  const originalSha256 = sha256(original.text);
  return changeTranslation(ctx, id, 'TRANSLATION_DELIVERED', ['status', 'deliveredAt', 'text', 'originalSha256'], (t) => {
    if (t.status === S.REQUESTED) throw conflict(`Translation ${id} has no translator yet: assign one with a VALID legal translation certificate first`, 'translationId');
    return { status: S.DELIVERED, text: body, originalSha256, deliveredAt: ctx.now, deliveredBy: ctx.caller!.sub };
  });
}

/** Delivered, and the original's SHA-256 now differs from the one recorded (null before delivery). */
export async function isStale(ctx: ProceedingContext, t: TranslationDoc): Promise<boolean | null> {
  if (t.status !== S.DELIVERED || !t.originalSha256) return null;
  const original = await originalOf(ctx, t.subjectType, t.subjectId);
  return !original || sha256(original.text) !== t.originalSha256;
}

/** The translations of one subject the caller may know of, in the order requested. */
export async function translationsOfSubject(ctx: ProceedingContext, subjectType: string, subjectId: string): Promise<TranslationDoc[]> {
  return visibleOnly(translationAccess, ctx, await ctx.loaders.translationsOfSubject.load(subjectKey(subjectType, subjectId)));
}

/** Of a proceeding: its own, its evidence's, its orders' and its precedents', the caller may know of, in the order requested. */
export async function translationsOfProceeding(ctx: ProceedingContext, proceedingId: string): Promise<TranslationDoc[]> {
  return visibleOnly(translationAccess, ctx, await ctx.loaders.translationsOfProceeding.load(proceedingId));
}
