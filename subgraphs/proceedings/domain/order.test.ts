import 'reflect-metadata';
import { decisionDue, isOverdue } from './order';
import { ProtectiveOrderStatus, Urgency } from '../schema/vocabulary';

// When a court must decide a protective order, and when an undecided one is overdue.

const requestedAt = new Date('2030-03-01T10:00:00Z');
const times = { urgentHours: 24, expeditedHours: 72, standardDays: 30 };

describe('decisionDue', () => {
  it('gives URGENT and EXPEDITED orders hours, STANDARD ones days', () => {
    expect(decisionDue(requestedAt, Urgency.URGENT, times)).toEqual(new Date('2030-03-02T10:00:00Z'));
    expect(decisionDue(requestedAt, Urgency.EXPEDITED, times)).toEqual(new Date('2030-03-04T10:00:00Z'));
    expect(decisionDue(requestedAt, Urgency.STANDARD, times)).toEqual(new Date('2030-03-31T10:00:00Z'));
  });

  it('follows the configured times (PROTECTIVE_ORDER_* variables)', () => {
    const configured = { urgentHours: 6, expeditedHours: 48, standardDays: 10 };
    expect(decisionDue(requestedAt, Urgency.URGENT, configured)).toEqual(new Date('2030-03-01T16:00:00Z'));
    expect(decisionDue(requestedAt, Urgency.EXPEDITED, configured)).toEqual(new Date('2030-03-03T10:00:00Z'));
    expect(decisionDue(requestedAt, Urgency.STANDARD, configured)).toEqual(new Date('2030-03-11T10:00:00Z'));
  });
});

describe('an order is overdue', () => {
  const due = new Date('2030-03-02T10:00:00Z');
  it('when undecided past its deadline, not at it', () => {
    expect(isOverdue({ status: ProtectiveOrderStatus.REQUESTED, decisionDue: due }, new Date('2030-03-02T10:00:01Z'))).toBe(true);
    expect(isOverdue({ status: ProtectiveOrderStatus.REQUESTED, decisionDue: due }, due)).toBe(false);
  });

  it('never once decided, however late', () => {
    const late = new Date('2031-01-01T00:00:00Z');
    expect(isOverdue({ status: ProtectiveOrderStatus.GRANTED, decisionDue: due }, late)).toBe(false);
    expect(isOverdue({ status: ProtectiveOrderStatus.REFUSED, decisionDue: due }, late)).toBe(false);
  });
});
