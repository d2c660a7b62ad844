import type { Caller } from '../../../../platform/auth';
import { badInput, forbidden } from '../../../../platform/errors';
import { addMonths, awaitingApproval, dayOf, stateOf, type ExtensionProposalRecord, type TeamRecord, type TeamSettings } from '../models';

/**
 * What the parties of a joint investigation team agree on together. The Eurojust model
 * agreement extends a team's period only by mutual agreement of the parties: here one
 * party's leader proposes an extension (with its reason), and it takes effect once the
 * leader of every other party approved that same last day. Even an agreed step is
 * bounded (TeamSettings.maxExtensionMonths), so no team runs on to 2099 by one decision.
 * Pure rules on the team as it is under its lock; the resolvers write what they return.
 */

/** A team that still works: neither closed nor expired. */
export function stillRunning(team: TeamRecord, now: Date): void {
  const state = stateOf(team, now);
  if (state === 'CLOSED') throw badInput('teamId', `the team was closed on ${dayOf(team.closedAt!)}`);
  if (state === 'EXPIRED') throw badInput('teamId', `the team expired after ${team.endsOn}; agree a new one`);
}

/** The caller leads the team for their party; else FORBIDDEN (only parties get this far: a team of others answers as unknown). */
function mustLead(team: TeamRecord, caller: Caller, doing: string): void {
  if (!team.leaders.some((l) => l.sub === caller.sub && l.jurisdiction === caller.jurisdiction)) throw forbidden(`Only the leader of a party ${doing}`);
}

/** The last day one extension may reach from the team's current one; later is BAD_USER_INPUT naming the limit. */
function withinLimit(team: TeamRecord, endsOn: string, settings: TeamSettings): void {
  const months = settings.maxExtensionMonths;
  const latest = addMonths(team.endsOn, months);
  if (endsOn > latest) {
    throw badInput('endsOn', `one extension adds at most ${months} months (TEAM_EXTENSION_MAX_MONTHS) to the current last day ${team.endsOn}: ${latest} at the latest`);
  }
}

/** In force once every party approved (the extension joins the history), else still pending. */
function settled(team: TeamRecord, proposal: ExtensionProposalRecord, now: Date): Partial<TeamRecord> {
  if (awaitingApproval({ ...team, pendingExtension: proposal }).length > 0) return { pendingExtension: proposal };
  const extension = {
    endsOn: proposal.endsOn,
    reason: proposal.reason,
    at: now,
    by: proposal.proposedBy,
    byJurisdiction: proposal.byJurisdiction,
    approvedBy: proposal.approvals.map((a) => a.jurisdiction),
  };
  return { endsOn: proposal.endsOn, pendingExtension: null, extensions: [...team.extensions, extension] };
}

/** A leader proposes a later last day; it replaces any pending proposal (a counter-proposal: approvals start again). */
export function proposeExtension(team: TeamRecord, caller: Caller, endsOn: string, reason: string, now: Date, settings: TeamSettings): Partial<TeamRecord> {
  mustLead(team, caller, 'proposes an extension');
  stillRunning(team, now);
  if (stateOf(team, now) === 'PENDING') {
    const missing = team.parties.filter((party) => !team.leaders.some((l) => l.jurisdiction === party));
    throw badInput('teamId', `not every party joined yet (awaiting ${missing.join(', ')}): a party that joins agrees to the period as it stands`);
  }
  if (endsOn <= team.endsOn) throw badInput('endsOn', `must be after the current last day ${team.endsOn}`);
  withinLimit(team, endsOn, settings);
  const approval = { jurisdiction: caller.jurisdiction, sub: caller.sub, at: now };
  return settled(team, { endsOn, reason, proposedAt: now, proposedBy: caller.sub, byJurisdiction: caller.jurisdiction, approvals: [approval] }, now);
}

/**
 * A leader of another party approves the pending extension, naming its last day (what
 * they agree to, in writing: a proposal replaced meanwhile is not approved by mistake).
 */
export function approveExtension(team: TeamRecord, caller: Caller, endsOn: string, now: Date, settings: TeamSettings): Partial<TeamRecord> {
  mustLead(team, caller, 'approves an extension');
  stillRunning(team, now);
  const pending = team.pendingExtension;
  if (!pending) throw badInput('teamId', 'no extension is pending (a leader proposes one with extendTeam)');
  if (endsOn !== pending.endsOn) throw badInput('endsOn', `the pending proposal of ${pending.byJurisdiction} is to ${pending.endsOn}: approve that day, or propose another with extendTeam`);
  if (pending.approvals.some((a) => a.jurisdiction === caller.jurisdiction)) throw badInput('teamId', `${caller.jurisdiction} agreed to the extension to ${pending.endsOn} already`);
  // Checked again: the limit may have been lowered since the proposal.
  withinLimit(team, endsOn, settings);
  return settled(team, { ...pending, approvals: [...pending.approvals, { jurisdiction: caller.jurisdiction, sub: caller.sub, at: now }] }, now);
}
