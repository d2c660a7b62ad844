import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { VictimAppearance } from './vocabulary';

/** An entity so that the shelters subgraph can add its transport; resolved only inside a proceeding (resolvable: false). */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Hearing {
  @Field(() => ID)
  id!: string;

  @Field()
  scheduledAt!: Date;

  @Field()
  court!: string;

  @Field(() => VictimAppearance)
  victimAppearance!: VictimAppearance;

  @Field({ description: 'The victim needs safe transport to court (shelters arrange it)' })
  safeTransportNeeded!: boolean;
}
