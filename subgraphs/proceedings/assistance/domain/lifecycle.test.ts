import { DEFAULT_ASSISTANCE_DEADLINES, type LegalAssistanceRecord } from '../models';
import { AssistanceUrgency, DeliveryEvent, LegalAssistanceStatus as S } from '../schema/vocabulary';
import { deliveryOfStep, drafted, extension, isOverdue, refuseUnlessNext, transition } from './lifecycle';

// A request's lifecycle as pure steps (EIO Art. 12 and 15): where it may go, when each
// deadline falls, when it is overdue, and the evidence each hop leaves. No database.

const DAY = 86_400_000;
const T0 = new Date('2026-03-01T10:00:00Z');
const requesting = { sub: 'prosecutor@de.example', jurisdiction: 'DE' };
const executing = { sub: 'judge@at.example', jurisdiction: 'AT' };

function draft(urgency = AssistanceUrgency.NORMAL): LegalAssistanceRecord {
  return drafted(
    { _id: 'r1', reference: 'MLA-DE-AT-2026-AAAAAA', requestingJurisdiction: 'DE', executingJurisdiction: 'AT', proceedingId: 'p1', kind: 'EVIDENCE_GATHERING', urgency, subject: 'Records' },
    requesting.sub,
    T0,
  );
}

function step(r: LegalAssistanceRecord, to: S, at: Date, details = {}): LegalAssistanceRecord {
  refuseUnlessNext(r, to);
  return { ...r, ...transition(r, to, to === S.SUBMITTED || to === S.CLOSED ? requesting : executing, at, DEFAULT_ASSISTANCE_DEADLINES, details) } as LegalAssistanceRecord;
}

describe('legal assistance lifecycle', () => {
  it('refuses a step the status does not lead to, saying where it can go', () => {
    expect(() => refuseUnlessNext(draft(), S.RECEIVED)).toThrow('request MLA-DE-AT-2026-AAAAAA is DRAFT: it can go to SUBMITTED');
    expect(() => refuseUnlessNext({ reference: 'X', status: S.CLOSED }, S.RECEIVED)).toThrow('it goes nowhere from there');
  });

  it('starts the recognition deadline on receipt: 30 days, 7 for an URGENT request', () => {
    for (const [urgency, days] of [[AssistanceUrgency.NORMAL, 30], [AssistanceUrgency.URGENT, 7]] as const) {
      const received = step(step(draft(urgency), S.SUBMITTED, T0), S.RECEIVED, T0);
      expect(received.recognitionDue!.getTime() - T0.getTime()).toBe(days * DAY);
      expect(isOverdue(received, new Date(T0.getTime() + days * DAY))).toBe(false);
      expect(isOverdue(received, new Date(T0.getTime() + days * DAY + 1))).toBe(true);
    }
  });

  it('starts the execution deadline again on resumption after a postponement', () => {
    const recognized = step(step(step(draft(), S.SUBMITTED, T0), S.RECEIVED, T0), S.RECOGNIZED, T0);
    expect(recognized.executionDue!.getTime() - T0.getTime()).toBe(90 * DAY);
    const until = new Date(T0.getTime() + 10 * DAY);
    const postponed = step(recognized, S.POSTPONED, T0, { reason: 'domestic investigation', until });
    expect(isOverdue(postponed, new Date(until.getTime() + 1))).toBe(true);
    const later = new Date(T0.getTime() + 20 * DAY);
    const resumed = step(postponed, S.RECOGNIZED, later);
    expect(resumed.executionDue!.getTime() - later.getTime()).toBe(90 * DAY);
    expect(resumed.postponedUntil).toBeNull();
    expect(resumed.history.map((h) => h.to)).toEqual([S.DRAFT, S.SUBMITTED, S.RECEIVED, S.RECOGNIZED, S.POSTPONED, S.RECOGNIZED]);
  });

  it('is never overdue where no deadline runs', () => {
    const executed = step(step(step(step(draft(), S.SUBMITTED, T0), S.RECEIVED, T0), S.RECOGNIZED, T0), S.EXECUTED, T0, { summary: 'done' });
    expect(isOverdue(executed, new Date(T0.getTime() + 1000 * DAY))).toBe(false);
  });

  it('extends the recognition deadline by 30 days, once, only while RECEIVED', () => {
    const received = step(step(draft(), S.SUBMITTED, T0), S.RECEIVED, T0);
    const extended = { ...received, ...extension(received, executing.sub, T0, 'translation') } as LegalAssistanceRecord;
    expect(extended.recognitionDue!.getTime() - T0.getTime()).toBe(60 * DAY);
    expect(() => extension(extended, executing.sub, T0, 'again')).toThrow('it is extended once');
    expect(() => extension(draft(), executing.sub, T0, 'early')).toThrow('extended only while it is RECEIVED');
  });

  it('leaves evidence of each hop, from the side that sent it; closing travels nowhere', () => {
    const submitted = step(draft(), S.SUBMITTED, T0);
    expect(deliveryOfStep(submitted, S.SUBMITTED, T0).map((h) => [h.event, h.by])).toEqual([[DeliveryEvent.SUBMISSION_ACCEPTED, 'DE'], [DeliveryEvent.DELIVERED, 'DE']]);
    const received = step(submitted, S.RECEIVED, T0);
    expect(deliveryOfStep(received, S.RECEIVED, T0).map((h) => [h.event, h.by])).toEqual([[DeliveryEvent.RETRIEVED, 'AT']]);
    expect(deliveryOfStep(received, S.CLOSED, T0)).toEqual([]);
  });
});
