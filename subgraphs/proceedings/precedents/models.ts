import { Schema, type Connection, type Model } from 'mongoose';
import { SearchIndex, type IndexedDocument } from '../../common/storage';
import { ListedCollection, listedField } from '../../common/storage';
import type { Entity } from '../../common/storage';
import type { ProceedingContext } from '../models';
import { ecli } from './domain/ecli';
import { LABEL_LANGUAGES, labelOf } from './domain/labels';
import { provisionFacets } from './domain/provisions';
import { KEYWORD_GROUPS, type KeywordGroups } from './schema/vocabulary';

/** Counts by value, e.g. `{ value: 'FEMALE', count: 3 }`. */
export interface CountRecord {
  value: string;
  count: number;
}

/** Who the parties were, without names (SHERLOC): how many, by CTDC age group, gender and nationality. */
export interface ProfileRecord {
  /** Not published: too few people to stay anonymous (precedents/domain/publishing.ts); nothing else of it is stored. */
  withheld?: boolean;
  count: number | null;
  ageGroups: CountRecord[];
  genders: CountRecord[];
  nationalities: CountRecord[];
}

export interface CorrectionRecord {
  correctedAt: Date;
  reason: string;
  fields: string[];
}

export type ChangeKind = 'PUBLISHED' | 'CORRECTED' | 'WITHDRAWN';

/** A legal provision a decision applies: an instrument (domain/provisions.ts names them) and an article of it. */
export interface ProvisionRecord {
  instrument: string;
  article: string;
}

export interface PrecedentRecord {
  _id: string;
  ecli: string;
  court: string;
  courtType: string;
  jurisdiction: string;
  /** YYYY-MM-DD */
  decidedOn: string;
  legalSystem: string;
  /** ISO 639-1; a precedent stored before languages mattered has none and is English (languageOf). */
  language: string;
  keywords: KeywordGroups;
  legalIssues: string[];
  summary: string;
  significantFeatures: string;
  outcome: string;
  /** The provisions it applies (none stored before provisions were kept). */
  provisions?: ProvisionRecord[];
  victimProfile: ProfileRecord;
  defendantProfile: ProfileRecord;
  /** The precedents it cites, by id. */
  cites: string[];
  /** The proceeding it was published from (null: published elsewhere, e.g. a regional court's judgment). */
  proceedingId: string | null;
  publishedAt: Date;
  publishedBy: string;
  corrections: CorrectionRecord[];
  withdrawn: boolean;
  withdrawnReason: string | null;
  /** The latest change, as the change feed reports it. */
  lastChange: ChangeKind;
  updatedAt: Date;
  _listed?: string[];
}

const counts = { type: [new Schema({ value: String, count: Number }, { _id: false })], default: [] };
const profile = new Schema({ withheld: Boolean, count: Number, ageGroups: counts, genders: counts, nationalities: counts }, { _id: false });

const precedentSchema = new Schema<PrecedentRecord>(
  {
    _id: String,
    ecli: { type: String, required: true, unique: true },
    court: { type: String, required: true },
    courtType: { type: String, required: true },
    jurisdiction: { type: String, required: true },
    decidedOn: { type: String, required: true },
    legalSystem: { type: String, required: true },
    language: { type: String, default: 'en' },
    keywords: new Schema(Object.fromEntries(KEYWORD_GROUPS.map((group) => [group, { type: [String], default: [] }])), { _id: false }),
    legalIssues: { type: [String], default: [] },
    summary: { type: String, required: true },
    significantFeatures: { type: String, required: true },
    outcome: { type: String, required: true },
    provisions: { type: [new Schema({ instrument: String, article: String }, { _id: false })], default: [] },
    victimProfile: profile,
    defendantProfile: profile,
    cites: { type: [String], default: [] },
    proceedingId: { type: String, default: null },
    publishedAt: { type: Date, required: true },
    publishedBy: { type: String, required: true },
    corrections: { type: [new Schema({ correctedAt: Date, reason: String, fields: [String] }, { _id: false })], default: [] },
    withdrawn: { type: Boolean, default: false },
    withdrawnReason: { type: String, default: null },
    lastChange: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    _listed: listedField,
  },
  { collection: 'precedents', versionKey: false },
);

/** The language of a precedent: English when it was stored without one. */
export function languageOf(precedent: Pick<PrecedentRecord, 'language'>): string {
  return precedent.language || 'en';
}

/** Its keywords and legal issues, the values a search finds it by in every language. */
export function keywordValues(precedent: Pick<PrecedentRecord, 'keywords' | 'legalIssues'>): string[] {
  return [...KEYWORD_GROUPS.flatMap((group): string[] => precedent.keywords[group] ?? []), ...precedent.legalIssues];
}

/** The keywords and legal issues as text in `language` (its labels, domain/labels.ts): what a search matches besides the summary and the significant features. */
export function keywordText(precedent: Pick<PrecedentRecord, 'keywords' | 'legalIssues'>, language = 'en'): string {
  return keywordValues(precedent).map((value) => labelOf(value, language)).join(', ');
}

/** Keywords count twice: a judge who tagged FORCED_LABOUR said what the case is about. */
export const KEYWORD_WEIGHT = 2;

/** The decision day as a number (2023-05-14 → 20230514): the order of the search index. */
export function dayNumber(date: string): number {
  return Number(date.replace(/-/g, ''));
}

/** What the search index holds of a precedent: its words, its filters and its decision day. */
export function indexedPrecedent(p: PrecedentRecord): IndexedDocument {
  // Each label its own part (a phrase never runs from one into the next), in every language
  // of the region: a query in any of them finds the precedent by its keywords.
  const labels = LABEL_LANGUAGES.flatMap((language) => keywordValues(p).map((value) => ({ text: labelOf(value, language), weight: KEYWORD_WEIGHT, language })));
  return {
    language: languageOf(p),
    text: [{ text: p.summary, weight: 1 }, { text: p.significantFeatures, weight: 1 }, ...labels],
    facets: [
      `jurisdiction=${p.jurisdiction}`,
      `courtType=${p.courtType}`,
      ...p.legalIssues.map((issue) => `legalIssue=${issue}`),
      ...KEYWORD_GROUPS.flatMap((group) => (p.keywords[group] as string[]).map((value) => `${group}=${value}`)),
      ...provisionFacets(p.provisions ?? []),
    ],
    order: dayNumber(p.decidedOn),
  };
}

/**
 * Precedents: listed by ECLI (the public lookup), by the proceeding they were published
 * from, by what they cite (so `citedBy` is a list read) and in the change feed that
 * courts sync from; searched through their own index (common/storage/search.ts).
 */
export function precedentModels(connection: Connection) {
  // Tolerant of a second call on one connection (the demo loader beside a running subgraph).
  const Precedent: Model<PrecedentRecord> = connection.models.Precedent ?? connection.model<PrecedentRecord>('Precedent', precedentSchema);
  return {
    Precedent,
    precedents: new ListedCollection(
      Precedent,
      {
        ecli: (p) => [p.ecli],
        proceeding: (p) => [p.proceedingId],
        citedBy: (p) => p.cites,
        changes: () => ['all'],
      },
      { feeds: ['changes'] },
    ),
    precedentIndex: new SearchIndex(connection, 'precedents'),
  };
}

/** The precedent with this ECLI (withdrawn ones too), or null; a malformed ECLI is BAD_USER_INPUT naming `field`. */
export async function precedentByEcli(ctx: ProceedingContext, value: string, field = 'ecli'): Promise<Entity<PrecedentRecord> | null> {
  return (await ctx.loaders.precedentsByEcli.load(ecli(value, field).value))[0] ?? null;
}
