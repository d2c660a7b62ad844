import { badInput } from '../../../../platform/errors';
import { changesSince, snippets } from '../../../common/storage';
import { checkAll, localDate, text, validOrUndefined } from '../../../common/validate';
import type { ProceedingContext } from '../../models';
import { dayNumber, keywordText, type PrecedentRecord } from '../models';
import type { PrecedentKeywordsInput } from '../schema/inputs';
import { PrecedentTextField, type PrecedentHighlight } from '../schema/search';
import { KEYWORD_GROUPS, type CourtType, type LegalIssue } from '../schema/vocabulary';
import { isJurisdictionCode } from './ecli';

/**
 * Finding precedents: the public search (words, filters, decision dates) over the
 * precedents' own index, and the change feed courts sync from.
 */

export interface PrecedentSearch {
  search?: string;
  keywords?: PrecedentKeywordsInput;
  legalIssues?: LegalIssue[];
  jurisdiction?: string;
  courtType?: CourtType;
  decidedFrom?: string;
  decidedTo?: string;
  first?: number;
  after?: string;
}

function highlightsOf(precedent: PrecedentRecord, terms: string[]): PrecedentHighlight[] {
  if (terms.length === 0) return [];
  const wanted = new Set(terms);
  const fields: Array<[PrecedentTextField, string]> = [
    [PrecedentTextField.SUMMARY, precedent.summary],
    [PrecedentTextField.SIGNIFICANT_FEATURES, precedent.significantFeatures],
    [PrecedentTextField.KEYWORDS, keywordText(precedent)],
  ];
  return fields.flatMap(([field, value]) => snippets(value, wanted).map((s) => ({ field, ...s })));
}

/** Published precedents matching every filter given, ranked by the search words (or newest decision first without). */
export async function searchPrecedents(ctx: ProceedingContext, { search, keywords, legalIssues, jurisdiction, courtType, decidedFrom, decidedTo, first, after }: PrecedentSearch) {
  // Every wrong argument in one answer; the range is compared only when both ends are dates.
  const { query, from, to } = await checkAll({
    query: () => (search != null ? text(search, 'search', { max: 200 }) : null),
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
    ...(legalIssues ?? []).map((issue) => `legalIssue=${issue}`),
    ...(keywords ? KEYWORD_GROUPS.flatMap((group) => (keywords[group] ?? []).map((value) => `${group}=${value}`)) : []),
  ];
  const found = await ctx.models.precedentIndex.search({ text: query, facets, orderFrom: from, orderTo: to, first, after });
  const records = await ctx.loaders.precedent.loadMany(found.hits.map((hit) => hit.id));
  const edges = found.hits.flatMap((hit, i) => {
    const node = records[i];
    // Between the index and the record (see indexThenWrite, domain/publication.ts) a hit may have no record yet.
    if (!node || node instanceof Error || node.withdrawn) return [];
    return [{ cursor: hit.cursor, node, score: hit.score, highlights: highlightsOf(node, found.terms) }];
  });
  return { edges, pageInfo: { hasNextPage: found.hasNextPage, endCursor: found.endCursor }, totalCount: found.totalCount };
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
