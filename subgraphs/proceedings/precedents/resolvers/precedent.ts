import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../../common/audited';
import { visibleOrNull } from '../../../common/access';
import type { Entity } from '../../../common/storage';
import type { ProceedingContext, ProceedingRecord } from '../../models';
import { proceedingAccess } from '../../access';
import { Proceeding } from '../../schema/proceeding';
import { languageOf, precedentByEcli, type PrecedentRecord } from '../models';
import { correctPrecedent, publishPrecedent, withdrawPrecedent } from '../domain/publication';
import { MIN_VICTIMS_FOR_PROFILE, publishedProfile } from '../domain/publishing';
import { precedentChanges, searchPrecedents } from '../domain/search';
import { PrecedentChanges } from '../schema/changes';
import { CorrectPrecedentInput, PrecedentKeywordsInput, ProvisionFilter, PublishPrecedentInput } from '../schema/inputs';
import { PartyProfile, Precedent, Provision } from '../schema/precedent';
import { PrecedentConnection } from '../schema/search';
import { CourtType, LegalIssue } from '../schema/vocabulary';

type PrecedentDoc = Entity<PrecedentRecord>;

@Resolver(() => Precedent)
export class PrecedentResolver {
  @Query(() => Precedent, { nullable: true, description: 'A precedent by its ECLI (withdrawn ones too); public, no token needed' })
  precedent(@Arg('ecli', () => String) ecli: string, @Ctx() ctx: ProceedingContext): Promise<PrecedentDoc | null> {
    return precedentByEcli(ctx, ecli);
  }

  @Query(() => PrecedentConnection, {
    description:
      'Published precedents (not withdrawn); public, no token needed. With `search`: a query of words (all of them), "phrases", OR, -excluded and parentheses, read in `searchLanguage` or else in every language of the region (en, de, it, el, sq, sr); a precedent is found by its text in its own language (stemmed; accents, and Serbian Cyrillic or Latin, alike) and by its keywords\' labels in any of them; ranked by relevance, each edge with a score, highlights and what matched. Without: newest decision first. Filters combine: every keyword, legal issue and provision given must be present.',
  })
  precedents(
    @Ctx() ctx: ProceedingContext,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('searchLanguage', () => String, { nullable: true, description: 'ISO 639-1: read the query in this language only (default: in every language of the region)' }) searchLanguage?: string,
    @Arg('provision', () => ProvisionFilter, { nullable: true }) provision?: ProvisionFilter,
    @Arg('keywords', () => PrecedentKeywordsInput, { nullable: true }) keywords?: PrecedentKeywordsInput,
    @Arg('legalIssues', () => [LegalIssue], { nullable: true }) legalIssues?: LegalIssue[],
    @Arg('jurisdiction', () => String, { nullable: true }) jurisdiction?: string,
    @Arg('courtType', () => CourtType, { nullable: true }) courtType?: CourtType,
    @Arg('decidedFrom', () => String, { nullable: true, description: 'YYYY-MM-DD, inclusive' }) decidedFrom?: string,
    @Arg('decidedTo', () => String, { nullable: true, description: 'YYYY-MM-DD, inclusive' }) decidedTo?: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return searchPrecedents(ctx, { search, searchLanguage, provision, keywords, legalIssues, jurisdiction, courtType, decidedFrom, decidedTo, first, after });
  }

  @Query(() => PrecedentChanges, {
    description:
      'Every precedent published, corrected or withdrawn after the cursor `since` (null: from the start), oldest change first, each at its latest change; public, no token needed. Keep `cursor` and ask again: replaying from null gives every precedent exactly once.',
  })
  precedentChanges(
    @Ctx() ctx: ProceedingContext,
    @Arg('since', () => String, { nullable: true }) since?: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first?: number,
  ) {
    return precedentChanges(ctx, since, first);
  }

  @Audited('PRECEDENT_PUBLISHED')
  @Mutation(() => Precedent, {
    description:
      "Publishes a decision of a CLOSED proceeding as a precedent (a judge of the proceeding's jurisdiction). The parties' profiles are derived from the proceeding (the victims' is withheld below 5 victims); any published text naming a defendant's alias or one of `namesToExclude`, however written, is refused.",
  })
  publishPrecedent(@Arg('proceedingId', () => ID) proceedingId: string, @Arg('input', () => PublishPrecedentInput) input: PublishPrecedentInput, @Ctx() ctx: ProceedingContext) {
    return publishPrecedent(ctx, proceedingId, input);
  }

  @Audited('PRECEDENT_CORRECTED')
  @Mutation(() => Precedent, { description: 'Corrects a published precedent (a judge of its jurisdiction), with a reason published alongside; fields left out stay' })
  correctPrecedent(@Arg('ecli', () => String) ecli: string, @Arg('input', () => CorrectPrecedentInput) input: CorrectPrecedentInput, @Ctx() ctx: ProceedingContext) {
    return correctPrecedent(ctx, ecli, input);
  }

  @Audited('PRECEDENT_WITHDRAWN')
  @Mutation(() => Precedent, { description: 'Withdraws a precedent (a judge of its jurisdiction): no longer found by search; its ECLI and the change feed say it was withdrawn and why' })
  withdrawPrecedent(
    @Arg('ecli', () => String) ecli: string,
    @Arg('reason', () => String, { description: 'Published with the precedent: without names' }) reason: string,
    @Ctx() ctx: ProceedingContext,
    @Arg('namesToExclude', () => [String], { nullable: true, defaultValue: [], description: 'Names that must not appear in the reason; never stored' }) names?: string[],
  ) {
    return withdrawPrecedent(ctx, ecli, reason, names);
  }

  @FieldResolver(() => String)
  language(@Root() precedent: PrecedentDoc): string {
    return languageOf(precedent);
  }

  @FieldResolver(() => [Provision])
  provisions(@Root() precedent: PrecedentDoc) {
    return precedent.provisions ?? [];
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
