import { Schema, type Connection, type Model } from 'mongoose';
import type { Caller, Role } from '../../../platform/auth';
import { ListedCollection, listedField } from '../../common/store';

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

export interface ExtensionRecord {
  endsOn: string;
  reason: string;
  at: Date;
  by: string;
  byJurisdiction: string;
}

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
    extensions: { type: [new Schema({ endsOn: String, reason: String, at: Date, by: String, byJurisdiction: String }, { _id: false })], default: [] },
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

/** Teams listed by the proceedings they link and by their parties. */
export function teamModels(connection: Connection) {
  const Team: Model<TeamRecord> = connection.models.JointInvestigationTeam ?? connection.model<TeamRecord>('JointInvestigationTeam', teamSchema);
  return {
    Team,
    teams: new ListedCollection(Team, {
      proceeding: (t) => t.proceedingIds,
      party: (t) => t.parties,
    }),
  };
}
