import 'reflect-metadata';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { basis, forRoles, typeAccess } from '../../../common/access';
import type { Entity } from '../../../common/storage';
import { connectionOf } from '../../../common/storage';
import { isRecordId } from '../../../common/validate';
import type { ProceedingContext } from '../../models';
import { TEAM_ROLES, type TeamRecord } from '../models';

export enum TeamStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  CLOSED = 'CLOSED',
}
registerEnumType(TeamStatus, {
  name: 'TeamStatus',
  description: 'PENDING until every party joined; ACTIVE until its last day (it opens proceedings only from its first); EXPIRED after; CLOSED by a leader',
});

export enum TeamRole {
  judge = 'judge',
  prosecutor = 'prosecutor',
  law_enforcement = 'law_enforcement',
}
registerEnumType(TeamRole, { name: 'TeamRole', description: 'The roles a team member may have (as in the token)' });

@ObjectType({ description: 'The judge or prosecutor who leads the team for one party' })
export class TeamLeader {
  @Field()
  jurisdiction!: string;

  @Field({ description: 'Token subject' })
  sub!: string;

  @Field()
  joinedAt!: Date;
}

@ObjectType()
export class TeamMember {
  @Field({ description: 'Token subject of the practitioner' })
  sub!: string;

  @Field(() => TeamRole)
  role!: TeamRole;

  @Field()
  jurisdiction!: string;

  @Field()
  addedAt!: Date;
}

@ObjectType()
export class TeamExtension {
  @Field({ description: 'The new last day, YYYY-MM-DD' })
  endsOn!: string;

  @Field()
  reason!: string;

  @Field()
  at!: Date;

  @Field({ description: 'The jurisdiction whose leader proposed it' })
  byJurisdiction!: string;

  @Field(() => [String], { nullable: true, description: 'Every party whose leader agreed to it, the proposer first' })
  approvedBy!: string[] | null;
}

@ObjectType({ description: 'An extension one party proposed: in force once the leader of every party approved it' })
export class TeamExtensionProposal {
  @Field({ description: 'The proposed last day, YYYY-MM-DD' })
  endsOn!: string;

  @Field()
  reason!: string;

  @Field()
  proposedAt!: Date;

  @Field({ description: 'The jurisdiction whose leader proposed it' })
  byJurisdiction!: string;

  @Field(() => [String], { description: 'The parties that agreed, the proposer first' })
  approvedBy!: string[];

  @Field(() => [String], { description: 'The parties whose leader has still to approve it' })
  awaiting!: string[];
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A joint investigation team (Eurojust model agreement): while active, its members read the linked proceedings of every party' })
export class JointInvestigationTeam {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2, at least two' })
  parties!: string[] | null;

  @Field(() => [String], { nullable: true, description: 'The parties that joined; the team is ACTIVE once all have' })
  joined!: string[] | null;

  @Field(() => String, { nullable: true })
  purpose!: string | null;

  @Field(() => String, { nullable: true, description: 'First day, YYYY-MM-DD' })
  startsOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Last day, YYYY-MM-DD (after extensions)' })
  endsOn!: string | null;

  @Field(() => [TeamExtension], { nullable: true, description: 'The extensions in force, oldest first' })
  extensions!: TeamExtension[] | null;

  @Field(() => TeamExtensionProposal, { nullable: true })
  pendingExtension!: TeamExtensionProposal | null;

  @Field(() => [TeamLeader], { nullable: true })
  leaders!: TeamLeader[] | null;

  @Field(() => [TeamMember], { nullable: true })
  members!: TeamMember[] | null;

  @Field(() => TeamStatus, { nullable: true })
  status!: TeamStatus | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true })
  closingReason!: string | null;
}

type TeamDoc = Entity<TeamRecord>;

const party = basis<TeamDoc>('a party to the team', 'TEAM_PARTY', (ctx, team) => team.parties.includes(ctx.caller!.jurisdiction));
const member = basis<TeamDoc>('a member of the team', 'TEAM_MEMBER', (ctx, team) =>
  team.members.some((m) => m.sub === ctx.caller!.sub && m.jurisdiction === ctx.caller!.jurisdiction && m.role === ctx.caller!.role),
);

/** Judges and prosecutors of every party read a team (they lead and staff it); police only the teams they are members of. */
export const teamAccess = typeAccess<TeamDoc>({
  typeName: 'JointInvestigationTeam',
  noun: 'this joint investigation team',
  id: (t) => t.id,
  jurisdiction: (t) => t.parties[0],
  visibleOn: [party],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.team.load(id))?.parties[0] ?? null) : null),
  open: ['id'],
  fields: Object.fromEntries(
    ['name', 'parties', 'joined', 'purpose', 'startsOn', 'endsOn', 'extensions', 'pendingExtension', 'leaders', 'members', 'proceedings', 'status', 'closedAt', 'closingReason'].map((f) => [f, 'TEAM']),
  ),
  rules: {
    TEAM: { roles: TEAM_ROLES, bases: [forRoles(['judge', 'prosecutor'], party), member] },
  },
});

@ObjectType()
export class JointInvestigationTeamConnection extends connectionOf('JointInvestigationTeam', () => JointInvestigationTeam) {}

@InputType()
export class CreateTeamInput {
  @Field()
  name!: string;

  @Field(() => [String], { description: 'Every party, the caller’s own jurisdiction among them (at least two)' })
  parties!: string[];

  @Field()
  purpose!: string;

  @Field({ description: 'YYYY-MM-DD' })
  startsOn!: string;

  @Field({ description: 'YYYY-MM-DD, after startsOn' })
  endsOn!: string;
}

@InputType()
export class TeamMemberInput {
  @Field({ description: 'The practitioner’s token subject' })
  sub!: string;

  @Field(() => TeamRole)
  role!: TeamRole;
}
