import { badInput } from '../../../../platform/errors';
import type { Entity } from '../../../common/storage';
import { checkAll, checkEach, languageCode, localDate, text, validOrUndefined } from '../../../common/validate';
import type { ProceedingContext, ProceedingRecord } from '../../models';
import { ProceedingStage } from '../../schema/vocabulary';
import { ecli as parseEcli } from './ecli';
import { precedentByEcli, type PrecedentRecord } from '../models';
import { provisions } from './provisions';
import { checkPublishedTexts, namesToExclude } from './publishing';
import type { CorrectPrecedentInput, PublishPrecedentInput, PrecedentKeywordsInput } from '../schema/inputs';
import { KEYWORD_GROUPS, type KeywordGroups, type LegalIssue } from '../schema/vocabulary';

/**
 * What a judge gives to publish, correct or withdraw a precedent, checked in two passes,
 * each naming every wrong field at once (BAD_USER_INPUT, `extensions.fields`): first the
 * shape of the whole input, then what needs it well-formed (names in the published texts,
 * the cited precedents, an ECLI published already). Nothing is written before both pass.
 */

const MAX_CITES = 50;

/** The pseudonyms of the proceeding's defendants: published text must not carry them either. */
function aliasesOf(proceeding: Entity<ProceedingRecord> | null | undefined): string[] {
  return proceeding?.defendants.map((d) => d.alias) ?? [];
}

function keywordsOf(input: PrecedentKeywordsInput): KeywordGroups {
  return Object.fromEntries(KEYWORD_GROUPS.map((group) => [group, [...new Set<string>(input[group] ?? [])]])) as unknown as KeywordGroups;
}

/** At most MAX_CITES citations (their ECLIs are looked up by citedIds, once the whole input is well-formed). */
function citations(eclis: string[], field: string): string[] {
  if (eclis.length > MAX_CITES) throw badInput(field, `must list at most ${MAX_CITES} precedents`);
  return eclis;
}

/** The cited precedents' ids: each an existing, not withdrawn precedent decided no later than this one; every wrong citation is named. */
async function citedIds(ctx: ProceedingContext, eclis: string[], decidedOn: string, own: string | null, field: string): Promise<string[]> {
  const ids = await checkEach(eclis, async (value, i) => {
    const cited = await precedentByEcli(ctx, value, `${field}[${i}]`);
    if (!cited) throw badInput(`${field}[${i}]`, `no precedent ${value.trim().toUpperCase()} is published here`);
    if (cited.ecli === own) throw badInput(`${field}[${i}]`, 'a precedent cannot cite itself');
    if (cited.withdrawn) throw badInput(`${field}[${i}]`, `${cited.ecli} was withdrawn`);
    if (cited.decidedOn > decidedOn) throw badInput(`${field}[${i}]`, `${cited.ecli} was decided on ${cited.decidedOn}, after this decision (${decidedOn})`);
    return cited.id;
  });
  return [...new Set(ids)];
}

function nonEmptyIssues(issues: LegalIssue[], field: string): LegalIssue[] {
  if (issues.length === 0) throw badInput(field, 'must list at least one legal issue');
  return [...new Set(issues)];
}

/** A publication of a decision of `proceeding`, checked: what the new precedent records of the input. */
export async function checkPublication(ctx: ProceedingContext, proceeding: Entity<ProceedingRecord>, input: PublishPrecedentInput) {
  const today = ctx.now.toISOString().slice(0, 10);
  const given = await checkAll({
    proceedingId: () => {
      if (proceeding.stage !== ProceedingStage.CLOSED) throw badInput('proceedingId', `the proceeding is at ${proceeding.stage}; precedents are published from CLOSED proceedings`);
    },
    ecli: () => {
      const id = parseEcli(input.ecli, 'input.ecli');
      if (id.country !== proceeding.jurisdiction) throw badInput('input.ecli', `its country ${id.country} is not the proceeding's jurisdiction ${proceeding.jurisdiction}`);
      // Compared with decidedOn only when that is a date: else its own entry says what is wrong.
      const decided = validOrUndefined(() => localDate(input.decidedOn, 'input.decidedOn'));
      if (decided !== undefined && Number(decided.slice(0, 4)) !== id.year) throw badInput('input.ecli', `its year ${id.year} is not the year of decidedOn (${decided})`);
      return id;
    },
    decidedOn: () => {
      const decided = localDate(input.decidedOn, 'input.decidedOn');
      if (decided > today) throw badInput('input.decidedOn', 'is in the future');
      return decided;
    },
    court: () => (input.court != null ? text(input.court, 'input.court', { max: 200 }) : proceeding.court),
    language: () => languageCode(input.language, 'input.language'),
    summary: () => text(input.summary, 'input.summary', { max: 5000 }),
    significantFeatures: () => text(input.significantFeatures, 'input.significantFeatures', { max: 3000 }),
    outcome: () => {
      const outcome = input.outcome ?? proceeding.outcome;
      if (outcome == null) throw badInput('input.outcome', 'is required: the proceeding has no recorded outcome');
      return text(outcome, 'input.outcome', { max: 1000 });
    },
    legalIssues: () => nonEmptyIssues(input.legalIssues, 'input.legalIssues'),
    provisions: () => provisions(input.provisions ?? [], 'input.provisions'),
    cites: () => citations(input.cites, 'input.cites'),
    namesToExclude: () => namesToExclude(input.namesToExclude),
  });
  const { ecli: id, decidedOn } = given;
  const texts = { 'input.summary': given.summary, 'input.significantFeatures': given.significantFeatures, 'input.outcome': given.outcome, 'input.court': given.court, 'input.ecli': id.value };
  const { cites } = await checkAll({
    names: () => checkPublishedTexts(texts, { aliases: aliasesOf(proceeding), excluded: given.namesToExclude }),
    ecli: async () => {
      if ((await ctx.loaders.precedentsByEcli.load(id.value)).length > 0) throw badInput('input.ecli', `${id.value} is published already (correctPrecedent changes it)`);
    },
    cites: () => citedIds(ctx, given.cites, decidedOn, id.value, 'input.cites'),
  });
  const { summary, significantFeatures, outcome, court, language, legalIssues } = given;
  return { id, decidedOn, court, language, summary, significantFeatures, outcome, legalIssues, provisions: given.provisions, keywords: keywordsOf(input.keywords), cites };
}

/** A correction of `current`, checked: its reason and the fields it changes (at least one). */
export async function checkCorrection(ctx: ProceedingContext, current: Entity<PrecedentRecord>, input: CorrectPrecedentInput) {
  const given = await checkAll({
    ecli: () => {
      if (current.withdrawn) throw badInput('ecli', `${current.ecli} was withdrawn; it cannot be corrected`);
    },
    reason: () => text(input.reason, 'input.reason', { max: 1000 }),
    input: () => {
      if ([input.summary, input.significantFeatures, input.outcome, input.legalIssues, input.keywords, input.provisions, input.cites].every((v) => v == null)) {
        throw badInput('input', 'changes nothing: give at least one field to correct');
      }
    },
    summary: () => (input.summary != null ? text(input.summary, 'input.summary', { max: 5000 }) : undefined),
    significantFeatures: () => (input.significantFeatures != null ? text(input.significantFeatures, 'input.significantFeatures', { max: 3000 }) : undefined),
    outcome: () => (input.outcome != null ? text(input.outcome, 'input.outcome', { max: 1000 }) : undefined),
    legalIssues: () => (input.legalIssues != null ? nonEmptyIssues(input.legalIssues, 'input.legalIssues') : undefined),
    provisions: () => (input.provisions != null ? provisions(input.provisions, 'input.provisions') : undefined),
    cites: () => (input.cites != null ? citations(input.cites, 'input.cites') : undefined),
    namesToExclude: () => namesToExclude(input.namesToExclude),
  });
  const { reason } = given;
  const proceeding = current.proceedingId ? await ctx.loaders.proceeding.load(current.proceedingId) : null;
  const { cites } = await checkAll({
    names: () =>
      checkPublishedTexts(
        { 'input.summary': given.summary, 'input.significantFeatures': given.significantFeatures, 'input.outcome': given.outcome, 'input.reason': reason },
        { aliases: aliasesOf(proceeding), excluded: given.namesToExclude },
      ),
    cites: () => (given.cites !== undefined ? citedIds(ctx, given.cites, current.decidedOn, current.ecli, 'input.cites') : undefined),
  });
  const change: Partial<PrecedentRecord> = {};
  if (given.summary !== undefined) change.summary = given.summary;
  if (given.significantFeatures !== undefined) change.significantFeatures = given.significantFeatures;
  if (given.outcome !== undefined) change.outcome = given.outcome;
  if (given.legalIssues !== undefined) change.legalIssues = given.legalIssues;
  if (input.keywords != null) change.keywords = keywordsOf(input.keywords);
  if (given.provisions !== undefined) change.provisions = given.provisions;
  if (cites !== undefined) change.cites = cites;
  return { reason, change };
}

/** A withdrawal of `current`, checked: its published reason, naming no one. */
export async function checkWithdrawal(ctx: ProceedingContext, current: Entity<PrecedentRecord>, reason: string, names: string[] | undefined): Promise<string> {
  const given = await checkAll({
    ecli: () => {
      if (current.withdrawn) throw badInput('ecli', `${current.ecli} was withdrawn already`);
    },
    why: () => text(reason, 'reason', { max: 1000 }),
    names: () => namesToExclude(names, 'namesToExclude'),
  });
  const proceeding = current.proceedingId ? await ctx.loaders.proceeding.load(current.proceedingId) : null;
  checkPublishedTexts({ reason: given.why }, { aliases: aliasesOf(proceeding), excluded: given.names });
  return given.why;
}
