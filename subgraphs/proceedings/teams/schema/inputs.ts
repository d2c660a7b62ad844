import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { TeamRole } from './vocabulary';

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
