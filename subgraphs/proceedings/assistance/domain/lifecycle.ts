import { badInput } from '../../../../platform/errors';
import type { Change } from '../../../common/storage';
import { contentDigest, type AssistanceDeadlines, type DeliveryContent, type LegalAssistanceRecord } from '../models';
import { AssistanceUrgency, DeliveryEvent, LegalAssistanceStatus as S } from '../schema/vocabulary';

/**
 * The lifecycle of a request (EIO Art. 12 and 15), as pure functions: the resolvers and
 * the demo seed take the same steps, so demo data can never show a history, deadline or
 * delivery evidence the API would not have produced.
 */

export const NEXT: Record<S, S[]> = {
  [S.DRAFT]: [S.SUBMITTED],
  [S.SUBMITTED]: [S.RECEIVED],
  [S.RECEIVED]: [S.RECOGNIZED, S.REFUSED],
  [S.RECOGNIZED]: [S.EXECUTED, S.POSTPONED],
  [S.POSTPONED]: [S.RECOGNIZED],
  [S.EXECUTED]: [S.CLOSED],
  [S.REFUSED]: [S.CLOSED],
  [S.CLOSED]: [],
};

export type Side = 'requesting' | 'executing';

/** Who takes each step, how the audit trail names it, and which hops it makes between the two sides. */
export const STEPS: Record<Exclude<S, S.DRAFT>, { side: Side; action: string; fields: string[]; delivery: DeliveryEvent[] }> = {
  [S.SUBMITTED]: { side: 'requesting', action: 'LEGAL_ASSISTANCE_SUBMITTED', fields: ['status'], delivery: [DeliveryEvent.SUBMISSION_ACCEPTED, DeliveryEvent.DELIVERED] },
  [S.RECEIVED]: { side: 'executing', action: 'LEGAL_ASSISTANCE_RECEIVED', fields: ['status', 'recognitionDue'], delivery: [DeliveryEvent.RETRIEVED] },
  [S.RECOGNIZED]: { side: 'executing', action: 'LEGAL_ASSISTANCE_RECOGNIZED', fields: ['status', 'executionDue'], delivery: [DeliveryEvent.DELIVERED] },
  [S.REFUSED]: { side: 'executing', action: 'LEGAL_ASSISTANCE_REFUSED', fields: ['status', 'refusalGrounds'], delivery: [DeliveryEvent.DELIVERED] },
  [S.POSTPONED]: { side: 'executing', action: 'LEGAL_ASSISTANCE_POSTPONED', fields: ['status', 'postponedUntil'], delivery: [DeliveryEvent.DELIVERED] },
  [S.EXECUTED]: { side: 'executing', action: 'LEGAL_ASSISTANCE_EXECUTED', fields: ['status', 'executionSummary'], delivery: [DeliveryEvent.DELIVERED] },
  // Closing is the requesting side's own bookkeeping: nothing travels.
  [S.CLOSED]: { side: 'requesting', action: 'LEGAL_ASSISTANCE_CLOSED', fields: ['status'], delivery: [] },
};

/** The statuses a request can be overdue in (each with a date the next step is due by). */
export const CAN_BE_OVERDUE: S[] = [S.RECEIVED, S.RECOGNIZED, S.POSTPONED];

export const EXTENSION_DAYS = 30;
const DAY = 86_400_000;

/** What the requesting side writes to draft a request; the rest of a new record is fixed. */
export type Draft = Pick<LegalAssistanceRecord, '_id' | 'reference' | 'requestingJurisdiction' | 'executingJurisdiction' | 'proceedingId' | 'kind' | 'urgency' | 'subject'>;

/** A new request: DRAFT, drafted by `by` of the requesting jurisdiction at `at`, no deadline running yet. */
export function drafted(draft: Draft, by: string, at: Date): LegalAssistanceRecord {
  return {
    ...draft,
    status: S.DRAFT,
    history: [{ from: null, to: S.DRAFT, by, byJurisdiction: draft.requestingJurisdiction, at, reason: null }],
    recognitionDue: null,
    executionDue: null,
    extension: null,
    refusalGrounds: null,
    postponedUntil: null,
    executionSummary: null,
    createdAt: at,
  };
}

export function jurisdictionOfSide(r: Pick<LegalAssistanceRecord, 'requestingJurisdiction' | 'executingJurisdiction'>, side: Side): string {
  return side === 'requesting' ? r.requestingJurisdiction : r.executingJurisdiction;
}

/** BAD_USER_INPUT naming the current status and where it may go, unless `to` is one of those. */
export function refuseUnlessNext(r: Pick<LegalAssistanceRecord, 'reference' | 'status'>, to: S): void {
  const next = NEXT[r.status as S];
  if (next.includes(to)) return;
  const where = next.length ? `it can go to ${next.join(' or ')}` : 'it goes nowhere from there';
  throw badInput('id', `request ${r.reference} is ${r.status}: ${where}`);
}

/** A step's details: the grounds, reason or summary it gives, a postponement's end. */
export interface StepDetails {
  reason?: string | null;
  until?: Date | null;
  summary?: string | null;
}

/** The fields a step sets, from the request as it is (deadlines on the clock reading `at`). */
export function transition(r: LegalAssistanceRecord, to: S, by: { sub: string; jurisdiction: string }, at: Date, deadlines: AssistanceDeadlines, details: StepDetails = {}): Change<LegalAssistanceRecord> {
  const history = [...r.history, { from: r.status, to, by: by.sub, byJurisdiction: by.jurisdiction, at, reason: details.reason ?? null }];
  switch (to) {
    case S.RECEIVED: {
      const days = r.urgency === AssistanceUrgency.URGENT ? deadlines.urgentRecognitionDays : deadlines.recognitionDays;
      return { status: to, history, recognitionDue: new Date(at.getTime() + days * DAY) };
    }
    case S.RECOGNIZED:
      // On recognition, and again on resumption after a postponement: the full period from now.
      return { status: to, history, executionDue: new Date(at.getTime() + deadlines.executionDays * DAY), postponedUntil: null };
    case S.REFUSED:
      return { status: to, history, refusalGrounds: details.reason ?? null };
    case S.POSTPONED:
      return { status: to, history, postponedUntil: details.until ?? null };
    case S.EXECUTED:
      return { status: to, history, executionSummary: details.summary ?? null };
    default:
      return { status: to, history };
  }
}

/** The one extension of the recognition deadline, only while RECEIVED. */
export function extension(r: LegalAssistanceRecord, by: string, at: Date, reason: string): Change<LegalAssistanceRecord> {
  if (r.status !== S.RECEIVED) throw badInput('id', `request ${r.reference} is ${r.status}: its recognition deadline is extended only while it is RECEIVED`);
  if (r.extension) throw badInput('id', `the recognition deadline of request ${r.reference} was extended already, on ${r.extension.extendedAt.toISOString()}; it is extended once`);
  const recognitionDue = new Date(r.recognitionDue!.getTime() + EXTENSION_DAYS * DAY);
  return { recognitionDue, extension: { reason, extendedAt: at, by, recognitionDue } };
}

/** A due date has passed without the next step, on the request clock `now`. */
export function isOverdue(r: Pick<LegalAssistanceRecord, 'status' | 'recognitionDue' | 'executionDue' | 'postponedUntil'>, now: Date): boolean {
  const due = r.status === S.RECEIVED ? r.recognitionDue : r.status === S.RECOGNIZED ? r.executionDue : r.status === S.POSTPONED ? r.postponedUntil : null;
  return due !== null && now > due;
}

/** The hops a step made, each attesting the request as it is after the step. */
export function deliveryOfStep(r: LegalAssistanceRecord, to: S, at: Date): DeliveryContent[] {
  const step = STEPS[to as Exclude<S, S.DRAFT>];
  const by = jurisdictionOfSide(r, step.side);
  const digest = contentDigest(r);
  return step.delivery.map((event) => ({ event, at, by, digest, reason: null }));
}

/** A submission refused (the proceeding is closed): the request stays a DRAFT, the refusal is evidence too. */
export function rejectedSubmission(r: LegalAssistanceRecord, at: Date, reason: string): DeliveryContent {
  return { event: DeliveryEvent.SUBMISSION_REJECTED, at, by: r.requestingJurisdiction, digest: contentDigest(r), reason };
}
