import 'reflect-metadata';
import type { AssignmentRecord } from '../models';
import { AssignmentStatus, GapReason } from '../schema/vocabulary';
import { gapsFrom, type ProceedingDates } from './gaps';

// Continuity of legal aid (gaps.ts), without a database: the times a victim needed a
// lawyer (an open proceeding, a repatriation now) and had no ACTIVE assignment.

const NOW = new Date('2031-06-01T12:00:00Z');
const at = (iso: string) => new Date(iso);

function assignment(status: AssignmentStatus, activeFrom: string | null, closedAt: string | null = null): AssignmentRecord {
  return { status, activeFrom: activeFrom ? at(activeFrom) : null, closedAt: closedAt ? at(closedAt) : null } as AssignmentRecord;
}

const proceeding = (id: string, openedAt: string | null, closedAt: string | null = null): ProceedingDates => ({ id, openedAt, closedAt });

describe('an open proceeding', () => {
  it('is a gap until an assignment is ACTIVE, and again after it ends', () => {
    const gaps = gapsFrom([proceeding('p1', '2031-01-01T00:00:00Z')], null, [assignment(AssignmentStatus.HANDED_OFF, '2031-02-01T00:00:00Z', '2031-03-01T00:00:00Z')], NOW);
    expect(gaps).toEqual([
      { from: at('2031-01-01T00:00:00Z'), to: at('2031-02-01T00:00:00Z'), reason: GapReason.ACTIVE_PROCEEDING, proceeding: { id: 'p1' } },
      { from: at('2031-03-01T00:00:00Z'), to: null, reason: GapReason.ACTIVE_PROCEEDING, proceeding: { id: 'p1' } },
    ]);
  });

  it('is no gap while an assignment is ACTIVE throughout, and an OFFERED one covers nothing', () => {
    expect(gapsFrom([proceeding('p1', '2031-01-01T00:00:00Z')], null, [assignment(AssignmentStatus.ACTIVE, '2030-12-01T00:00:00Z')], NOW)).toEqual([]);
    const offered = gapsFrom([proceeding('p1', '2031-01-01T00:00:00Z')], null, [assignment(AssignmentStatus.OFFERED, '2030-12-01T00:00:00Z')], NOW);
    expect(offered).toEqual([{ from: at('2031-01-01T00:00:00Z'), to: null, reason: GapReason.ACTIVE_PROCEEDING, proceeding: { id: 'p1' } }]);
  });

  it('ends its gap when it closes, and a handoff of under a minute is no gap', () => {
    const closed = gapsFrom([proceeding('p1', '2031-01-01T00:00:00Z', '2031-01-10T00:00:00Z')], null, [], NOW);
    expect(closed).toEqual([{ from: at('2031-01-01T00:00:00Z'), to: at('2031-01-10T00:00:00Z'), reason: GapReason.ACTIVE_PROCEEDING, proceeding: { id: 'p1' } }]);
    const handedOn = [assignment(AssignmentStatus.HANDED_OFF, '2031-01-01T00:00:00Z', '2031-02-01T00:00:00Z'), assignment(AssignmentStatus.ACTIVE, '2031-02-01T00:00:59Z')];
    expect(gapsFrom([proceeding('p1', '2031-01-01T00:00:00Z')], null, handedOn, NOW)).toEqual([]);
  });

  it('whose dates the caller may not see shows no gap', () => {
    expect(gapsFrom([proceeding('p1', null)], null, [], NOW)).toEqual([]);
  });
});

describe('a repatriation', () => {
  it('is a gap from the last assignment’s end while none is ACTIVE now, oldest gap first', () => {
    const gaps = gapsFrom([proceeding('p1', '2031-01-01T00:00:00Z', '2031-01-02T00:00:00Z')], 'REPATRIATING', [assignment(AssignmentStatus.CLOSED, '2031-03-01T00:00:00Z', '2031-04-01T00:00:00Z')], NOW);
    expect(gaps.map((g) => [g.reason, g.from, g.to])).toEqual([
      [GapReason.ACTIVE_PROCEEDING, at('2031-01-01T00:00:00Z'), at('2031-01-02T00:00:00Z')],
      [GapReason.REPATRIATION, at('2031-04-01T00:00:00Z'), null],
    ]);
    expect(gapsFrom([], 'REPATRIATING', [], NOW)).toEqual([{ from: NOW, to: null, reason: GapReason.REPATRIATION, proceeding: null }]);
    expect(gapsFrom([], 'REPATRIATING', [assignment(AssignmentStatus.ACTIVE, '2031-03-01T00:00:00Z')], NOW)).toEqual([]);
  });
});
