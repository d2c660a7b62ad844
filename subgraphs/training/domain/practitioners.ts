import { badInput, notFound } from '../../../platform/errors';
import type { Entity } from '../../common/storage';
import { checkAll, countryCode, localDate, newId, recordId, text, validOrUndefined } from '../../common/validate';
import { sameRegion } from '../access';
import { programOfModule } from './bodies';
import { refuseIfRetired } from './programs';
import type { CompletionRecord, ExchangeVisitRecord, PractitionerRecord, TrainingContext } from '../models';
import { PractitionerRole } from '../schema/vocabulary';

/**
 * Practitioners and their training record: registration, completions of modules, judges'
 * exchange visits, and the continuing professional development hours they add up to.
 */

type PractitionerDoc = Entity<PractitionerRecord>;

export const today = (now: Date) => now.toISOString().slice(0, 10);

/** A calendar day `months` later (earlier, when negative); the 31st becomes the month's last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A practitioner by id: BAD_USER_INPUT naming the field for a malformed id, NOT_FOUND for one nobody has. */
export async function practitionerNamed(ctx: TrainingContext, id: unknown, field = 'practitionerId'): Promise<PractitionerDoc> {
  const wanted = recordId(id, field);
  const practitioner = await ctx.loaders.practitioner.load(wanted);
  if (!practitioner) throw notFound('Practitioner', wanted);
  return practitioner;
}

/**
 * The practitioner whose training record the caller keeps: an accreditation officer of
 * her jurisdiction, or of a region that holds it. Anyone else is answered exactly as for
 * an id nobody has (NOT_FOUND, as common/access.ts `visibleOrNotFound` words it), so a
 * write cannot probe which practitioners another region keeps.
 */
export async function practitionerKeptBy(ctx: TrainingContext, id: unknown, field = 'practitionerId'): Promise<PractitionerDoc> {
  const practitioner = await practitionerNamed(ctx, id, field);
  const caller = ctx.caller!;
  if (caller.role === 'accreditation_officer' && (caller.jurisdiction === practitioner.jurisdiction || (await sameRegion(ctx, caller.jurisdiction, practitioner.jurisdiction)))) return practitioner;
  throw notFound('Practitioner', practitioner.id);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface PractitionerInput {
  name: string;
  role: PractitionerRole;
  organization: string;
  email: string;
  subject: string;
  subjectIssuer?: string | null;
}

/**
 * Registers a practitioner in the officer's own jurisdiction, with the issuer and subject
 * of her own tokens (the issuer is the officer's unless given). One record per sign-in
 * and jurisdiction, so that her own record is one.
 */
export async function registerPractitioner(ctx: TrainingContext, input: PractitionerInput): Promise<PractitionerDoc> {
  const caller = ctx.caller!;
  const v = await checkAll({
    name: () => text(input.name, 'input.name', { max: 200 }),
    organization: () => text(input.organization, 'input.organization', { max: 200 }),
    email: () => {
      const email = text(input.email, 'input.email', { max: 200 });
      if (!EMAIL.test(email)) throw badInput('input.email', 'is not an email address');
      return email;
    },
    subject: () => text(input.subject, 'input.subject', { max: 200 }),
    subjectIssuer: () => (input.subjectIssuer == null ? caller.issuer : text(input.subjectIssuer, 'input.subjectIssuer', { max: 200 })),
  });
  const namesake = (await ctx.loaders.practitionersWithSubject.load(v.subject)).find((p) => p.subjectIssuer === v.subjectIssuer && p.jurisdiction === caller.jurisdiction);
  if (namesake) throw badInput('input.subject', `a practitioner of ${caller.jurisdiction} already signs in with this subject of ${v.subjectIssuer}`);
  const record = {
    _id: newId(),
    ...v,
    role: input.role,
    jurisdiction: caller.jurisdiction,
    registeredAt: ctx.now,
    registeredBy: caller.sub,
  };
  return ctx.audit.change('PRACTITIONER_REGISTERED', 'Practitioner', record._id, ['name', 'role', 'organization', 'email', 'subject', 'subjectIssuer'], () =>
    ctx.models.practitioners.create(record),
  );
}

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
export async function cpdHours(ctx: TrainingContext, practitioner: PractitionerDoc, months: number): Promise<number> {
  if (!Number.isInteger(months) || months < 1 || months > MAX_CPD_MONTHS) throw badInput('months', `must be a whole number from 1 to ${MAX_CPD_MONTHS}`);
  const since = addMonths(today(ctx.now), -months);
  const [completions, visits] = await Promise.all([ctx.loaders.completionsOf.load(practitioner.id), ctx.loaders.exchangeVisitsOf.load(practitioner.id)]);
  const hours =
    completions.filter((c) => c.passed && c.completedOn > since).reduce((sum, c) => sum + c.hours, 0) +
    visits.filter((v) => v.to > since).reduce((sum, v) => sum + v.hours, 0);
  return Math.round(hours * 10) / 10;
}
