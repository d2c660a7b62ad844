import { unavailable } from '../../../platform/errors';
import { ConsentUnavailable } from '../../common/consents';
import { PeerUnavailable } from '../../common/peers';
import type { AssignmentRecord, LegalAidContext } from '../models';
import { AssignmentStatus, GapReason } from '../schema/vocabulary';

/**
 * Continuity of legal aid: the times a victim needed a lawyer — a proceeding of theirs was
 * open (its dates from the proceedings subgraph), or they are being repatriated now (their
 * status from the victims subgraph) — and had no ACTIVE assignment. Both are asked with
 * the caller's token, so a gap shows only where the caller may see its cause.
 */

export interface Gap {
  from: Date;
  to: Date | null;
  reason: GapReason;
  proceeding: { id: string } | null;
}

export interface ProceedingDates {
  id: string;
  openedAt: string | null;
  closedAt: string | null;
}

/** When each assignment was ACTIVE. */
function activeSpans(assignments: AssignmentRecord[], now: Date): Array<[number, number]> {
  return assignments
    .filter((a) => a.activeFrom !== null && a.status !== AssignmentStatus.OFFERED)
    .map((a): [number, number] => [a.activeFrom!.getTime(), (a.closedAt ?? now).getTime()])
    .sort((x, y) => x[0] - y[0]);
}

/** The parts of [from, to] no span covers. */
function uncovered(from: number, to: number, spans: Array<[number, number]>): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let cursor = from;
  for (const [start, end] of spans) {
    if (end <= cursor || start >= to) continue;
    if (start > cursor) parts.push([cursor, start]);
    cursor = Math.max(cursor, end);
  }
  if (cursor < to) parts.push([cursor, to]);
  return parts;
}

/** Shorter than this is the time a handoff takes, not a gap. */
const MIN_GAP_MS = 60_000;

export async function gapsOf(ctx: LegalAidContext, victimId: string, assignments: AssignmentRecord[]): Promise<Gap[]> {
  let proceedings: ProceedingDates[];
  let status: string | null;
  try {
    const [victim, theCase] = await Promise.all([
      ctx.peers.entities<{ proceedings: ProceedingDates[] | null }>('proceedings', 'Victim', victimId, 'proceedings { id openedAt closedAt }'),
      ctx.consents.caseOf(victimId),
    ]);
    proceedings = victim?.proceedings ?? [];
    status = theCase?.status ?? null;
  } catch (error) {
    if (error instanceof PeerUnavailable || error instanceof ConsentUnavailable) throw unavailable(`Gaps could not be worked out: ${error.message}`);
    throw error;
  }
  return gapsFrom(proceedings, status, assignments, ctx.now);
}

/** The gaps, from the victim's proceedings (as the caller may see them), her case status and her assignments, at `at`. */
export function gapsFrom(proceedings: ProceedingDates[], status: string | null, assignments: AssignmentRecord[], at: Date): Gap[] {
  const now = at.getTime();
  const spans = activeSpans(assignments, at);
  const gaps: Gap[] = [];
  for (const p of proceedings) {
    if (!p.openedAt) continue; // its dates are not the caller's to see
    const to = p.closedAt ? Date.parse(p.closedAt) : now;
    for (const [start, end] of uncovered(Date.parse(p.openedAt), to, spans)) {
      if (end - start >= MIN_GAP_MS) gaps.push({ from: new Date(start), to: end === now && !p.closedAt ? null : new Date(end), reason: GapReason.ACTIVE_PROCEEDING, proceeding: { id: p.id } });
    }
  }
  const activeNow = spans.some(([start, end]) => start <= now && end >= now);
  if (status === 'REPATRIATING' && !activeNow) {
    const lastEnd = spans.length ? Math.max(...spans.map(([, end]) => end)) : null;
    gaps.push({ from: new Date(lastEnd ?? now), to: null, reason: GapReason.REPATRIATION, proceeding: null });
  }
  return gaps.sort((a, b) => a.from.getTime() - b.from.getTime());
}
