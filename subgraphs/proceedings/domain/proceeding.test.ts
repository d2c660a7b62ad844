import 'reflect-metadata';
import { checkForward, hearingsInOrder } from './proceeding';
import type { HearingRecord, ProceedingRecord } from '../models';
import { ProceedingStage } from '../schema/vocabulary';

// A proceeding's stages move forward only; its hearings read the earliest first.

const messageOf = (fn: () => void): string => {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
};

describe('a stage change', () => {
  it('may skip stages forward', () => {
    expect(() => checkForward(ProceedingStage.INVESTIGATION, ProceedingStage.PROSECUTION)).not.toThrow();
    expect(() => checkForward(ProceedingStage.INVESTIGATION, ProceedingStage.CLOSED)).not.toThrow();
    expect(() => checkForward(ProceedingStage.TRIAL, ProceedingStage.APPEAL)).not.toThrow();
  });

  it('is refused back or to the same stage, naming the stages still open', () => {
    expect(messageOf(() => checkForward(ProceedingStage.TRIAL, ProceedingStage.PROSECUTION))).toContain('a proceeding at TRIAL can only move forward (APPEAL, CLOSED)');
    expect(messageOf(() => checkForward(ProceedingStage.TRIAL, ProceedingStage.TRIAL))).toContain('a proceeding at TRIAL can only move forward (APPEAL, CLOSED)');
  });

  it('is refused for a closed proceeding', () => {
    expect(messageOf(() => checkForward(ProceedingStage.CLOSED, ProceedingStage.APPEAL))).toContain('a proceeding at CLOSED can only move forward (nothing after CLOSED)');
  });
});

describe('hearings', () => {
  it('read the earliest first, whatever order they were scheduled in', () => {
    const at = (iso: string, id: string): HearingRecord => ({ id, scheduledAt: new Date(iso), court: 'c', victimAppearance: 'IN_PERSON', safeTransportNeeded: false, scheduledBy: 's' });
    const hearings = [at('2030-05-01T09:00:00Z', 'b'), at('2030-04-01T09:00:00Z', 'a'), at('2030-06-01T09:00:00Z', 'c')];
    const proceeding = { hearings } as ProceedingRecord;
    expect(hearingsInOrder(proceeding).map((h) => h.id)).toEqual(['a', 'b', 'c']);
    expect(proceeding.hearings.map((h) => h.id)).toEqual(['b', 'a', 'c']); // the record is not reordered
  });
});
