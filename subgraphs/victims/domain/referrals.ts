import { badInput, badInputs, conflict, forbidden, notFound } from '../../../platform/errors';
import { visibleOrNotFound } from '../../common/access';
import type { Entity } from '../../common/storage';
import { newestFirstPageOf } from '../../common/storage';
import { checkAll, countryCode, languageCodes, localDate, newId, recordId, text } from '../../common/validate';
import { INDICATOR_BY_CODE } from './ilo-indicators';
import type { VictimContext, VictimRecord, ReferralRecord } from '../models';
import { registerVictim } from './registration';
import { AgeGroup, Gender } from '../schema/vocabulary';
import { referralAccess, victimAccess } from '../access';
import { AcceptReferralInput, ReferralStatus, SubmitReferralInput } from '../schema/referral';

/**
 * Referrals in a national referral mechanism: a first responder's system or the police
 * refers a presumed victim with what it takes to find and register the person; a social
 * worker of the jurisdiction accepts it into a registration (registerVictim, with its
 * duplicate check) or declines it with a reason the referrer reads.
 */

type ReferralDoc = Entity<ReferralRecord>;

const optionalText = (value: string | null | undefined, field: string, max: number) => (value == null ? null : text(value, field, { max }));

/** A date of birth: a calendar date, not in the future, not before 1900. */
function birthDate(value: string, now: Date, field: string): string {
  const date = localDate(value, field);
  if (new Date(`${date}T00:00:00Z`) > now) throw badInput(field, 'must not be in the future');
  if (date < '1900-01-01') throw badInput(field, 'must not be before 1900-01-01');
  return date;
}

/** ILO indicator codes (iloIndicators), every unknown one named. */
function indicatorCodes(values: string[], field: string): string[] {
  const wrong = values.flatMap((code, i) => (INDICATOR_BY_CODE.has(code) ? [] : [{ path: `${field}[${i}]`, message: `${JSON.stringify(code)} is not an ILO indicator code` }]));
  if (wrong.length > 0) throw badInputs(wrong);
  if (values.length > 100) throw badInput(field, 'must list at most 100 values');
  return [...new Set(values)];
}

export async function submitReferral(ctx: VictimContext, input: SubmitReferralInput): Promise<ReferralDoc> {
  const caller = ctx.caller!;
  // The referral answers to its organisation: without one, nobody could read its outcome.
  if (!caller.org) throw forbidden('A referral is made for an organisation: the token carries no org claim');
  const v = await checkAll({
    name: () => optionalText(input.name, 'input.name', 200),
    alias: () => optionalText(input.alias, 'input.alias', 200),
    named: () => {
      if (input.name == null && input.alias == null) throw badInput('input.name', 'give the name or an alias of the person');
    },
    dateOfBirth: () => (input.dateOfBirth == null ? null : birthDate(input.dateOfBirth, ctx.now, 'input.dateOfBirth')),
    nationality: () => countryCode(input.nationality, 'input.nationality'),
    languages: () => languageCodes(input.languages, 'input.languages'),
    locality: () => optionalText(input.locality, 'input.locality', 200),
    indicators: () => indicatorCodes(input.indicators ?? [], 'input.indicators'),
    safeContact: () => optionalText(input.safeContact, 'input.safeContact', 500),
    note: () => optionalText(input.note, 'input.note', 2000),
    sourceReference: () => optionalText(input.sourceReference, 'input.sourceReference', 100),
  });
  const _id = newId();
  const record: Omit<ReferralRecord, '_listed'> = {
    _id,
    jurisdiction: caller.jurisdiction,
    sourceOrganisation: caller.org,
    sourceReference: v.sourceReference,
    submittedBy: caller.sub,
    submittedAt: ctx.now,
    urgency: input.urgency,
    name: v.name,
    alias: v.alias,
    dateOfBirth: v.dateOfBirth,
    ageGroup: v.dateOfBirth ? null : (input.ageGroup ?? null),
    nationality: v.nationality,
    gender: input.gender,
    languages: v.languages,
    locality: v.locality,
    indicatorCodes: v.indicators,
    safeContact: v.safeContact,
    note: v.note,
    status: ReferralStatus.SUBMITTED,
    decidedBy: null,
    decidedAt: null,
    declineReason: null,
    victimId: null,
  };
  const given = Object.entries(input).filter(([, value]) => value !== undefined && value !== null).map(([field]) => field).sort();
  return ctx.audit.change('REFERRAL_SUBMITTED', 'Referral', _id, given, () => ctx.models.referrals.create(record));
}

/** A referral the caller may know of, by id; else NOT_FOUND as for an unknown id. */
async function knownReferral(ctx: VictimContext, referralId: string): Promise<ReferralDoc> {
  return visibleOrNotFound(referralAccess, ctx, await ctx.loaders.referral.load(recordId(referralId, 'referralId')), referralId);
}

function undecidable(status: string) {
  return conflict(`This referral is ${status} already: only a SUBMITTED referral is accepted or declined`, 'referralId');
}

/** A registration of the caller's own jurisdiction to link a referral to (a duplicate found earlier). */
async function victimToLink(ctx: VictimContext, victimId: string): Promise<Entity<VictimRecord>> {
  const victim = await visibleOrNotFound(victimAccess, ctx, await ctx.loaders.victim.load(recordId(victimId, 'input.existingVictimId')), victimId);
  if (victim.jurisdiction !== ctx.caller!.jurisdiction) throw badInput('input.existingVictimId', `is a registration of ${victim.jurisdiction}: link only to a registration of ${ctx.caller!.jurisdiction}`);
  return victim;
}

/**
 * What an accepted referral no longer keeps: from then on the registration holds the
 * person's data, one copy under its retention and erasure (what a screening needs is
 * recorded there). Age group, nationality, gender and languages stay: CASE data.
 */
const HELD_BY_REGISTRATION = { name: null, alias: null, dateOfBirth: null, locality: null, indicatorCodes: [] as string[], safeContact: null, note: null };

/**
 * Accepts a SUBMITTED referral: registers the person through registerVictim (its duplicate
 * check included) or links an existing registration of the jurisdiction. The registration
 * runs under the referral's lock, so of two concurrent decisions exactly one is applied
 * and the other answers CONFLICT; a registration that fails leaves the referral SUBMITTED.
 */
export async function acceptReferral(ctx: VictimContext, referralId: string, input: AcceptReferralInput) {
  const referral = await knownReferral(ctx, referralId);
  const v = await checkAll({
    existing: () => (input.existingVictimId == null ? null : victimToLink(ctx, input.existingVictimId)),
    legalName: () => {
      if (input.legalName != null) return text(input.legalName, 'input.legalName', { max: 200 });
      if (referral.name || input.existingVictimId != null) return referral.name;
      throw badInput('input.legalName', 'the referral gives only an alias: give the legal name to register the person');
    },
  });
  if (referral.status !== ReferralStatus.SUBMITTED) throw undecidable(referral.status);
  // Set under the referral's lock by the one decision that is applied.
  let outcome: { victim: Entity<VictimRecord>; possibleDuplicates: Array<{ jurisdiction: string; caseReference: string }> } | null = null;
  const fields = ['decidedAt', 'status', 'victimId', ...Object.keys(HELD_BY_REGISTRATION)].sort();
  const accepted = await ctx.audit.change('REFERRAL_ACCEPTED', 'Referral', referral.id, fields, async () => {
    const changed = await ctx.models.referrals.update(referral.id, async (current) => {
      if (current.status !== ReferralStatus.SUBMITTED) throw undecidable(current.status);
      outcome = v.existing
        ? { victim: v.existing, possibleDuplicates: [] }
        : await registerVictim(ctx, {
            legalName: v.legalName!,
            dateOfBirth: current.dateOfBirth ?? undefined,
            ageGroup: (current.ageGroup as AgeGroup | null) ?? undefined,
            nationality: current.nationality,
            gender: current.gender as Gender,
            languages: current.languages,
            currentLocality: current.locality ?? undefined,
            contactPhone: input.contactPhone ?? undefined,
          });
      return { status: ReferralStatus.ACCEPTED, victimId: outcome.victim.id, decidedBy: ctx.caller!.sub, decidedAt: ctx.now, ...HELD_BY_REGISTRATION };
    });
    if (!changed) throw notFound('Referral', referralId);
    return changed;
  });
  const { victim, possibleDuplicates } = outcome!;
  // The victim's own trail says where its record came from.
  if (v.existing) ctx.audit.noteEvent('REFERRAL_LINKED', 'Victim', victim.id, ['referral']);
  return { referral: accepted, victim, possibleDuplicates };
}

/** Declines a SUBMITTED referral with a reason the referring organisation reads. */
export async function declineReferral(ctx: VictimContext, referralId: string, reason: string): Promise<ReferralDoc> {
  const referral = await knownReferral(ctx, referralId);
  const v = await checkAll({ reason: () => text(reason, 'reason', { max: 1000 }) });
  if (referral.status !== ReferralStatus.SUBMITTED) throw undecidable(referral.status);
  return ctx.audit.change('REFERRAL_DECLINED', 'Referral', referral.id, ['decidedAt', 'declineReason', 'status'], async () => {
    const changed = await ctx.models.referrals.update(referral.id, (current) => {
      if (current.status !== ReferralStatus.SUBMITTED) throw undecidable(current.status);
      return { status: ReferralStatus.DECLINED, declineReason: v.reason, decidedBy: ctx.caller!.sub, decidedAt: ctx.now };
    });
    if (!changed) throw notFound('Referral', referralId);
    return changed;
  });
}

/**
 * The caller's referrals, newest first: a social worker's are her jurisdiction's; a
 * referrer's are those its organisation submitted there.
 */
export async function referralsOf(ctx: VictimContext, args: { status?: ReferralStatus | null; first?: number | null; after?: string | null }) {
  const { jurisdiction, org, role } = ctx.caller!;
  const { referrals } = ctx.models;
  const list =
    role === 'social_worker'
      ? args.status ? referrals.list('jurisdictionStatus', `${jurisdiction}:${args.status}`) : referrals.list('jurisdiction', jurisdiction)
      : args.status ? referrals.list('sourceStatus', `${jurisdiction}:${org}:${args.status}`) : referrals.list('source', `${jurisdiction}:${org}`);
  const page = await newestFirstPageOf({ records: referrals, list }, args);
  for (const { node } of page.edges) ctx.loaders.referral.prime(node.id, node);
  return page;
}
