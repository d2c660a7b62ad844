import { badInput } from '../../../../platform/errors';
import { changesSince, occurrences, REGION_LANGUAGES, snippets, tokenize, type TermPattern, type WantedText } from '../../../common/storage';
import { checkAll, languageCode, localDate, text, validOrUndefined } from '../../../common/validate';
import type { ProceedingContext } from '../../models';
import { dayNumber, keywordText, keywordValues, languageOf, type PrecedentRecord } from '../models';
import type { PrecedentKeywordsInput, ProvisionFilter } from '../schema/inputs';
import { PrecedentMatchKind, PrecedentTextField, type PrecedentHighlight } from '../schema/search';
import { KEYWORD_GROUPS, type CourtType, type LegalIssue } from '../schema/vocabulary';
import { isJurisdictionCode } from './ecli';
import { labelOf } from './labels';
import { article, instrument, provisionFacet } from './provisions';

/**
 * Finding precedents: the public search (a query of words, phrases and operators, in the
 * region's languages; filters; decision dates) over the precedents' own index, and the
 * change feed courts sync from. A query is read in `searchLanguage`, or without it in every
 * language of the region; a precedent is found by its text in its own language, and by its
 * keywords' labels in any (decision 114).
 */

export interface PrecedentSearch {
  search?: string;
  searchLanguage?: string;
  provision?: ProvisionFilter;
  keywords?: PrecedentKeywordsInput;
  legalIssues?: LegalIssue[];
  jurisdiction?: string;
  courtType?: CourtType;
  decidedFrom?: string;
  decidedTo?: string;
  first?: number;
  after?: string;
}

/** The query's words and phrases in `language`: single terms, and phrases (or words of several terms). */
function wantedIn(wanted: WantedText[], language: string): { terms: Set<string>; phrases: TermPattern[] } {
  const patterns = wanted.map((w) => w[language]).filter((p): p is TermPattern => p !== undefined);
  return { terms: new Set(patterns.filter((p) => p.length === 1).map((p) => p[0].term)), phrases: patterns.filter((p) => p.length > 1) };
}

/** Whether a text in `language` holds one of the query's words or phrases there. */
function holds(text: string, language: string, wanted: WantedText[]): boolean {
  const tokens = tokenize(text, language);
  return wanted.some((w) => w[language] !== undefined && occurrences(tokens, w[language]).length > 0);
}

/**
 * Where the query matched a precedent (its text, its keywords) and the passages that show it:
 * the text in its own language, phrases as one match; a keyword found through another
 * language's label shows as that label, with the words found in it.
 */
function matchesOf(precedent: PrecedentRecord, wanted: WantedText[]): { highlights: PrecedentHighlight[]; matchedBy: PrecedentMatchKind[] } {
  if (wanted.length === 0) return { highlights: [], matchedBy: [] };
  const language = languageOf(precedent);
  const own = wantedIn(wanted, language);
  const options = { language, phrases: own.phrases };
  const texts: Array<[PrecedentTextField, string]> = [
    [PrecedentTextField.SUMMARY, precedent.summary],
    [PrecedentTextField.SIGNIFICANT_FEATURES, precedent.significantFeatures],
  ];
  const highlights = [...texts, [PrecedentTextField.KEYWORDS, keywordText(precedent, language)] as [PrecedentTextField, string]].flatMap(([field, value]) =>
    snippets(value, own.terms, options).map((s) => ({ field, ...s })),
  );
  const languages = Object.keys(wanted[0]);
  const matchedKeywords = keywordValues(precedent).filter((value) => languages.some((l) => holds(labelOf(value, l), l, wanted)));
  for (const value of matchedKeywords) {
    if (holds(labelOf(value, language), language, wanted)) continue;
    const through = languages.find((l) => holds(labelOf(value, l), l, wanted))!;
    const there = wantedIn(wanted, through);
    highlights.push(...snippets(labelOf(value, through), there.terms, { language: through, phrases: there.phrases }).map((s) => ({ field: PrecedentTextField.KEYWORDS, ...s })));
  }
  const matchedBy = [
    ...(texts.some(([, value]) => holds(value, language, wanted)) ? [PrecedentMatchKind.TEXT] : []),
    ...(matchedKeywords.length > 0 ? [PrecedentMatchKind.KEYWORD] : []),
  ];
  return { highlights, matchedBy };
}

/** Published precedents matching every filter given, ranked by the search words (or newest decision first without). */
export async function searchPrecedents(ctx: ProceedingContext, { search, searchLanguage, provision, keywords, legalIssues, jurisdiction, courtType, decidedFrom, decidedTo, first, after }: PrecedentSearch) {
  // Every wrong argument in one answer; the range is compared only when both ends are dates.
  const { query, languages, filed, from, to } = await checkAll({
    query: () => (search != null ? text(search, 'search', { max: 200 }) : null),
    languages: () => (searchLanguage != null ? [languageCode(searchLanguage, 'searchLanguage')] : REGION_LANGUAGES),
    filed: () =>
      provision != null
        ? provisionFacet({ instrument: instrument(provision.instrument, 'provision.instrument'), article: provision.article != null ? article(provision.article, 'provision.article') : null })
        : null,
    jurisdiction: () => {
      if (jurisdiction != null && !isJurisdictionCode(jurisdiction)) throw badInput('jurisdiction', `${JSON.stringify(jurisdiction)} is not a country code (ISO 3166-1 alpha-2, EU or CE)`);
    },
    from: () => (decidedFrom != null ? dayNumber(localDate(decidedFrom, 'decidedFrom')) : null),
    to: () => {
      const last = decidedTo != null ? dayNumber(localDate(decidedTo, 'decidedTo')) : null;
      const first = decidedFrom != null ? validOrUndefined(() => dayNumber(localDate(decidedFrom, 'decidedFrom'))) : undefined;
      if (first !== undefined && last !== null && first > last) throw badInput('decidedTo', 'is before decidedFrom');
      return last;
    },
  });
  const facets = [
    ...(jurisdiction != null ? [`jurisdiction=${jurisdiction}`] : []),
    ...(courtType != null ? [`courtType=${courtType}`] : []),
    ...(filed != null ? [filed] : []),
    ...(legalIssues ?? []).map((issue) => `legalIssue=${issue}`),
    ...(keywords ? KEYWORD_GROUPS.flatMap((group) => (keywords[group] ?? []).map((value) => `${group}=${value}`)) : []),
  ];
  const asked = { text: query, languages, facets, orderFrom: from, orderTo: to };
  const index = ctx.models.precedentIndex;
  // The page reads only the blocks it needs; the count reads every block a match may be in, so only when asked.
  const found = await index.search({ ...asked, first, after, count: false });
  const records = await ctx.loaders.precedent.loadMany(found.hits.map((hit) => hit.id));
  const edges = found.hits.flatMap((hit, i) => {
    const node = records[i];
    // Between the index and the record (see indexThenWrite, domain/publication.ts) a hit may have no record yet.
    if (!node || node instanceof Error || node.withdrawn) return [];
    return [{ cursor: hit.cursor, node, score: hit.score, ...matchesOf(node, found.wanted) }];
  });
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo: { hasNextPage: found.hasNextPage, endCursor: found.endCursor },
    /** Read by GraphQL only when the field is asked for. */
    get totalCount(): Promise<number> {
      return (counted ??= index.search({ ...asked, first: 1 }).then((all) => all.totalCount!));
    },
  };
}

/** Every precedent changed after the cursor `since`, oldest change first, each at its latest change. */
export async function precedentChanges(ctx: ProceedingContext, since: string | undefined, first: number | undefined) {
  const { precedents } = ctx.models;
  const page = await changesSince(precedents, precedents.list('changes', 'all'), { since, first });
  return {
    changes: page.changes.map(({ cursor, record }) => ({ cursor, kind: record.lastChange, ecli: record.ecli, withdrawn: record.withdrawn, changedAt: record.updatedAt, precedent: record })),
    cursor: page.cursor,
    hasMore: page.hasMore,
  };
}
