import { Schema, type Connection, type Model } from 'mongoose';
import type { Caller, Role } from '../../../platform/auth';
import { ListedCollection, listedField } from '../../common/storage';

/**
 * Joint investigation teams (Eurojust model agreement): parties (jurisdictions) that
 * agreed to investigate together for a purpose and a period, a leader per party, members,
 * and the proceedings they share. While a team is active, its members read the linked
 * proceedings of the other parties as if they were of that jurisdiction (teams/access.ts).
 */

export interface LeaderRecord {
  jurisdiction: string;
  /** Token subject of the judge or prosecutor who joined for the party. */
  sub: string;
  joinedAt: Date;
}

export interface MemberRecord {
  /** As the token's `sub`. */
  sub: string;
  role: string;
  jurisdiction: string;
  addedAt: Date;
  addedBy: string;
}

/** An extension in force: proposed by one party's leader, agreed by every other party's. */
export interface ExtensionRecord {
  endsOn: string;
  reason: string;
  at: Date;
  /** The proposing leader (token subject) and party. */
  by: string;
  byJurisdiction: string;
  /** Every party whose leader agreed, the proposer's first (absent on extensions made before agreement was required). */
  approvedBy?: string[];
}

export interface ApprovalRecord {
  jurisdiction: string;
  sub: string;
  at: Date;
}

/**
 * An extension one party's leader proposed (Eurojust model agreement: the period is
 * extended by mutual agreement of the parties); it takes effect once every other party's
 * leader approved it. A new proposal replaces it (a counter-proposal), approvals reset.
 */
export interface ExtensionProposalRecord {
  endsOn: string;
  reason: string;
  proposedAt: Date;
  proposedBy: string;
  byJurisdiction: string;
  /** The proposer's party first. */
  approvals: ApprovalRecord[];
}

/** How far one agreed extension may reach (TEAM_EXTENSION_MAX_MONTHS). */
export interface TeamSettings {
  maxExtensionMonths: number;
}

/** A year: long enough for a further stage of an investigation, short enough that the parties agree again. */
export const DEFAULT_TEAM_SETTINGS: TeamSettings = { maxExtensionMonths: 12 };

export interface TeamRecord {
  _id: string;
  name: string;
  parties: string[];
  purpose: string;
  /** YYYY-MM-DD, inclusive. */
  startsOn: string;
  /** YYYY-MM-DD, inclusive; the latest extension's. */
  endsOn: string;
  extensions: ExtensionRecord[];
  /** An extension awaiting the other parties' approval (null or absent: none). */
  pendingExtension?: ExtensionProposalRecord | null;
  /** One per party that joined: the team is active once every party has. */
  leaders: LeaderRecord[];
  members: MemberRecord[];
  proceedingIds: string[];
  createdAt: Date;
  createdBy: string;
  closedAt: Date | null;
  closingReason: string | null;
  _listed?: string[];
}

const teamSchema = new Schema<TeamRecord>(
  {
    _id: String,
    name: { type: String, required: true },
    parties: { type: [String], required: true },
    purpose: { type: String, required: true },
    startsOn: { type: String, required: true },
    endsOn: { type: String, required: true },
    extensions: { type: [new Schema({ endsOn: String, reason: String, at: Date, by: String, byJurisdiction: String, approvedBy: [String] }, { _id: false })], default: [] },
    pendingExtension: {
      type: new Schema(
        {
          endsOn: String,
          reason: String,
          proposedAt: Date,
          proposedBy: String,
          byJurisdiction: String,
          approvals: [new Schema({ jurisdiction: String, sub: String, at: Date }, { _id: false })],
        },
        { _id: false },
      ),
      default: null,
    },
    leaders: { type: [new Schema({ jurisdiction: String, sub: String, joinedAt: Date }, { _id: false })], default: [] },
    members: { type: [new Schema({ sub: String, role: String, jurisdiction: String, addedAt: Date, addedBy: String }, { _id: false })], default: [] },
    proceedingIds: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    closedAt: { type: Date, default: null },
    closingReason: { type: String, default: null },
    _listed: listedField,
  },
  { collection: 'jointInvestigationTeams', versionKey: false },
);

export type TeamState = 'PENDING' | 'ACTIVE' | 'EXPIRED' | 'CLOSED';

/** YYYY-MM-DD of an instant (UTC). */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Closed by a leader; else expired after its last day; else pending until every party joined. */
export function stateOf(team: TeamRecord, now: Date): TeamState {
  if (team.closedAt) return 'CLOSED';
  if (dayOf(now) > team.endsOn) return 'EXPIRED';
  return team.leaders.length < team.parties.length ? 'PENDING' : 'ACTIVE';
}

/** The roles a team gives access to (and that members may have). */
export const TEAM_ROLES: Role[] = ['judge', 'prosecutor', 'law_enforcement'];

/**
 * Whether the team opens its proceedings to this caller now: active, within its dates,
 * and the caller a member with the same subject, role and jurisdiction as recorded.
 */
export function opensTo(team: TeamRecord, caller: Caller, now: Date): boolean {
  return (
    stateOf(team, now) === 'ACTIVE' &&
    team.startsOn <= dayOf(now) &&
    team.members.some((m) => m.sub === caller.sub && m.role === caller.role && m.jurisdiction === caller.jurisdiction)
  );
}

/** The last day `months` calendar months after `day` (YYYY-MM-DD), at the end of a shorter month: 2026-01-31 + 1 → 2026-02-28. */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastOfMonth = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastOfMonth));
  return dayOf(target);
}

/** The parties whose leader has not approved the pending extension yet. */
export function awaitingApproval(team: TeamRecord): string[] {
  const approved = new Set((team.pendingExtension?.approvals ?? []).map((a) => a.jurisdiction));
  return team.pendingExtension ? team.parties.filter((party) => !approved.has(party)) : [];
}

/** Teams listed by the proceedings they link and by their parties. */
export function teamModels(connection: Connection, settings: TeamSettings = DEFAULT_TEAM_SETTINGS) {
  const Team: Model<TeamRecord> = connection.models.JointInvestigationTeam ?? connection.model<TeamRecord>('JointInvestigationTeam', teamSchema);
  return {
    Team,
    teamSettings: settings,
    teams: new ListedCollection(Team, {
      proceeding: (t) => t.proceedingIds,
      party: (t) => t.parties,
    }),
  };
}
