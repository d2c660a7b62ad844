import { Schema, type Connection, type Model } from 'mongoose';
import { ListedCollection, listedField, loaderById } from '../../common/storage';

/**
 * Translations of a record's text into another language, for the parties to a
 * cross-border trial (Directive 2010/64/EU): requested by a judge or prosecutor, assigned to
 * a translator certified by the training subgraph, delivered with the SHA-256 of the exact
 * original translated, so that a later change of the original shows it `stale`.
 */

export interface TranslationRecord {
  _id: string;
  /** EVIDENCE, PROCEEDING, PROTECTIVE_ORDER or PRECEDENT (schema/vocabulary.ts). */
  subjectType: string;
  subjectId: string;
  /** The proceeding the subject belongs to (a precedent's, when it was published from one): `Proceeding.translations`. */
  proceedingId: string | null;
  /** The subject's jurisdiction, where the translation belongs. */
  jurisdiction: string;
  /** ISO 639-1. */
  language: string;
  status: string;
  requestedAt: Date;
  requestedBy: string;
  dueBy: Date | null;
  /** The certificate code of the translator (interpreters are not callers of the hub: no token subject). */
  translator: string | null;
  assignedAt: Date | null;
  assignedBy: string | null;
  deliveredAt: Date | null;
  deliveredBy: string | null;
  /** Null until delivered, and once the subject's personal data is erased (domain/erasure.ts). */
  text: string | null;
  /** SHA-256 (hex) of the original text as it was when the translation was delivered (domain/original.ts). */
  originalSha256: string | null;
  _listed?: string[];
}

const translationSchema = new Schema<TranslationRecord>(
  {
    _id: String,
    subjectType: { type: String, required: true },
    subjectId: { type: String, required: true },
    proceedingId: { type: String, default: null },
    jurisdiction: { type: String, required: true },
    language: { type: String, required: true },
    status: { type: String, required: true },
    requestedAt: { type: Date, required: true },
    requestedBy: { type: String, required: true },
    dueBy: { type: Date, default: null },
    translator: { type: String, default: null },
    assignedAt: { type: Date, default: null },
    assignedBy: { type: String, default: null },
    deliveredAt: { type: Date, default: null },
    deliveredBy: { type: String, default: null },
    text: { type: String, default: null },
    originalSha256: { type: String, default: null },
    _listed: listedField,
  },
  { collection: 'translations', versionKey: false },
);

/** The key a subject's translations are listed under. */
export const subjectKey = (subjectType: string, subjectId: string) => `${subjectType}:${subjectId}`;

/** Translations listed by their subject and by the proceeding the subject belongs to. */
export function translationModels(connection: Connection) {
  const Translation: Model<TranslationRecord> = connection.models.Translation ?? connection.model<TranslationRecord>('Translation', translationSchema);
  return {
    Translation,
    translations: new ListedCollection(Translation, {
      subject: (t) => [subjectKey(t.subjectType, t.subjectId)],
      proceeding: (t) => [t.proceedingId],
    }),
  };
}

export function translationLoaders(models: ReturnType<typeof translationModels>) {
  return {
    translation: loaderById<TranslationRecord>(models.Translation),
    translationsOfSubject: models.translations.loaderBy('subject'),
    translationsOfProceeding: models.translations.loaderBy('proceeding'),
  };
}
