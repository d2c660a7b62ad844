import type { ProceedingModels } from '../../models';
import { subjectKey } from '../models';
import { TranslationSubjectType } from '../schema/vocabulary';

/**
 * A protected victim's erasure removes what her protective orders say of her (the core's
 * domain/erasure.ts), and so their translations' texts and the hashes of those originals:
 * what was requested, from whom and when stays, as the order's kind and dates do.
 */
export const TRANSLATION_ERASED_FIELDS = ['Translation.text', 'Translation.originalSha256'];

export async function eraseOrderTranslations(models: ProceedingModels, orderId: string): Promise<void> {
  for (const translation of await models.translations.loaderBy('subject').load(subjectKey(TranslationSubjectType.PROTECTIVE_ORDER, orderId))) {
    if (translation.text !== null || translation.originalSha256 !== null) await models.translations.update(translation.id, { text: null, originalSha256: null });
  }
}
