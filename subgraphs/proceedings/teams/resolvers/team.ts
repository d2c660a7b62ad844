import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../../common/audited';
import { badInput, forbidden, notFound } from '../../../../platform/errors';
import { visibleOnly, visibleOrNull } from '../../../common/access';
import type { Entity } from '../../../common/storage';
import { pageOf } from '../../../common/storage';
import { checkAll, checkEach, countryCode, localDate, newId, recordId, text, validOrUndefined } from '../../../common/validate';
import type { ProceedingContext } from '../../models';
import { Proceeding, proceedingAccess } from '../../types';
import { approveExtension, proposeExtension, stillRunning } from '../domain/agreement';
import { awaitingApproval, dayOf, stateOf, type TeamRecord } from '../models';
import { CreateTeamInput, JointInvestigationTeam, JointInvestigationTeamConnection, teamAccess, TeamExtensionProposal, TeamMemberInput, TeamStatus } from '../schema/team';

type TeamDoc = Entity<TeamRecord>;

/** Changes one team under its lock; `change` sees it as it is and throws BAD_USER_INPUT for a change that does not apply. */
async function changeTeam(ctx: ProceedingContext, id: string, action: string, fields: string[], change: (team: TeamDoc) => Partial<TeamRecord>): Promise<TeamDoc> {
  return ctx.audit.change(action, 'JointInvestigationTeam', id, fields, async () => {
    const updated = await ctx.models.teams.update(id, change);
    if (!updated) throw notFound('JointInvestigationTeam', id);
    return updated;
  });
}

@Resolver(() => JointInvestigationTeam)
export class TeamResolver {
  @Query(() => JointInvestigationTeam, { nullable: true, description: "A team the caller's jurisdiction is a party to (else null, as for an unknown id)" })
  async jointInvestigationTeam(@Arg('id', () => ID) id: string, @Ctx() ctx: ProceedingContext): Promise<TeamDoc | null> {
    return visibleOrNull(teamAccess, ctx, await ctx.loaders.team.load(recordId(id, 'id')));
  }

  @Query(() => JointInvestigationTeamConnection, { description: "The teams the caller's jurisdiction is a party to, oldest first (for police: those they are members of)" })
  async jointInvestigationTeams(
    @Ctx() ctx: ProceedingContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const { teams } = ctx.models;
    const caller = ctx.caller!;
    const membersOnly = caller.role === 'law_enforcement';
    const where = membersOnly ? (team: TeamDoc) => team.members.some((m) => m.sub === caller.sub && m.jurisdiction === caller.jurisdiction) : undefined;
    return pageOf([{ records: teams, list: teams.list('party', caller.jurisdiction), where }], { first, after });
  }

  @Audited('TEAM_CREATED')
  @Mutation(() => JointInvestigationTeam, {
    description: "Sets up a team (a prosecutor or judge of one party, who leads it for that party); it is ACTIVE once a prosecutor or judge of every other party joined",
  })
  async createJointInvestigationTeam(@Arg('input', () => CreateTeamInput) input: CreateTeamInput, @Ctx() ctx: ProceedingContext) {
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

  @Audited('TEAM_JOINED')
  @Mutation(() => JointInvestigationTeam, { description: "Joins a team for the caller's jurisdiction (a prosecutor or judge of a party that has not joined yet), as its leader for that party" })
  joinJointInvestigationTeam(@Arg('teamId', () => ID) teamId: string, @Ctx() ctx: ProceedingContext) {
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

  @Audited('TEAM_MEMBER_ADDED')
  @Mutation(() => JointInvestigationTeam, { description: "Adds a practitioner of the caller's own jurisdiction (a prosecutor or judge of a party that joined)" })
  async addTeamMember(@Arg('teamId', () => ID) teamId: string, @Arg('input', () => TeamMemberInput) input: TeamMemberInput, @Ctx() ctx: ProceedingContext) {
    const caller = ctx.caller!;
    const { sub } = await checkAll({ sub: () => text(input.sub, 'input.sub', { max: 200 }) });
    return changeTeam(ctx, teamId, 'TEAM_MEMBER_ADDED', ['members'], (team) => {
      stillRunning(team, ctx.now);
      if (!team.leaders.some((l) => l.jurisdiction === caller.jurisdiction)) throw badInput('teamId', `${caller.jurisdiction} has not joined this team yet (joinJointInvestigationTeam)`);
      if (team.members.some((m) => m.sub === sub && m.jurisdiction === caller.jurisdiction)) throw badInput('input.sub', `${sub} is a member already`);
      return { members: [...team.members, { sub, role: input.role, jurisdiction: caller.jurisdiction, addedAt: ctx.now, addedBy: caller.sub }] };
    });
  }

  @Audited('TEAM_MEMBER_REMOVED')
  @Mutation(() => JointInvestigationTeam, { description: "Removes a member of the caller's own jurisdiction; their access ends with the next request" })
  removeTeamMember(@Arg('teamId', () => ID) teamId: string, @Arg('sub', () => String) sub: string, @Ctx() ctx: ProceedingContext) {
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

  @Audited('TEAM_PROCEEDING_LINKED')
  @Mutation(() => JointInvestigationTeam, { description: "Shares a proceeding of the caller's jurisdiction with the team (a prosecutor or judge of a party that joined)" })
  async linkProceeding(@Arg('teamId', () => ID) teamId: string, @Arg('proceedingId', () => ID) proceedingId: string, @Ctx() ctx: ProceedingContext) {
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

  @Audited('TEAM_EXTENSION_PROPOSED')
  @Mutation(() => JointInvestigationTeam, {
    description:
      "Proposes a later last day, with a reason (a leader of a party): it takes effect once the leader of every other party approved it (approveTeamExtension); until then `pendingExtension` says what awaits whom. One extension adds at most TEAM_EXTENSION_MAX_MONTHS (default 12) months. A new proposal replaces a pending one",
  })
  async extendTeam(@Arg('teamId', () => ID) teamId: string, @Arg('endsOn', () => String) endsOn: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: ProceedingContext) {
    const { newEnd, why } = await checkAll({ newEnd: () => localDate(endsOn, 'endsOn'), why: () => text(reason, 'reason', { max: 1000 }) });
    return changeTeam(ctx, teamId, 'TEAM_EXTENSION_PROPOSED', ['pendingExtension'], (team) =>
      proposeExtension(team, ctx.caller!, newEnd, why, ctx.now, ctx.models.teamSettings),
    );
  }

  @Audited('TEAM_EXTENSION_APPROVED', 'TEAM_EXTENDED')
  @Mutation(() => JointInvestigationTeam, {
    description: "Approves the pending extension for the caller's party (its leader), naming its last day; the last approval puts it in force",
  })
  async approveTeamExtension(@Arg('teamId', () => ID) teamId: string, @Arg('endsOn', () => String) endsOn: string, @Ctx() ctx: ProceedingContext) {
    const { agreed } = await checkAll({ agreed: () => localDate(endsOn, 'endsOn') });
    const team = await changeTeam(ctx, teamId, 'TEAM_EXTENSION_APPROVED', ['pendingExtension', 'endsOn', 'extensions'], (current) =>
      approveExtension(current, ctx.caller!, agreed, ctx.now, ctx.models.teamSettings),
    );
    // The approval that completed the agreement changed the team's period: said as such in the trail.
    if (!team.pendingExtension) ctx.audit.noteEvent('TEAM_EXTENDED', 'JointInvestigationTeam', team.id, ['endsOn', 'extensions']);
    return team;
  }

  @Audited('TEAM_CLOSED')
  @Mutation(() => JointInvestigationTeam, { description: "Closes the team (a leader of a party): its members' access ends with the next request" })
  async closeTeam(@Arg('teamId', () => ID) teamId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: ProceedingContext) {
    const caller = ctx.caller!;
    const { why } = await checkAll({ why: () => text(reason, 'reason', { max: 1000 }) });
    return changeTeam(ctx, teamId, 'TEAM_CLOSED', ['status', 'closedAt', 'closingReason'], (team) => {
      if (!team.leaders.some((l) => l.sub === caller.sub && l.jurisdiction === caller.jurisdiction)) throw forbidden('Only a leader of the team closes it');
      if (team.closedAt) throw badInput('teamId', `the team was closed on ${dayOf(team.closedAt)}`);
      return { closedAt: ctx.now, closingReason: why };
    });
  }

  @FieldResolver(() => TeamStatus, { nullable: true })
  status(@Root() team: TeamDoc, @Ctx() ctx: ProceedingContext): TeamStatus {
    return stateOf(team, ctx.now) as TeamStatus;
  }

  @FieldResolver(() => TeamExtensionProposal, { nullable: true, description: 'An extension proposed and not yet approved by every party (null: none)' })
  pendingExtension(@Root() team: TeamDoc): TeamExtensionProposal | null {
    const pending = team.pendingExtension;
    if (!pending) return null;
    return { ...pending, approvedBy: pending.approvals.map((a) => a.jurisdiction), awaiting: awaitingApproval(team) };
  }

  @FieldResolver(() => [String], { nullable: true })
  joined(@Root() team: TeamDoc): string[] {
    return team.leaders.map((l) => l.jurisdiction);
  }

  @FieldResolver(() => [Proceeding], { nullable: true, description: "The linked proceedings the caller may read (a member of an active team reads every party's)" })
  async proceedings(@Root() team: TeamDoc, @Ctx() ctx: ProceedingContext) {
    const linked = await ctx.loaders.proceeding.loadMany(team.proceedingIds);
    return visibleOnly(proceedingAccess, ctx, linked.filter((p): p is NonNullable<typeof p> & object => p !== null && !(p instanceof Error)));
  }
}
