import { badInput, forbidden } from '../../../../platform/errors';
import { checkAll, recordId, text } from '../../../common/validate';
import type { ProceedingContext } from '../../models';
import { dayOf } from '../models';
import type { TeamMemberInput } from '../schema/inputs';
import { stillRunning } from './agreement';
import { changeTeam } from './team';

/**
 * Who is in a team and what it shares: each party joins with its leader, staffs itself
 * (only a party adds or removes its own practitioners) and links its own proceedings.
 */

/** The caller's party joins, the caller as its leader. */
export function joinTeam(ctx: ProceedingContext, teamId: string) {
  const caller = ctx.caller!;
  return changeTeam(ctx, teamId, 'TEAM_JOINED', ['leaders', 'members', 'status'], (team) => {
    stillRunning(team, ctx.now);
    const joined = team.leaders.find((l) => l.jurisdiction === caller.jurisdiction);
    if (joined) throw badInput('teamId', `${caller.jurisdiction} joined this team already on ${dayOf(joined.joinedAt)}`);
    const members = team.members.some((m) => m.sub === caller.sub && m.jurisdiction === caller.jurisdiction)
      ? team.members
      : [...team.members, { sub: caller.sub, role: caller.role, jurisdiction: caller.jurisdiction, addedAt: ctx.now, addedBy: caller.sub }];
    return { leaders: [...team.leaders, { jurisdiction: caller.jurisdiction, sub: caller.sub, joinedAt: ctx.now }], members };
  });
}

/** A practitioner of the caller's own jurisdiction joins the team's members. */
export async function addTeamMember(ctx: ProceedingContext, teamId: string, input: TeamMemberInput) {
  const caller = ctx.caller!;
  const { sub } = await checkAll({ sub: () => text(input.sub, 'input.sub', { max: 200 }) });
  return changeTeam(ctx, teamId, 'TEAM_MEMBER_ADDED', ['members'], (team) => {
    stillRunning(team, ctx.now);
    if (!team.leaders.some((l) => l.jurisdiction === caller.jurisdiction)) throw badInput('teamId', `${caller.jurisdiction} has not joined this team yet (joinJointInvestigationTeam)`);
    if (team.members.some((m) => m.sub === sub && m.jurisdiction === caller.jurisdiction)) throw badInput('input.sub', `${sub} is a member already`);
    return { members: [...team.members, { sub, role: input.role, jurisdiction: caller.jurisdiction, addedAt: ctx.now, addedBy: caller.sub }] };
  });
}

/** A member of the caller's own jurisdiction leaves; their access ends with the next request. */
export function removeTeamMember(ctx: ProceedingContext, teamId: string, sub: string) {
  const caller = ctx.caller!;
  return changeTeam(ctx, teamId, 'TEAM_MEMBER_REMOVED', ['members'], (team) => {
    const target = team.members.find((m) => m.sub === sub && m.jurisdiction === caller.jurisdiction);
    if (!target) {
      if (team.members.some((m) => m.sub === sub)) throw forbidden(`${sub} is a member for another party; only that party removes them`);
      throw badInput('sub', `${sub} is not a member of this team for ${caller.jurisdiction}`);
    }
    return { members: team.members.filter((m) => m !== target) };
  });
}

/** A proceeding of the caller's jurisdiction is shared with the team. */
export async function linkProceeding(ctx: ProceedingContext, teamId: string, proceedingId: string) {
  const caller = ctx.caller!;
  const proceeding = await ctx.loaders.proceeding.load(recordId(proceedingId, 'proceedingId'));
  if (!proceeding || proceeding.jurisdiction !== caller.jurisdiction) throw badInput('proceedingId', `no proceeding of ${caller.jurisdiction} has this id`);
  return changeTeam(ctx, teamId, 'TEAM_PROCEEDING_LINKED', ['proceedings'], (team) => {
    stillRunning(team, ctx.now);
    if (!team.leaders.some((l) => l.jurisdiction === caller.jurisdiction)) throw badInput('teamId', `${caller.jurisdiction} has not joined this team yet (joinJointInvestigationTeam)`);
    if (team.proceedingIds.includes(proceeding.id)) throw badInput('proceedingId', 'is linked to this team already');
    return { proceedingIds: [...team.proceedingIds, proceeding.id] };
  });
}
