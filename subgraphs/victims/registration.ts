import { badInput, notFound } from '../../platform/errors';
import { countryCode, dateTime, languageCode, languageCodes, localDate, newId, nonEmptyList, recordId, text } from '../common/validate';
import { identityHash, newCaseReference } from './identity';
import { INDICATOR_BY_CODE } from './ilo-indicators';
import type { VictimContext } from './loaders';
import type { VictimRecord } from './models';
import { VictimStatus } from './types/enums';
import type { RecordScreeningInput, RegisterVictimInput, StartRecoveryPeriodInput } from './types/inputs';

const PHONE = /^\+[1-9]\d{6,14}$/;
export const MIN_RECOVERY_DAYS = 30;

function notInFuture(value: Date, now: Date, field: string): Date {
  if (value.getTime() > now.getTime() + 60_000) throw badInput(field, 'must not be in the future');
  return value;
}

/** Checks everything first, then writes once: a bad field leaves no record behind. */
export async function registerVictim(ctx: VictimContext, input: RegisterVictimInput) {
  const caller = ctx.caller!;
  const legalName = text(input.legalName, 'input.legalName', { max: 200 });
  const dateOfBirth = input.dateOfBirth ? localDate(input.dateOfBirth, 'input.dateOfBirth') : null;
  if (dateOfBirth && new Date(`${dateOfBirth}T00:00:00Z`) > ctx.now) throw badInput('input.dateOfBirth', 'must not be in the future');
  if (dateOfBirth && dateOfBirth < '1900-01-01') throw badInput('input.dateOfBirth', 'must not be before 1900-01-01');
  const nationality = countryCode(input.nationality, 'input.nationality');
  const contactPhone = input.contactPhone ? input.contactPhone.replace(/[\s-]/g, '') : null;
  if (contactPhone && !PHONE.test(contactPhone)) throw badInput('input.contactPhone', 'must be an international number such as +4915112345678');
  const interpretationLanguage = input.interpretationLanguage ? languageCode(input.interpretationLanguage, 'input.interpretationLanguage') : null;

  const hash = identityHash(ctx.models.identityKey, legalName, dateOfBirth, nationality);
  const record = {
    caseReference: newCaseReference(caller.jurisdiction, ctx.now),
    jurisdiction: caller.jurisdiction,
    status: VictimStatus.PRESUMED,
    gender: input.gender,
    nationality,
    languages: languageCodes(input.languages, 'input.languages'),
    ageGroup: dateOfBirth ? null : input.ageGroup ?? null,
    legalName,
    dateOfBirth,
    contactPhone,
    currentLocality: input.currentLocality ? text(input.currentLocality, 'input.currentLocality', { max: 200 }) : null,
    vulnerabilities: input.vulnerabilities ?? [],
    interpretationLanguage,
    disabilityNeeds: (input.disabilityNeeds ?? []).map((need, i) => text(need, `input.disabilityNeeds[${i}]`, { max: 200 })),
    nonPunishmentProtection: input.nonPunishmentProtection ?? false,
    screenings: [],
    recoveryPeriod: null,
    identityHash: hash,
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

export async function recordScreening(ctx: VictimContext, victimId: string, input: RecordScreeningInput) {
  const id = recordId(victimId, 'victimId');
  const codes = nonEmptyList(input.observedIndicators, 'input.observedIndicators', 100);
  codes.forEach((code, i) => {
    if (!INDICATOR_BY_CODE.has(code)) throw badInput(`input.observedIndicators[${i}]`, `${JSON.stringify(code)} is not an ILO indicator code`);
  });
  const screening = {
    screenedAt: notInFuture(input.screenedAt != null ? dateTime(input.screenedAt, 'input.screenedAt') : ctx.now, ctx.now, 'input.screenedAt'),
    assessor: text(input.assessor, 'input.assessor', { max: 200 }),
    formVersion: text(input.formVersion, 'input.formVersion', { max: 50 }),
    indicatorCodes: [...new Set(codes)],
    recordedBy: ctx.caller!.sub,
  };
  const updated = await ctx.audit.change('SCREENING_RECORDED', 'Victim', victimId, ['screening'], async () => {
    const changed = await ctx.models.victims.update(id, (victim) => ({ screenings: [...victim.screenings, screening] }));
    if (!changed) throw notFound('Victim', victimId);
    return changed;
  });
  return updated;
}

export async function startRecoveryPeriod(ctx: VictimContext, victimId: string, input: StartRecoveryPeriodInput) {
  const id = recordId(victimId, 'victimId');
  const days = input.days ?? MIN_RECOVERY_DAYS;
  if (!Number.isInteger(days) || days < MIN_RECOVERY_DAYS) {
    throw badInput('input.days', `must be at least ${MIN_RECOVERY_DAYS} (Council of Europe Convention, Art. 13)`);
  }
  if (days > 365) throw badInput('input.days', 'must be at most 365');
  const startsOn = input.startsOn ? localDate(input.startsOn, 'input.startsOn') : ctx.now.toISOString().slice(0, 10);
  const end = new Date(`${startsOn}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + days);
  const recoveryPeriod = { startsOn, endsOn: end.toISOString().slice(0, 10), days, grantedBy: ctx.caller!.sub };
  const updated = await ctx.audit.change('RECOVERY_PERIOD_STARTED', 'Victim', victimId, ['recoveryPeriod', 'status'], async () => {
    const changed = await ctx.models.victims.update(id, { recoveryPeriod, status: VictimStatus.IN_RECOVERY_PERIOD });
    if (!changed) throw notFound('Victim', victimId);
    return changed;
  });
  return updated;
}
