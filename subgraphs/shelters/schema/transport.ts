import 'reflect-metadata';
import { Field, ID, ObjectType } from 'type-graphql';
import { VictimReference } from './references';
import { Escort } from './vocabulary';

@ObjectType({ description: 'Safe transport of a victim to a hearing' })
export class Transport {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  hearingId!: string | null;

  @Field(() => VictimReference, { nullable: true })
  victim!: VictimReference | null;

  @Field(() => String, { nullable: true, description: 'LOCATION' })
  pickupLocation!: string | null;

  @Field(() => Escort, { nullable: true })
  escort!: Escort | null;

  @Field(() => Date, { nullable: true })
  departAt!: Date | null;

  @Field(() => Date, { nullable: true })
  arrangedAt!: Date | null;
}
