import { unavailable } from '../../../platform/errors';
import { PeerUnavailable } from '../../common/peers';
import type { AssignmentRecord, LegalAidContext } from '../models';
import { AssignmentStatus, GapReason } from '../schema/vocabulary';

/**
 * Continuity of legal aid: the times a victim needed a lawyer and had none ACTIVE — a
 * proceeding of theirs was open (its dates from the proceedings subgraph), or a return of
 * theirs to the caller's jurisdiction is under way or done (from the victims subgraph)
 * and no attorney of that jurisdiction has represented them since it was proposed. Both
 * are asked with the caller's token, so a gap shows only where the caller may see its
 * cause: a return's gap only in its destination, while the victim shares with it
 * (docs/returns.md, "Legal aid follows").
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

/** A return of the victim as the caller may read it (its CASE fields; null: not the caller's to see). */
export interface ReturnDates {
  status: string | null;
  destinationJurisdiction: string | null;
  proposedAt: string | null;
}

/** A return that never happened needs no lawyer where it was going. */
const CANCELLED = 'CANCELLED';

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
  let returns: ReturnDates[];
  try {
    const [inProceedings, inVictims] = await Promise.all([
      ctx.peers.entities<{ proceedings: ProceedingDates[] | null }>('proceedings', 'Victim', victimId, 'proceedings { id openedAt closedAt }'),
      ctx.peers.entities<{ returnPlans: ReturnDates[] | null }>('victims', 'Victim', victimId, 'returnPlans { status destinationJurisdiction proposedAt }'),
    ]);
    proceedings = inProceedings?.proceedings ?? [];
    returns = inVictims?.returnPlans ?? [];
  } catch (error) {
    if (error instanceof PeerUnavailable) throw unavailable(`Gaps could not be worked out: ${error.message}`);
    throw error;
  }
  return gapsFrom(proceedings, returns, ctx.caller!.jurisdiction, assignments, ctx.now);
}

/**
 * A return's gap, seen from its destination: from its proposal until an assignment of the
 * destination is ACTIVE (one active when it was proposed covers it from the start). Null:
 * no gap. Later ends of representation are not this return's gap any more.
 */
function returnGap(plan: ReturnDates, destinationSpans: Array<[number, number]>): Gap | null {
  const proposed = Date.parse(plan.proposedAt!);
  const cover = destinationSpans.find(([, end]) => end > proposed);
  if (cover && cover[0] <= proposed) return null;
  const to = cover ? cover[0] : null;
  if (to !== null && to - proposed < MIN_GAP_MS) return null;
  return { from: new Date(proposed), to: to === null ? null : new Date(to), reason: GapReason.REPATRIATION, proceeding: null };
}

/**
 * The gaps at `at`: from the victim's proceedings and returns (as the caller may see them),
 * seen from the caller's jurisdiction `where`, and her assignments the caller may see.
 */
export function gapsFrom(proceedings: ProceedingDates[], returns: ReturnDates[], where: string, assignments: AssignmentRecord[], at: Date): Gap[] {
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
  // Only the destination closes a return's gap, and only it sees its own assignments.
  const destinationSpans = activeSpans(assignments.filter((a) => a.jurisdiction === where), at);
  for (const plan of returns) {
    if (plan.destinationJurisdiction !== where || !plan.status || plan.status === CANCELLED || !plan.proposedAt) continue;
    const gap = returnGap(plan, destinationSpans);
    if (gap) gaps.push(gap);
  }
  return gaps.sort((a, b) => a.from.getTime() - b.from.getTime());
}
