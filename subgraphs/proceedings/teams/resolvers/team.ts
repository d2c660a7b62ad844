import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../../common/audited';
import { visibleOnly, visibleOrNull } from '../../../common/access';
import type { Entity } from '../../../common/storage';
import { recordId } from '../../../common/validate';
import type { ProceedingContext, ProceedingRecord } from '../../models';
import { proceedingAccess } from '../../access';
import { Proceeding } from '../../schema/proceeding';
import { teamAccess } from '../access';
import { awaitingApproval, stateOf, type TeamRecord } from '../models';
import { addTeamMember, joinTeam, linkProceeding, removeTeamMember } from '../domain/membership';
import { approveTeamExtension, closeTeam, createTeam, extendTeam, teamsOf, teamsOfProceeding } from '../domain/team';
import { CreateTeamInput, TeamMemberInput } from '../schema/inputs';
import { JointInvestigationTeam, JointInvestigationTeamConnection, TeamExtensionProposal } from '../schema/team';
import { TeamStatus } from '../schema/vocabulary';

type TeamDoc = Entity<TeamRecord>;

@Resolver(() => JointInvestigationTeam)
export class TeamResolver {
  @Query(() => JointInvestigationTeam, { nullable: true, description: "A team the caller's jurisdiction is a party to (else null, as for an unknown id)" })
  async jointInvestigationTeam(@Arg('id', () => ID) id: string, @Ctx() ctx: ProceedingContext): Promise<TeamDoc | null> {
    return visibleOrNull(teamAccess, ctx, await ctx.loaders.team.load(recordId(id, 'id')));
  }

  @Query(() => JointInvestigationTeamConnection, { description: "The teams the caller's jurisdiction is a party to, oldest first (for police: those they are members of)" })
  jointInvestigationTeams(
    @Ctx() ctx: ProceedingContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return teamsOf(ctx, first, after);
  }

  @Audited('TEAM_CREATED')
  @Mutation(() => JointInvestigationTeam, {
    description: "Sets up a team (a prosecutor or judge of one party, who leads it for that party); it is ACTIVE once a prosecutor or judge of every other party joined",
  })
  createJointInvestigationTeam(@Arg('input', () => CreateTeamInput) input: CreateTeamInput, @Ctx() ctx: ProceedingContext) {
    return createTeam(ctx, input);
  }

  @Audited('TEAM_JOINED')
  @Mutation(() => JointInvestigationTeam, { description: "Joins a team for the caller's jurisdiction (a prosecutor or judge of a party that has not joined yet), as its leader for that party" })
  joinJointInvestigationTeam(@Arg('teamId', () => ID) teamId: string, @Ctx() ctx: ProceedingContext) {
    return joinTeam(ctx, teamId);
  }

  @Audited('TEAM_MEMBER_ADDED')
  @Mutation(() => JointInvestigationTeam, { description: "Adds a practitioner of the caller's own jurisdiction (a prosecutor or judge of a party that joined)" })
  addTeamMember(@Arg('teamId', () => ID) teamId: string, @Arg('input', () => TeamMemberInput) input: TeamMemberInput, @Ctx() ctx: ProceedingContext) {
    return addTeamMember(ctx, teamId, input);
  }

  @Audited('TEAM_MEMBER_REMOVED')
  @Mutation(() => JointInvestigationTeam, { description: "Removes a member of the caller's own jurisdiction; their access ends with the next request" })
  removeTeamMember(@Arg('teamId', () => ID) teamId: string, @Arg('sub', () => String) sub: string, @Ctx() ctx: ProceedingContext) {
    return removeTeamMember(ctx, teamId, sub);
  }

  @Audited('TEAM_PROCEEDING_LINKED')
  @Mutation(() => JointInvestigationTeam, { description: "Shares a proceeding of the caller's jurisdiction with the team (a prosecutor or judge of a party that joined)" })
  linkProceeding(@Arg('teamId', () => ID) teamId: string, @Arg('proceedingId', () => ID) proceedingId: string, @Ctx() ctx: ProceedingContext) {
    return linkProceeding(ctx, teamId, proceedingId);
  }

  @Audited('TEAM_EXTENSION_PROPOSED')
  @Mutation(() => JointInvestigationTeam, {
    description:
      "Proposes a later last day, with a reason (a leader of a party): it takes effect once the leader of every other party approved it (approveTeamExtension); until then `pendingExtension` says what awaits whom. One extension adds at most TEAM_EXTENSION_MAX_MONTHS (default 12) months. A new proposal replaces a pending one",
  })
  extendTeam(@Arg('teamId', () => ID) teamId: string, @Arg('endsOn', () => String) endsOn: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: ProceedingContext) {
    return extendTeam(ctx, teamId, endsOn, reason);
  }

  @Audited('TEAM_EXTENSION_APPROVED', 'TEAM_EXTENDED')
  @Mutation(() => JointInvestigationTeam, {
    description: "Approves the pending extension for the caller's party (its leader), naming its last day; the last approval puts it in force",
  })
  approveTeamExtension(@Arg('teamId', () => ID) teamId: string, @Arg('endsOn', () => String) endsOn: string, @Ctx() ctx: ProceedingContext) {
    return approveTeamExtension(ctx, teamId, endsOn);
  }

  @Audited('TEAM_CLOSED')
  @Mutation(() => JointInvestigationTeam, { description: "Closes the team (a leader of a party): its members' access ends with the next request" })
  closeTeam(@Arg('teamId', () => ID) teamId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: ProceedingContext) {
    return closeTeam(ctx, teamId, reason);
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

@Resolver(() => Proceeding)
export class ProceedingTeamsResolver {
  @FieldResolver(() => [JointInvestigationTeam], { nullable: true, description: 'The joint investigation teams linking this proceeding that the caller may know of (for police: those they are members of)' })
  jointInvestigationTeams(@Root() proceeding: Entity<ProceedingRecord>, @Ctx() ctx: ProceedingContext): Promise<TeamDoc[]> {
    return teamsOfProceeding(ctx, proceeding.id);
  }
}
