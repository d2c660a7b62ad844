import { badInput, forbidden } from '../../../../platform/errors';
import type { AppointmentRecord, DisclosureOrderRecord, DisclosureRecord } from '../models';

/**
 * The defence's rules, pure (decision 111): whom a counsel may be appointed for, and when
 * an item may be disclosed to a defendant.
 */

/** Handling codes whose items are disclosed only on a judge's order (H2: not disseminated without permission; H3: other restrictions). */
export const RESTRICTED_CODES = ['H2', 'H3'];

/** The defendant named must be one of the proceeding's (by alias, exactly). */
export function checkDefendant(aliases: readonly string[], defendant: string, field: string): string {
  if (!aliases.includes(defendant)) throw badInput(field, `is not a defendant of this proceeding (its defendants: ${aliases.join(', ') || 'none'})`);
  return defendant;
}

/**
 * One counsel, one defendant per proceeding: the defence of co-defendants is not shared
 * (their interests may conflict; e.g. § 146 StPO), so a counsel with an active appointment
 * in the proceeding is not appointed again, for the same defendant or another.
 */
export function checkNotAppointed(active: readonly AppointmentRecord[], counselSubject: string, field: string): void {
  const held = active.find((a) => a.endedAt === null && a.counselSubject === counselSubject);
  if (held) throw badInput(field, `is already counsel for ${held.defendant} in this proceeding (one defendant per counsel and proceeding)`);
}

/**
 * The order an item's disclosure rests on: none needed below H2; an H2 or H3 item only
 * with a judge's order (the latest), else FORBIDDEN naming the code and the missing order.
 */
export function orderNeeded(evidenceId: string, handlingCode: string, orders: readonly DisclosureOrderRecord[]): DisclosureOrderRecord | null {
  if (!RESTRICTED_CODES.includes(handlingCode)) return null;
  const order = [...orders].sort((a, b) => +b.orderedAt - +a.orderedAt)[0];
  if (!order) {
    throw forbidden(`Evidence ${evidenceId} has handling code ${handlingCode}: it is disclosed to the defence only on a judge's order (orderDisclosure), and there is none`, 'DISCLOSURE_ORDER');
  }
  return order;
}

/** Once per item and defendant: a second disclosure is refused, naming the first. */
export function checkNotDisclosed(disclosures: readonly DisclosureRecord[], defendant: string, field: string): void {
  const first = disclosures.find((d) => d.defendant === defendant);
  if (first) throw badInput(field, `this item was already disclosed to ${defendant} on ${first.disclosedAt.toISOString()}`);
}

/** A judge orders disclosure only of an item that needs it. */
export function checkRestricted(handlingCode: string, field: string): void {
  if (!RESTRICTED_CODES.includes(handlingCode)) throw badInput(field, `the item has handling code ${handlingCode}: only H2 and H3 items need a judge's order to be disclosed`);
}

/** A victim's witness label: W-1, W-2, … in the proceeding's victims' order (stable: the victims are set when it opens). */
export function labelOf(victimIds: readonly string[], victimId: string): string {
  return `W-${victimIds.indexOf(victimId) + 1}`;
}

/** The CTDC age bins under 18. */
const CHILD_BINS = ['AGE_0_8', 'AGE_9_17'];

/** What the defence learns of a witness's age: CHILD or ADULT (decision 117), from the victim's CTDC age group; null when not known. */
export function ageGroupOfWitness(ageGroup: string | null): 'CHILD' | 'ADULT' | null {
  if (ageGroup === null) return null;
  return CHILD_BINS.includes(ageGroup) ? 'CHILD' : 'ADULT';
}
