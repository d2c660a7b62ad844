import { badInput, forbidden, notFound } from '../../../../platform/errors';
import { visibleOnly } from '../../../common/access';
import type { Entity } from '../../../common/storage';
import { pageOf } from '../../../common/storage';
import { checkAll, checkEach, countryCode, localDate, newId, text, validOrUndefined } from '../../../common/validate';
import type { ProceedingContext } from '../../models';
import { dayOf, type TeamRecord } from '../models';
import type { CreateTeamInput } from '../schema/inputs';
import { approveExtension, proposeExtension } from './agreement';
import { teamAccess } from '../access';

/**
 * A team's life: set up by one party, listed for its parties, its period extended by
 * agreement (the rules: domain/agreement.ts), closed by a leader. Every change is made
 * under the team's lock and through the audit trail.
 */

type TeamDoc = Entity<TeamRecord>;

/** Changes one team under its lock; `change` sees it as it is and throws BAD_USER_INPUT for a change that does not apply. */
export async function changeTeam(ctx: ProceedingContext, id: string, action: string, fields: string[], change: (team: TeamDoc) => Partial<TeamRecord>): Promise<TeamDoc> {
  return ctx.audit.change(action, 'JointInvestigationTeam', id, fields, async () => {
    const updated = await ctx.models.teams.update(id, change);
    if (!updated) throw notFound('JointInvestigationTeam', id);
    return updated;
  });
}

/** The teams of the caller's jurisdiction, oldest first; police see only those they are members of. */
export async function teamsOf(ctx: ProceedingContext, first: number | undefined, after: string | undefined) {
  const { teams } = ctx.models;
  const caller = ctx.caller!;
  return pageOf([{ records: teams, list: teams.list('party', caller.jurisdiction), where: listedTo(ctx) }], { first, after });
}

/** Police list only the teams they are members of; judges and prosecutors every team of their party. */
function listedTo(ctx: ProceedingContext): ((team: TeamDoc) => boolean) | undefined {
  const caller = ctx.caller!;
  if (caller.role !== 'law_enforcement') return undefined;
  return (team) => team.members.some((m) => m.sub === caller.sub && m.jurisdiction === caller.jurisdiction);
}

/** The teams linking a proceeding that the caller may know of, listed as `jointInvestigationTeams` lists them (Proceeding.jointInvestigationTeams). */
export async function teamsOfProceeding(ctx: ProceedingContext, proceedingId: string): Promise<TeamDoc[]> {
  const where = listedTo(ctx);
  const teams = await visibleOnly(teamAccess, ctx, await ctx.loaders.teamsOfProceeding.load(proceedingId));
  return where ? teams.filter(where) : teams;
}

/** A new team, led for the caller's party by the caller; PENDING until every other party joined. */
export async function createTeam(ctx: ProceedingContext, input: CreateTeamInput) {
  const caller = ctx.caller!;
  const today = dayOf(ctx.now);
  // Every wrong field in one answer, before anything is written (name and purpose too).
  const { name, parties, purpose, startsOn, endsOn } = await checkAll({
    name: () => text(input.name, 'input.name', { max: 200 }),
    parties: async () => {
      const codes = [...new Set(await checkEach(input.parties, (p, i) => countryCode(p, `input.parties[${i}]`)))];
      if (codes.length < 2) throw badInput('input.parties', 'a joint team needs at least two parties (jurisdictions)');
      if (codes.length > 27) throw badInput('input.parties', 'must list at most 27 parties');
      if (!codes.includes(caller.jurisdiction)) throw badInput('input.parties', `must include your own jurisdiction ${caller.jurisdiction}`);
      return codes;
    },
    purpose: () => text(input.purpose, 'input.purpose', { max: 2000 }),
    startsOn: () => localDate(input.startsOn, 'input.startsOn'),
    endsOn: () => {
      const last = localDate(input.endsOn, 'input.endsOn');
      // Compared with startsOn only when that is a date: else its own entry says what is wrong.
      const first = validOrUndefined(() => localDate(input.startsOn, 'input.startsOn'));
      if (first !== undefined && last < first) throw badInput('input.endsOn', 'is before startsOn');
      if (last < today) throw badInput('input.endsOn', 'is in the past');
      return last;
    },
  });
  const _id = newId();
  return ctx.audit.change('TEAM_CREATED', 'JointInvestigationTeam', _id, ['name', 'parties', 'purpose', 'startsOn', 'endsOn', 'leaders', 'members'], () =>
    ctx.models.teams.create({
      _id,
      name,
      parties,
      purpose,
      startsOn,
      endsOn,
      extensions: [],
      pendingExtension: null,
      leaders: [{ jurisdiction: caller.jurisdiction, sub: caller.sub, joinedAt: ctx.now }],
      members: [{ sub: caller.sub, role: caller.role, jurisdiction: caller.jurisdiction, addedAt: ctx.now, addedBy: caller.sub }],
      proceedingIds: [],
      createdAt: ctx.now,
      createdBy: caller.sub,
      closedAt: null,
      closingReason: null,
    }),
  );
}

/** A leader proposes a later last day (in force once every other party's leader approved it). */
export async function extendTeam(ctx: ProceedingContext, teamId: string, endsOn: string, reason: string) {
  const { newEnd, why } = await checkAll({ newEnd: () => localDate(endsOn, 'endsOn'), why: () => text(reason, 'reason', { max: 1000 }) });
  return changeTeam(ctx, teamId, 'TEAM_EXTENSION_PROPOSED', ['pendingExtension'], (team) =>
    proposeExtension(team, ctx.caller!, newEnd, why, ctx.now, ctx.models.teamSettings),
  );
}

/** A leader of another party approves the pending extension; the last approval puts it in force. */
export async function approveTeamExtension(ctx: ProceedingContext, teamId: string, endsOn: string) {
  const { agreed } = await checkAll({ agreed: () => localDate(endsOn, 'endsOn') });
  const team = await changeTeam(ctx, teamId, 'TEAM_EXTENSION_APPROVED', ['pendingExtension', 'endsOn', 'extensions'], (current) =>
    approveExtension(current, ctx.caller!, agreed, ctx.now, ctx.models.teamSettings),
  );
  // The approval that completed the agreement changed the team's period: said as such in the trail.
  if (!team.pendingExtension) ctx.audit.noteEvent('TEAM_EXTENDED', 'JointInvestigationTeam', team.id, ['endsOn', 'extensions']);
  return team;
}

/** A leader closes the team: its members' access ends with the next request. */
export async function closeTeam(ctx: ProceedingContext, teamId: string, reason: string) {
  const caller = ctx.caller!;
  const { why } = await checkAll({ why: () => text(reason, 'reason', { max: 1000 }) });
  return changeTeam(ctx, teamId, 'TEAM_CLOSED', ['status', 'closedAt', 'closingReason'], (team) => {
    if (!team.leaders.some((l) => l.sub === caller.sub && l.jurisdiction === caller.jurisdiction)) throw forbidden('Only a leader of the team closes it');
    if (team.closedAt) throw badInput('teamId', `the team was closed on ${dayOf(team.closedAt)}`);
    return { closedAt: ctx.now, closingReason: why };
  });
}
