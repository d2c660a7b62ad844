import { badInput, badInputs, conflict, notFound } from '../../../platform/errors';
import { isChildOn } from './age';
import { checkAll, countryCode, dateTime, languageCode, languageCodes, localDate, newId, nonEmptyList, recordId, text } from '../../common/validate';
import { identityHash, newCaseReference } from './identity';
import { INDICATOR_BY_CODE } from './ilo-indicators';
import { type VictimContext, dayOf } from '../models';
import { MAX_SCREENINGS } from './screening';
import { VictimStatus } from '../schema/vocabulary';
import type { RecordScreeningInput, RegisterVictimInput, StartRecoveryPeriodInput } from '../schema/inputs';

const PHONE = /^\+[1-9]\d{6,14}$/;
export const MIN_RECOVERY_DAYS = 30;

function notInFuture(value: Date, now: Date, field: string): Date {
  if (value.getTime() > now.getTime() + 60_000) throw badInput(field, 'must not be in the future');
  return value;
}

/** A phone number as the record keeps it: international (E.164), spaces and dashes dropped. */
export function phoneNumber(value: string, field: string): string {
  const phone = value.replace(/[\s-]/g, '');
  if (!PHONE.test(phone)) throw badInput(field, 'must be an international number such as +4915112345678');
  return phone;
}

/** A date of birth: a calendar date, not in the future, not before 1900. */
function dateOfBirthOf(value: string, now: Date, field: string): string {
  const day = localDate(value, field);
  if (new Date(`${day}T00:00:00Z`) > now) throw badInput(field, 'must not be in the future');
  if (day < '1900-01-01') throw badInput(field, 'must not be before 1900-01-01');
  return day;
}

/** Checks everything first (every wrong field in one answer), then writes once: a bad field leaves no record behind. */
export async function registerVictim(ctx: VictimContext, input: RegisterVictimInput) {
  const caller = ctx.caller!;
  const { legalName, dateOfBirth, nationality, contactPhone, interpretationLanguage, languages, currentLocality, disabilityNeeds } = await checkAll({
    legalName: () => text(input.legalName, 'input.legalName', { max: 200 }),
    dateOfBirth: () => (input.dateOfBirth ? dateOfBirthOf(input.dateOfBirth, ctx.now, 'input.dateOfBirth') : null),
    nationality: () => countryCode(input.nationality, 'input.nationality'),
    contactPhone: () => (input.contactPhone ? phoneNumber(input.contactPhone, 'input.contactPhone') : null),
    interpretationLanguage: () => (input.interpretationLanguage ? languageCode(input.interpretationLanguage, 'input.interpretationLanguage') : null),
    languages: () => languageCodes(input.languages, 'input.languages'),
    currentLocality: () => (input.currentLocality ? text(input.currentLocality, 'input.currentLocality', { max: 200 }) : null),
    disabilityNeeds: () => (input.disabilityNeeds ?? []).map((need, i) => text(need, `input.disabilityNeeds[${i}]`, { max: 200 })),
  });

  const hash = identityHash(ctx.models.identityKey, legalName, dateOfBirth, nationality);
  const record = {
    caseReference: newCaseReference(caller.jurisdiction, ctx.now),
    jurisdiction: caller.jurisdiction,
    status: VictimStatus.PRESUMED,
    gender: input.gender,
    nationality,
    languages,
    ageGroup: dateOfBirth ? null : input.ageGroup ?? null,
    legalName,
    dateOfBirth,
    contactPhone,
    currentLocality,
    vulnerabilities: input.vulnerabilities ?? [],
    interpretationLanguage,
    disabilityNeeds,
    nonPunishmentProtection: input.nonPunishmentProtection ?? false,
    screenings: [],
    recoveryPeriod: null,
    identityHash: hash,
    counted: { childAtRegistration: isChildOn({ dateOfBirth, ageGroup: input.ageGroup }, ctx.now), identifiedOn: null },
    sharedWith: [],
    registeredBy: caller.sub,
    registeredAt: ctx.now,
  };
  const _id = newId();
  const given = Object.entries(input).filter(([, value]) => value !== undefined && value !== null);
  const register = async () => {
    const found = hash ? await ctx.models.victims.loaderBySet('identityHash').load(hash) : [];
    const created = await ctx.audit.change('REGISTER', 'Victim', _id, given.map(([field]) => field).sort(), () => ctx.models.victims.create({ ...record, _id }));
    return { created, found };
  };
  // Registrations of one person take turns (in any process): the later one always learns of the earlier.
  const { created: victim, found: matches } = hash ? await ctx.models.victims.lists.exclusive(`victims/identity=${hash}`, register) : await register();
  // Telling the registrar that a record exists elsewhere is a disclosure about that
  // victim (Directive 2016/680 Art. 25): it goes into that victim's trail.
  for (const match of matches) ctx.audit.noteEvent('DUPLICATE_MATCH_DISCLOSED', 'Victim', String(match._id), ['caseReference', 'jurisdiction']);
  return {
    victim,
    possibleDuplicates: matches.map((m) => ({ jurisdiction: m.jurisdiction, caseReference: m.caseReference })),
  };
}

/** Appends a screening to the record's history (the earlier ones stay: `screenings`). */
export async function recordScreening(ctx: VictimContext, victimId: string, input: RecordScreeningInput) {
  const id = recordId(victimId, 'victimId');
  const checked = await checkAll({
    indicatorCodes: () => {
      const codes = nonEmptyList(input.observedIndicators, 'input.observedIndicators', 100);
      const unknown = codes.flatMap((code, i) => (INDICATOR_BY_CODE.has(code) ? [] : [{ path: `input.observedIndicators[${i}]`, message: `${JSON.stringify(code)} is not an ILO indicator code` }]));
      if (unknown.length > 0) throw badInputs(unknown);
      return [...new Set(codes)];
    },
    screenedAt: () => notInFuture(input.screenedAt != null ? dateTime(input.screenedAt, 'input.screenedAt') : ctx.now, ctx.now, 'input.screenedAt'),
    assessor: () => text(input.assessor, 'input.assessor', { max: 200 }),
    formVersion: () => text(input.formVersion, 'input.formVersion', { max: 50 }),
  });
  const screening = { ...checked, recordedBy: ctx.caller!.sub, recordedAt: ctx.now };
  return ctx.audit.change('SCREENING_RECORDED', 'Victim', victimId, ['screenings'], async () => {
    const changed = await ctx.models.victims.update(id, (victim) => {
      refuseIfClosed(victim);
      if (victim.screenings.length >= MAX_SCREENINGS) throw conflict(`This victim's record holds ${MAX_SCREENINGS} screenings, the most it keeps`, 'victimId');
      return { screenings: [...victim.screenings, screening] };
    });
    if (!changed) throw notFound('Victim', victimId);
    return changed;
  });
}

/** A closed record keeps its data as it was until its retention ends: nothing is added or changed (CONFLICT). */
export function refuseIfClosed(victim: { status: string } | null | undefined): void {
  if (victim?.status === VictimStatus.CLOSED) throw conflict('victimId: this victim’s record is CLOSED: its data is kept as it was until the retention period ends', 'victimId');
}

export async function startRecoveryPeriod(ctx: VictimContext, victimId: string, input: StartRecoveryPeriodInput) {
  const id = recordId(victimId, 'victimId');
  const { days, startsOn } = await checkAll({
    days: () => {
      const days = input.days ?? MIN_RECOVERY_DAYS;
      if (!Number.isInteger(days) || days < MIN_RECOVERY_DAYS) throw badInput('input.days', `must be at least ${MIN_RECOVERY_DAYS} (Council of Europe Convention, Art. 13)`);
      if (days > 365) throw badInput('input.days', 'must be at most 365');
      return days;
    },
    startsOn: () => (input.startsOn ? localDate(input.startsOn, 'input.startsOn') : dayOf(ctx.now)),
  });
  const end = new Date(`${startsOn}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + days);
  const recoveryPeriod = { startsOn, endsOn: dayOf(end), days, grantedBy: ctx.caller!.sub };
  return ctx.audit.change('RECOVERY_PERIOD_STARTED', 'Victim', victimId, ['recoveryPeriod', 'status'], async () => {
    // The period is a presumed victim's; an identified one keeps her status, a closed record is not reopened.
    const changed = await ctx.models.victims.update(id, (victim) => {
      refuseIfClosed(victim);
      return victim.status === VictimStatus.PRESUMED ? { recoveryPeriod, status: VictimStatus.IN_RECOVERY_PERIOD } : { recoveryPeriod };
    });
    if (!changed) throw notFound('Victim', victimId);
    return changed;
  });
}
