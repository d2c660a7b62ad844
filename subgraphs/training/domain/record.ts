import { badInput } from '../../../platform/errors';
import type { Entity } from '../../common/storage';
import { checkAll, countryCode, localDate, newId, text, validOrUndefined } from '../../common/validate';
import { programOfModule } from './bodies';
import { addMonths, today } from './calendar';
import { practitionerNamed } from './practitioners';
import { refuseIfRetired } from './programs';
import type { CompletionRecord, ExchangeVisitRecord, PractitionerRecord, TrainingContext } from '../models';
import { PractitionerRole } from '../schema/vocabulary';

/**
 * A practitioner's training record: completions of modules, judges' exchange visits, and
 * the continuing professional development hours they add up to.
 */

export interface CompletionInput {
  completedOn: string;
  score: number;
  assessor: string;
}

/** A module completed: passed with at least the program's passing score (a failed attempt is kept too). */
export async function recordCompletion(ctx: TrainingContext, practitionerId: string, moduleCode: string, input: CompletionInput): Promise<Entity<CompletionRecord>> {
  const practitioner = await practitionerNamed(ctx, practitionerId);
  const { program, module } = await programOfModule(ctx, moduleCode, 'moduleCode');
  refuseIfRetired(program, 'moduleCode', 'completions');
  const { completedOn, assessor } = await checkAll({
    completedOn: () => {
      const completedOn = localDate(input.completedOn, 'input.completedOn');
      if (completedOn > today(ctx.now)) throw badInput('input.completedOn', 'is in the future');
      return completedOn;
    },
    score: () => {
      if (!Number.isInteger(input.score) || input.score < 0 || input.score > 100) throw badInput('input.score', 'must be a whole number from 0 to 100');
    },
    assessor: () => text(input.assessor, 'input.assessor', { max: 200 }),
  });
  const record: Omit<CompletionRecord, '_listed'> = {
    _id: newId(),
    practitionerId: practitioner.id,
    programCode: program.id,
    moduleCode: module.code,
    bodyId: program.bodyId,
    hours: module.hours,
    competency: module.competency,
    completedOn,
    score: input.score,
    passed: input.score >= program.passingScore,
    assessor,
    recordedAt: ctx.now,
    recordedBy: ctx.caller!.sub,
  };
  return ctx.audit.change('COMPLETION_RECORDED', 'Practitioner', practitioner.id, ['completions'], () => ctx.models.completions.create(record));
}

export interface ExchangeVisitInput {
  hostCourt: string;
  hostJurisdiction: string;
  from: string;
  to: string;
  hours: number;
}

/** A judge's visit to a court of a sister jurisdiction: observed hours count as CPD. */
export async function recordExchangeVisit(ctx: TrainingContext, practitionerId: string, input: ExchangeVisitInput): Promise<Entity<ExchangeVisitRecord>> {
  const practitioner = await practitionerNamed(ctx, practitionerId);
  if (practitioner.role !== PractitionerRole.JUDGE) throw badInput('practitionerId', 'exchange visits are recorded for judges');
  const v = await checkAll({
    hostCourt: () => text(input.hostCourt, 'input.hostCourt', { max: 200 }),
    hostJurisdiction: () => {
      const host = countryCode(input.hostJurisdiction, 'input.hostJurisdiction');
      if (host === practitioner.jurisdiction) throw badInput('input.hostJurisdiction', "must be another jurisdiction than the judge's own");
      return host;
    },
    from: () => localDate(input.from, 'input.from'),
    to: () => {
      const to = localDate(input.to, 'input.to');
      const from = validOrUndefined(() => localDate(input.from, 'input.from'));
      if (from && to < from) throw badInput('input.to', 'is before from');
      if (to > today(ctx.now)) throw badInput('input.to', 'is in the future: a visit is recorded once it took place');
      return to;
    },
    hours: () => {
      const from = validOrUndefined(() => localDate(input.from, 'input.from'));
      const to = validOrUndefined(() => localDate(input.to, 'input.to'));
      const most = from && to ? ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1) * 10 : Infinity;
      if (!(input.hours > 0) || input.hours > most) throw badInput('input.hours', `must be more than 0 and at most 10 a day${Number.isFinite(most) ? ` (${most} for this visit)` : ''}`);
    },
  });
  const { hostJurisdiction, from, to } = v;
  const record: Omit<ExchangeVisitRecord, '_listed'> = {
    _id: newId(),
    practitionerId: practitioner.id,
    hostCourt: v.hostCourt,
    hostJurisdiction,
    from,
    to,
    hours: input.hours,
    recordedAt: ctx.now,
    recordedBy: ctx.caller!.sub,
  };
  return ctx.audit.change('EXCHANGE_VISIT_RECORDED', 'Practitioner', practitioner.id, ['exchangeVisits'], () => ctx.models.exchangeVisits.create(record));
}

export const MAX_CPD_MONTHS = 120;

/** Hours of passed modules completed, and of exchange visits ended, in the last `months` months (the request's clock). */
export async function cpdHours(ctx: TrainingContext, practitioner: Entity<PractitionerRecord>, months: number): Promise<number> {
  if (!Number.isInteger(months) || months < 1 || months > MAX_CPD_MONTHS) throw badInput('months', `must be a whole number from 1 to ${MAX_CPD_MONTHS}`);
  const since = addMonths(today(ctx.now), -months);
  const [completions, visits] = await Promise.all([ctx.loaders.completionsOf.load(practitioner.id), ctx.loaders.exchangeVisitsOf.load(practitioner.id)]);
  const hours =
    completions.filter((c) => c.passed && c.completedOn > since).reduce((sum, c) => sum + c.hours, 0) +
    visits.filter((v) => v.to > since).reduce((sum, v) => sum + v.hours, 0);
  return Math.round(hours * 10) / 10;
}
