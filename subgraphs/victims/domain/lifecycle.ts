import { badInput, conflict, notFound } from '../../../platform/errors';
import { checkAll, languageCodes, localDate, recordId, text } from '../../common/validate';
import { type VictimContext, dayOf, type IdentificationRecord, type VictimRecord } from '../models';
import { phoneNumber, refuseIfClosed } from './registration';
import { VictimStatus } from '../schema/vocabulary';
import type { IdentifyVictimInput, UpdateVictimInput } from '../schema/lifecycle';

/**
 * The record after registration: what changes in a victim's situation (contact, where she
 * stays, her needs, her languages) and her identification. Each is one audited write of
 * the fields it sets, under the record's lock (common/storage/store.ts), checked whole first.
 */

/** The fields `updateVictim` may set, as the Victim type and the audit trail name them. */
export const UPDATABLE_FIELDS = ['contactPhone', 'currentLocality', 'vulnerabilities', 'languages'] as const;
type Updatable = (typeof UPDATABLE_FIELDS)[number];

/**
 * Changes only the fields given (null removes a phone or a locality; a list given replaces
 * the list). A closed record is not changed: its personal data is only kept, then removed.
 */
export async function updateVictim(ctx: VictimContext, victimId: string, input: UpdateVictimInput) {
  const id = recordId(victimId, 'victimId');
  const checks: Partial<Record<Updatable, () => unknown>> = {};
  if (input.contactPhone !== undefined) checks.contactPhone = () => (input.contactPhone === null ? null : phoneNumber(input.contactPhone!, 'input.contactPhone'));
  if (input.currentLocality !== undefined) checks.currentLocality = () => (input.currentLocality === null ? null : text(input.currentLocality, 'input.currentLocality', { max: 200 }));
  if (input.vulnerabilities !== undefined) checks.vulnerabilities = () => [...new Set(input.vulnerabilities ?? [])];
  if (input.languages !== undefined) checks.languages = () => [...new Set(languageCodes(input.languages, 'input.languages'))];
  const fields = Object.keys(checks).sort();
  if (fields.length === 0) throw badInput('input', `must give at least one of ${UPDATABLE_FIELDS.join(', ')}`);
  const change = (await checkAll(checks as Record<string, () => unknown>)) as Partial<VictimRecord>;
  return ctx.audit.change('VICTIM_UPDATED', 'Victim', victimId, fields, async () => {
    const changed = await ctx.models.victims.update(id, (victim) => {
      refuseIfClosed(victim);
      return change;
    });
    if (!changed) throw notFound('Victim', victimId);
    return changed;
  });
}

/** Identified from PRESUMED, or during the recovery period a presumed victim is given before identification is complete (CoE Convention Art. 13). */
const IDENTIFIABLE: string[] = [VictimStatus.PRESUMED, VictimStatus.IN_RECOVERY_PERIOD];
const notPresumed = (status: string) => conflict(`Only a PRESUMED victim (or one in her recovery period) can be identified: this victim is ${status}`, 'victimId');

/**
 * PRESUMED (or IN_RECOVERY_PERIOD) → IDENTIFIED, with the basis, the day and who recorded it. Of two
 * identifications at once, one is applied and the other answers CONFLICT (the status is
 * checked again under the record's lock).
 */
export async function identifyVictim(ctx: VictimContext, victimId: string, input: IdentifyVictimInput) {
  const id = recordId(victimId, 'victimId');
  const today = dayOf(ctx.now);
  const { note, identifiedOn } = await checkAll({
    note: () => (input.note != null ? text(input.note, 'input.note', { max: 500 }) : null),
    identifiedOn: () => {
      const day = input.identifiedOn != null ? localDate(input.identifiedOn, 'input.identifiedOn') : today;
      if (day > today) throw badInput('input.identifiedOn', 'must not be in the future');
      if (day < '1990-01-01') throw badInput('input.identifiedOn', 'must not be before 1990-01-01');
      return day;
    },
  });
  // Refused before anything is audited when the status says so already.
  const current = await ctx.loaders.victim.load(id);
  if (current && !IDENTIFIABLE.includes(current.status)) throw notPresumed(current.status);
  const caller = ctx.caller!;
  const identification: IdentificationRecord = { basis: input.basis, note, identifiedOn, identifiedBy: caller.sub, identifiedByRole: caller.role, recordedAt: ctx.now };
  return ctx.audit.change('VICTIM_IDENTIFIED', 'Victim', victimId, ['identification', 'status'], async () => {
    const changed = await ctx.models.victims.update(id, (victim) => {
      if (!IDENTIFIABLE.includes(victim.status)) throw notPresumed(victim.status);
      return { status: VictimStatus.IDENTIFIED, identification, counted: { childAtRegistration: victim.counted?.childAtRegistration ?? false, identifiedOn } };
    });
    if (!changed) throw notFound('Victim', victimId);
    return changed;
  });
}
