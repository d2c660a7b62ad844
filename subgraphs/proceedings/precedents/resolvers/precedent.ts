import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../../common/audited';
import { badInput, notFound } from '../../../../platform/errors';
import { visibleOrNull } from '../../../common/access';
import type { Entity } from '../../../common/storage';
import { changesSince } from '../../../common/storage';
import { snippets } from '../../../common/storage';
import { checkAll, localDate, newId, recordId, text, validOrUndefined } from '../../../common/validate';
import type { ProceedingContext, ProceedingRecord } from '../../models';
import { Proceeding, proceedingAccess } from '../../types';
import { isJurisdictionCode } from '../domain/ecli';
import { dayNumber, indexedPrecedent, keywordText, precedentByEcli, type PrecedentRecord } from '../models';
import { checkCorrection, checkPublication, checkWithdrawal } from '../domain/checks';
import { MIN_VICTIMS_FOR_PROFILE, profilesOf, publishedProfile } from '../domain/publishing';
import {
  CorrectPrecedentInput,
  PartyProfile,
  Precedent,
  PrecedentChanges,
  PrecedentConnection,
  PrecedentTextField,
  PublishPrecedentInput,
  type PrecedentHighlight,
  PrecedentKeywordsInput,
} from '../schema/precedent';
import { CourtType, KEYWORD_GROUPS, LegalIssue } from '../schema/vocabulary';

type PrecedentDoc = Entity<PrecedentRecord>;

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

/**
 * The index is written first and the record second: a search shows a precedent only
 * once both are there, and when the record cannot be written the index is put back.
 */
async function indexThenWrite<T>(ctx: ProceedingContext, id: string, next: PrecedentRecord | null, previous: PrecedentRecord | null, write: () => Promise<T>): Promise<T> {
  const index = ctx.models.precedentIndex;
  const apply = (state: PrecedentRecord | null) => (state && !state.withdrawn ? index.put(id, indexedPrecedent(state)) : index.remove(id));
  await apply(next);
  try {
    return await write();
  } catch (error) {
    await apply(previous).catch((failure) => console.error(`precedents: index of ${id} could not be put back: ${(failure as Error).message}`));
    throw error;
  }
}

@Resolver(() => Precedent)
export class PrecedentResolver {
  @Query(() => Precedent, { nullable: true, description: 'A precedent by its ECLI (withdrawn ones too); public, no token needed' })
  precedent(@Arg('ecli', () => String) ecli: string, @Ctx() ctx: ProceedingContext): Promise<PrecedentDoc | null> {
    return precedentByEcli(ctx, ecli);
  }

  @Query(() => PrecedentConnection, {
    description:
      'Published precedents (not withdrawn); public, no token needed. With `search`: ranked by relevance to its words (any of them; English stemming, British and American spelling alike), each edge with a score and highlights. Without: newest decision first. Filters combine: every keyword and legal issue given must be present.',
  })
  async precedents(
    @Ctx() ctx: ProceedingContext,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('keywords', () => PrecedentKeywordsInput, { nullable: true }) keywords?: PrecedentKeywordsInput,
    @Arg('legalIssues', () => [LegalIssue], { nullable: true }) legalIssues?: LegalIssue[],
    @Arg('jurisdiction', () => String, { nullable: true }) jurisdiction?: string,
    @Arg('courtType', () => CourtType, { nullable: true }) courtType?: CourtType,
    @Arg('decidedFrom', () => String, { nullable: true, description: 'YYYY-MM-DD, inclusive' }) decidedFrom?: string,
    @Arg('decidedTo', () => String, { nullable: true, description: 'YYYY-MM-DD, inclusive' }) decidedTo?: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
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
      // Between the index and the record (see indexThenWrite) a hit may have no record yet.
      if (!node || node instanceof Error || node.withdrawn) return [];
      return [{ cursor: hit.cursor, node, score: hit.score, highlights: highlightsOf(node, found.terms) }];
    });
    return { edges, pageInfo: { hasNextPage: found.hasNextPage, endCursor: found.endCursor }, totalCount: found.totalCount };
  }

  @Query(() => PrecedentChanges, {
    description:
      'Every precedent published, corrected or withdrawn after the cursor `since` (null: from the start), oldest change first, each at its latest change; public, no token needed. Keep `cursor` and ask again: replaying from null gives every precedent exactly once.',
  })
  async precedentChanges(
    @Ctx() ctx: ProceedingContext,
    @Arg('since', () => String, { nullable: true }) since?: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first?: number,
  ) {
    const { precedents } = ctx.models;
    const page = await changesSince(precedents, precedents.list('changes', 'all'), { since, first });
    return {
      changes: page.changes.map(({ cursor, record }) => ({ cursor, kind: record.lastChange, ecli: record.ecli, withdrawn: record.withdrawn, changedAt: record.updatedAt, precedent: record })),
      cursor: page.cursor,
      hasMore: page.hasMore,
    };
  }

  @Audited('PRECEDENT_PUBLISHED')
  @Mutation(() => Precedent, {
    description:
      "Publishes a decision of a CLOSED proceeding as a precedent (a judge of the proceeding's jurisdiction). The parties' profiles are derived from the proceeding (the victims' is withheld below 5 victims); any published text naming a defendant's alias or one of `namesToExclude`, however written, is refused.",
  })
  async publishPrecedent(@Arg('proceedingId', () => ID) proceedingId: string, @Arg('input', () => PublishPrecedentInput) input: PublishPrecedentInput, @Ctx() ctx: ProceedingContext) {
    const proceeding = (await ctx.loaders.proceeding.load(recordId(proceedingId, 'proceedingId')))!;
    const { id, decidedOn, cites, ...given } = await checkPublication(ctx, proceeding, input);
    const record: PrecedentRecord = {
      _id: newId(),
      ecli: id.value,
      court: given.court,
      courtType: input.courtType,
      jurisdiction: proceeding.jurisdiction,
      decidedOn,
      legalSystem: input.legalSystem,
      language: given.language,
      keywords: given.keywords,
      legalIssues: given.legalIssues,
      summary: given.summary,
      significantFeatures: given.significantFeatures,
      outcome: given.outcome,
      ...(await profilesOf(proceeding, ctx)),
      cites,
      proceedingId: proceeding.id,
      publishedAt: ctx.now,
      publishedBy: ctx.caller!.sub,
      corrections: [],
      withdrawn: false,
      withdrawnReason: null,
      lastChange: 'PUBLISHED',
      updatedAt: ctx.now,
    };
    return ctx.audit.change('PRECEDENT_PUBLISHED', 'Precedent', record._id, ['summary', 'significantFeatures', 'outcome'], () =>
      indexThenWrite(ctx, record._id, record, null, async () => {
        try {
          return await ctx.models.precedents.create(record);
        } catch (error) {
          if ((error as { code?: number }).code === 11000) throw badInput('input.ecli', `${id.value} is published already (correctPrecedent changes it)`);
          throw error;
        }
      }),
    );
  }

  @Audited('PRECEDENT_CORRECTED')
  @Mutation(() => Precedent, { description: 'Corrects a published precedent (a judge of its jurisdiction), with a reason published alongside; fields left out stay' })
  async correctPrecedent(@Arg('ecli', () => String) ecli: string, @Arg('input', () => CorrectPrecedentInput) input: CorrectPrecedentInput, @Ctx() ctx: ProceedingContext) {
    const current = (await precedentByEcli(ctx, ecli))!;
    const { reason, change } = await checkCorrection(ctx, current, input);
    const fields = Object.keys(change);
    const correction = { correctedAt: ctx.now, reason, fields };
    const next = { ...current, ...change, corrections: [...current.corrections, correction], lastChange: 'CORRECTED' as const, updatedAt: ctx.now };
    return ctx.audit.change('PRECEDENT_CORRECTED', 'Precedent', current.id, fields, () =>
      indexThenWrite(ctx, current.id, next, current, async () => {
        const updated = await ctx.models.precedents.update(current.id, (now) => {
          if (now.withdrawn) throw badInput('ecli', `${now.ecli} was withdrawn; it cannot be corrected`);
          return { ...change, corrections: [...now.corrections, correction], lastChange: 'CORRECTED', updatedAt: ctx.now };
        });
        if (!updated) throw notFound('Precedent', ecli);
        return updated;
      }),
    );
  }

  @Audited('PRECEDENT_WITHDRAWN')
  @Mutation(() => Precedent, { description: 'Withdraws a precedent (a judge of its jurisdiction): no longer found by search; its ECLI and the change feed say it was withdrawn and why' })
  async withdrawPrecedent(
    @Arg('ecli', () => String) ecli: string,
    @Arg('reason', () => String, { description: 'Published with the precedent: without names' }) reason: string,
    @Ctx() ctx: ProceedingContext,
    @Arg('namesToExclude', () => [String], { nullable: true, defaultValue: [], description: 'Names that must not appear in the reason; never stored' }) names?: string[],
  ) {
    const current = (await precedentByEcli(ctx, ecli))!;
    const why = await checkWithdrawal(ctx, current, reason, names);
    return ctx.audit.change('PRECEDENT_WITHDRAWN', 'Precedent', current.id, ['withdrawn', 'withdrawnReason'], () =>
      indexThenWrite(ctx, current.id, null, current, async () => {
        const updated = await ctx.models.precedents.update(current.id, (now) => {
          if (now.withdrawn) throw badInput('ecli', `${now.ecli} was withdrawn already`);
          return { withdrawn: true, withdrawnReason: why, lastChange: 'WITHDRAWN', updatedAt: ctx.now };
        });
        if (!updated) throw notFound('Precedent', ecli);
        return updated;
      }),
    );
  }

  @FieldResolver(() => PartyProfile)
  victimProfile(@Root() precedent: PrecedentDoc) {
    return publishedProfile(precedent.victimProfile, MIN_VICTIMS_FOR_PROFILE);
  }

  @FieldResolver(() => PartyProfile)
  defendantProfile(@Root() precedent: PrecedentDoc) {
    return publishedProfile(precedent.defendantProfile, 0);
  }

  @FieldResolver(() => [Precedent])
  async cites(@Root() precedent: PrecedentDoc, @Ctx() ctx: ProceedingContext): Promise<PrecedentDoc[]> {
    const cited = await ctx.loaders.precedent.loadMany(precedent.cites);
    return cited.filter((p): p is PrecedentDoc => p !== null && !(p instanceof Error));
  }

  @FieldResolver(() => [Precedent])
  async citedBy(@Root() precedent: PrecedentDoc, @Ctx() ctx: ProceedingContext): Promise<PrecedentDoc[]> {
    const citing = await ctx.loaders.precedentsCiting.load(precedent.id);
    return citing.filter((p) => !p.withdrawn).sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.ecli.localeCompare(b.ecli));
  }

  @FieldResolver(() => Proceeding, { nullable: true, description: 'The proceeding it was published from: only for callers who may see that proceeding, else null' })
  async proceeding(@Root() precedent: PrecedentDoc, @Ctx() ctx: ProceedingContext) {
    return precedent.proceedingId ? visibleOrNull(proceedingAccess, ctx, await ctx.loaders.proceeding.load(precedent.proceedingId)) : null;
  }
}

@Resolver(() => Proceeding)
export class ProceedingPrecedentsResolver {
  @FieldResolver(() => [Precedent], { nullable: true, description: 'The precedents published from this proceeding (withdrawn ones too, marked so)' })
  precedents(@Root() proceeding: Entity<ProceedingRecord>, @Ctx() ctx: ProceedingContext): Promise<PrecedentDoc[]> {
    return ctx.loaders.precedentsOfProceeding.load(proceeding.id);
  }
}
