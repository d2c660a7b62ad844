import type { AppointmentRecord, DisclosureOrderRecord, DisclosureRecord } from '../models';
import { ageGroupOfWitness, checkDefendant, checkNotAppointed, checkNotDisclosed, checkRestricted, labelOf, orderNeeded } from './rules';

// The defence's rules without the database: whom counsel is appointed for, and when an
// item may be disclosed to a defendant (decision 111).

const at = new Date('2026-06-01T10:00:00Z');
const appointment = (over: Partial<AppointmentRecord> = {}): AppointmentRecord => ({
  _id: 'a1', proceedingId: 'p1', jurisdiction: 'DE', defendant: 'Defendant A', counselSubject: 'counsel-a', counselOrganisation: 'Kanzlei', appointedAt: at, appointedBy: 'judge', endedAt: null, endedBy: null, endReason: null, ...over,
});
const order = (orderedAt: Date): DisclosureOrderRecord => ({ _id: `o-${orderedAt.getTime()}`, evidenceId: 'e1', proceedingId: 'p1', jurisdiction: 'DE', reasons: 'r', orderedAt, orderedBy: 'judge' });
const disclosure = (defendant: string): DisclosureRecord => ({ _id: 'd1', evidenceId: 'e1', proceedingId: 'p1', jurisdiction: 'DE', defendant, note: null, disclosedAt: at, disclosedBy: 'pros', orderId: null });
const fieldOf = (run: () => unknown) => {
  try {
    run();
    return 'passes';
  } catch (error) {
    const { extensions } = error as { extensions: { code: string; field?: string; reason?: string } };
    return `${extensions.code}${extensions.field ? ` ${extensions.field}` : ''}${extensions.reason ? ` ${extensions.reason}` : ''}`;
  }
};

describe('appointing counsel', () => {
  it('for a defendant of the proceeding only, by exact alias', () => {
    expect(checkDefendant(['Defendant A', 'Defendant B'], 'Defendant B', 'input.defendant')).toBe('Defendant B');
    expect(fieldOf(() => checkDefendant(['Defendant A'], 'defendant a', 'input.defendant'))).toBe('BAD_USER_INPUT input.defendant');
    expect(fieldOf(() => checkDefendant([], 'Defendant A', 'input.defendant'))).toBe('BAD_USER_INPUT input.defendant');
  });

  it('one defendant per counsel and proceeding while appointed; again once the appointment ended', () => {
    expect(fieldOf(() => checkNotAppointed([appointment()], 'counsel-a', 'input.counselSubject'))).toBe('BAD_USER_INPUT input.counselSubject');
    expect(fieldOf(() => checkNotAppointed([appointment({ endedAt: at })], 'counsel-a', 'input.counselSubject'))).toBe('passes');
    expect(fieldOf(() => checkNotAppointed([appointment()], 'counsel-b', 'input.counselSubject'))).toBe('passes');
  });
});

describe('disclosing an item', () => {
  it.each(['H0', 'H1'])('%s needs no order', (code) => {
    expect(orderNeeded('e1', code, [])).toBeNull();
  });

  it.each(['H2', 'H3'])('%s only on a judge’s order: refused without one naming the code, else the latest order', (code) => {
    expect(fieldOf(() => orderNeeded('e1', code, []))).toBe('FORBIDDEN DISCLOSURE_ORDER');
    expect(() => orderNeeded('e1', code, [])).toThrow(`handling code ${code}`);
    const later = order(new Date('2026-06-03T00:00:00Z'));
    expect(orderNeeded('e1', code, [order(at), later])).toBe(later);
  });

  it('a judge orders only what needs an order', () => {
    expect(fieldOf(() => checkRestricted('H2', 'evidenceId'))).toBe('passes');
    expect(fieldOf(() => checkRestricted('H0', 'evidenceId'))).toBe('BAD_USER_INPUT evidenceId');
  });

  it('once per item and defendant; another defendant gets his own', () => {
    expect(fieldOf(() => checkNotDisclosed([disclosure('Defendant A')], 'Defendant A', 'input.defendant'))).toBe('BAD_USER_INPUT input.defendant');
    expect(fieldOf(() => checkNotDisclosed([disclosure('Defendant A')], 'Defendant B', 'input.defendant'))).toBe('passes');
  });
});

describe('witnesses (decision 117)', () => {
  it('are labelled W-1, W-2, … in the proceeding\'s victims\' order', () => {
    expect(['v3', 'v1', 'v2'].map((v) => labelOf(['v3', 'v1', 'v2'], v))).toEqual(['W-1', 'W-2', 'W-3']);
  });
  it('have an age group of CHILD or ADULT only, from the CTDC bins; unknown stays unknown', () => {
    expect(['AGE_0_8', 'AGE_9_17', 'AGE_18_20', 'AGE_48_PLUS'].map(ageGroupOfWitness)).toEqual(['CHILD', 'CHILD', 'ADULT', 'ADULT']);
    expect(ageGroupOfWitness(null)).toBeNull();
  });
});
