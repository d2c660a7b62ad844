import { VictimStatus } from '../schema/vocabulary';
import { refuseIfClosed } from './registration';
import { REMOVED_FIELDS, retainUntil } from './retention';

// Retention without HTTP: when a closed record's personal data goes, what goes, and that a
// closed record takes no more changes.

describe('retention', () => {
  it('keeps a closed record for the retention days, to the millisecond, across a leap day', () => {
    const closedAt = new Date('2026-01-01T15:30:00.250Z');
    expect(retainUntil(closedAt, 1826).toISOString()).toBe('2031-01-01T15:30:00.250Z'); // five years, one of them leap
    expect(retainUntil(closedAt, 0)).toEqual(closedAt);
    expect(retainUntil(new Date('2028-02-28T00:00:00Z'), 1).toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it('removes identity, contact, location, health and testimony, never a CASE field', () => {
    expect(REMOVED_FIELDS).toEqual(expect.arrayContaining(['legalName', 'dateOfBirth', 'contactPhone', 'currentLocality', 'vulnerabilities', 'screenings', 'identification', 'identityHash']));
    for (const caseField of ['caseReference', 'jurisdiction', 'status', 'ageGroup', 'gender', 'nationality']) expect(REMOVED_FIELDS).not.toContain(caseField);
  });

  it('refuses a change to a CLOSED record (CONFLICT), and only to a closed one', () => {
    // Naming the argument whose record is closed (found by npm run fuzz: the CONFLICT named none).
    expect(() => refuseIfClosed({ status: VictimStatus.CLOSED })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT', field: 'victimId' }) }));
    for (const status of Object.values(VictimStatus).filter((s) => s !== VictimStatus.CLOSED)) expect(() => refuseIfClosed({ status })).not.toThrow();
    expect(() => refuseIfClosed(null)).not.toThrow();
  });
});
