import 'reflect-metadata';
import type { AssignmentRecord } from '../models';
import { AssignmentStatus, GapReason } from '../schema/vocabulary';
import { gapsFrom, type ProceedingDates, type ReturnDates } from './gaps';

// Continuity of legal aid (gaps.ts), without a database: the times a victim needed a
// lawyer (an open proceeding, a return to the caller's jurisdiction) and had no ACTIVE assignment.

const NOW = new Date('2031-06-01T12:00:00Z');
const at = (iso: string) => new Date(iso);

function assignment(status: AssignmentStatus, activeFrom: string | null, closedAt: string | null = null, jurisdiction = 'DE'): AssignmentRecord {
  return { status, jurisdiction, activeFrom: activeFrom ? at(activeFrom) : null, closedAt: closedAt ? at(closedAt) : null } as AssignmentRecord;
}

const proceeding = (id: string, openedAt: string | null, closedAt: string | null = null): ProceedingDates => ({ id, openedAt, closedAt });

describe('an open proceeding', () => {
  it('is a gap until an assignment is ACTIVE, and again after it ends', () => {
    const gaps = gapsFrom([proceeding('p1', '2031-01-01T00:00:00Z')], [], 'DE', [assignment(AssignmentStatus.HANDED_OFF, '2031-02-01T00:00:00Z', '2031-03-01T00:00:00Z')], NOW);
    expect(gaps).toEqual([
      { from: at('2031-01-01T00:00:00Z'), to: at('2031-02-01T00:00:00Z'), reason: GapReason.ACTIVE_PROCEEDING, proceeding: { id: 'p1' } },
      { from: at('2031-03-01T00:00:00Z'), to: null, reason: GapReason.ACTIVE_PROCEEDING, proceeding: { id: 'p1' } },
    ]);
  });

  it('is no gap while an assignment is ACTIVE throughout, and an OFFERED one covers nothing', () => {
    expect(gapsFrom([proceeding('p1', '2031-01-01T00:00:00Z')], [], 'DE', [assignment(AssignmentStatus.ACTIVE, '2030-12-01T00:00:00Z')], NOW)).toEqual([]);
    const offered = gapsFrom([proceeding('p1', '2031-01-01T00:00:00Z')], [], 'DE', [assignment(AssignmentStatus.OFFERED, '2030-12-01T00:00:00Z')], NOW);
    expect(offered).toEqual([{ from: at('2031-01-01T00:00:00Z'), to: null, reason: GapReason.ACTIVE_PROCEEDING, proceeding: { id: 'p1' } }]);
  });

  it('ends its gap when it closes, and a handoff of under a minute is no gap', () => {
    const closed = gapsFrom([proceeding('p1', '2031-01-01T00:00:00Z', '2031-01-10T00:00:00Z')], [], 'DE', [], NOW);
    expect(closed).toEqual([{ from: at('2031-01-01T00:00:00Z'), to: at('2031-01-10T00:00:00Z'), reason: GapReason.ACTIVE_PROCEEDING, proceeding: { id: 'p1' } }]);
    const handedOn = [assignment(AssignmentStatus.HANDED_OFF, '2031-01-01T00:00:00Z', '2031-02-01T00:00:00Z'), assignment(AssignmentStatus.ACTIVE, '2031-02-01T00:00:59Z')];
    expect(gapsFrom([proceeding('p1', '2031-01-01T00:00:00Z')], [], 'DE', handedOn, NOW)).toEqual([]);
  });

  it('whose dates the caller may not see shows no gap', () => {
    expect(gapsFrom([proceeding('p1', null)], [], 'DE', [], NOW)).toEqual([]);
  });
});

/** A return of a DE victim to AT proposed on `proposedAt`. */
const toAT = (status: string, proposedAt = '2031-03-01T00:00:00Z'): ReturnDates => ({ status, destinationJurisdiction: 'AT', proposedAt });

describe('a return, seen from its destination', () => {
  it('is a gap from its proposal while no attorney of the destination is ACTIVE, whatever its step', () => {
    for (const status of ['PROPOSED', 'ASSESSED', 'AGREED', 'DEPARTED', 'ARRIVED']) {
      expect(gapsFrom([], [toAT(status)], 'AT', [], NOW)).toEqual([{ from: at('2031-03-01T00:00:00Z'), to: null, reason: GapReason.REPATRIATION, proceeding: null }]);
    }
  });

  it('closes when an assignment of the destination becomes ACTIVE; an OFFERED one, or one elsewhere, closes nothing', () => {
    const closed = gapsFrom([], [toAT('DEPARTED')], 'AT', [assignment(AssignmentStatus.ACTIVE, '2031-04-01T00:00:00Z', null, 'AT')], NOW);
    expect(closed).toEqual([{ from: at('2031-03-01T00:00:00Z'), to: at('2031-04-01T00:00:00Z'), reason: GapReason.REPATRIATION, proceeding: null }]);
    // Represented there when it was proposed: no gap; representation ending later is no gap of this return.
    expect(gapsFrom([], [toAT('AGREED')], 'AT', [assignment(AssignmentStatus.CLOSED, '2031-02-01T00:00:00Z', '2031-05-01T00:00:00Z', 'AT')], NOW)).toEqual([]);
    const offered = assignment(AssignmentStatus.OFFERED, null, null, 'AT');
    const elsewhere = assignment(AssignmentStatus.ACTIVE, '2031-02-01T00:00:00Z', null, 'DE');
    expect(gapsFrom([], [toAT('AGREED')], 'AT', [offered, elsewhere], NOW).map((g) => g.to)).toEqual([null]);
    // One that ended before the proposal does not cover it.
    expect(gapsFrom([], [toAT('PROPOSED')], 'AT', [assignment(AssignmentStatus.CLOSED, '2031-01-01T00:00:00Z', '2031-02-01T00:00:00Z', 'AT')], NOW).map((g) => g.to)).toEqual([null]);
  });

  it('is no gap when cancelled, nor anywhere but in its destination, nor when the caller may not read its dates', () => {
    expect(gapsFrom([], [toAT('CANCELLED')], 'AT', [], NOW)).toEqual([]);
    expect(gapsFrom([], [toAT('DEPARTED')], 'DE', [], NOW)).toEqual([]);
    expect(gapsFrom([], [{ status: null, destinationJurisdiction: null, proposedAt: null }], 'AT', [], NOW)).toEqual([]);
  });

  it('comes with the proceedings’ gaps, oldest first', () => {
    const gaps = gapsFrom([proceeding('p1', '2031-01-01T00:00:00Z', '2031-01-02T00:00:00Z')], [toAT('DEPARTED')], 'AT', [], NOW);
    expect(gaps.map((g) => [g.reason, g.from, g.to])).toEqual([
      [GapReason.ACTIVE_PROCEEDING, at('2031-01-01T00:00:00Z'), at('2031-01-02T00:00:00Z')],
      [GapReason.REPATRIATION, at('2031-03-01T00:00:00Z'), null],
    ]);
  });
});
