import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { connectionOf } from '../../../common/storage';
import { TeamRole, TeamStatus } from './vocabulary';

/** A joint investigation team as its parties read it: who leads and staffs it, its period and its extensions. */

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

@ObjectType()
export class JointInvestigationTeamConnection extends connectionOf('JointInvestigationTeam', () => JointInvestigationTeam) {}
