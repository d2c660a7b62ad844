import type { Caller } from '../../../../platform/auth';
import { addMonths, stateOf, type TeamRecord } from '../models';
import { approveExtension, proposeExtension } from './agreement';

// What the parties of a joint investigation team agree on together, without the
// database: its state by date, and an extension in force only once every party agreed.

const NOW = new Date('2026-06-15T12:00:00Z');
const SETTINGS = { maxExtensionMonths: 12 };
const leader = (jurisdiction: string) => ({ sub: `prosecutor@${jurisdiction.toLowerCase()}.example`, role: 'prosecutor', jurisdiction }) as unknown as Caller;

function team(parties = ['DE', 'AT', 'IT'], joined = parties): TeamRecord {
  return {
    _id: 't1',
    name: 'JIT',
    parties,
    purpose: 'test',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    extensions: [],
    pendingExtension: null,
    leaders: joined.map((jurisdiction) => ({ jurisdiction, sub: `prosecutor@${jurisdiction.toLowerCase()}.example`, joinedAt: NOW })),
    members: [],
    proceedingIds: [],
    createdAt: NOW,
    createdBy: 'prosecutor@de.example',
    closedAt: null,
    closingReason: null,
  };
}

describe('team state', () => {
  it('is PENDING until every party joined, ACTIVE to its last day, then EXPIRED; CLOSED above all', () => {
    expect(stateOf(team(['DE', 'AT'], ['DE']), NOW)).toBe('PENDING');
    expect(stateOf(team(), new Date('2026-12-31T23:59:59Z'))).toBe('ACTIVE');
    expect(stateOf(team(), new Date('2027-01-01T00:00:00Z'))).toBe('EXPIRED');
    expect(stateOf({ ...team(), closedAt: NOW }, NOW)).toBe('CLOSED');
  });

  it('adds calendar months, ending at the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-12-31', 12)).toBe('2027-12-31');
  });
});

describe('team extension by agreement', () => {
  it('stays pending until the leader of every other party approved that same day', () => {
    let current = team();
    current = { ...current, ...proposeExtension(current, leader('DE'), '2027-06-30', 'a further stage', NOW, SETTINGS) };
    expect(current.endsOn).toBe('2026-12-31');
    expect(current.pendingExtension!.approvals.map((a) => a.jurisdiction)).toEqual(['DE']);
    expect(() => approveExtension(current, leader('AT'), '2027-05-31', NOW, SETTINGS)).toThrow('approve that day');
    current = { ...current, ...approveExtension(current, leader('AT'), '2027-06-30', NOW, SETTINGS) };
    expect(current.endsOn).toBe('2026-12-31');
    expect(() => approveExtension(current, leader('AT'), '2027-06-30', NOW, SETTINGS)).toThrow('AT agreed to the extension to 2027-06-30 already');
    current = { ...current, ...approveExtension(current, leader('IT'), '2027-06-30', NOW, SETTINGS) };
    expect(current.endsOn).toBe('2027-06-30');
    expect(current.pendingExtension).toBeNull();
    expect(current.extensions.map((e) => e.approvedBy)).toEqual([['DE', 'AT', 'IT']]);
  });

  it('refuses an extension beyond the limit, before every party joined, or by one who does not lead', () => {
    expect(() => proposeExtension(team(), leader('DE'), '2028-01-01', 'too far', NOW, SETTINGS)).toThrow('2027-12-31 at the latest');
    expect(() => proposeExtension(team(['DE', 'AT'], ['DE']), leader('DE'), '2027-03-31', 'early', NOW, SETTINGS)).toThrow('awaiting AT');
    expect(() => proposeExtension(team(), leader('FR'), '2027-03-31', 'outsider', NOW, SETTINGS)).toThrow('Only the leader of a party proposes an extension');
    expect(() => proposeExtension(team(), leader('DE'), '2026-12-31', 'same day', NOW, SETTINGS)).toThrow('must be after the current last day');
  });
});
