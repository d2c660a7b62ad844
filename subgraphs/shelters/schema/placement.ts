import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { VictimReference } from './references';
import { Shelter } from './shelter';
import { PlacementStatus, ShelterService } from './vocabulary';

@Directive('@key(fields: "id")')
@ObjectType({ description: "A victim's stay in a shelter: LOCATION data, read by the shelter's staff and the social workers of the shelter's or the victim's jurisdiction" })
export class Placement {
  @Field(() => ID)
  id!: string;

  @Field(() => Shelter, { nullable: true })
  shelter!: Shelter | null;

  @Field(() => VictimReference, { nullable: true })
  victim!: VictimReference | null;

  @Field(() => PlacementStatus, { nullable: true })
  status!: PlacementStatus | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  expectedUntil!: string | null;

  @Field(() => [ShelterService], { nullable: true })
  needs!: ShelterService[] | null;

  @Field(() => Date, { nullable: true })
  requestedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'While REQUESTED: when the request expires unless the shelter answers it (PLACEMENT_REQUEST_HOURS after requestedAt)' })
  requestExpiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the shelter's staff accepted it" })
  acceptedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "What the shelter's staff noted when accepting (e.g. when to arrive)" })
  acceptanceNote!: string | null;

  @Field(() => Date, { nullable: true, description: "When the shelter's staff confirmed the arrival" })
  confirmedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;

  @Field(() => String, { nullable: true })
  endReason!: string | null;

  @Field(() => ID, { nullable: true, description: 'The placement this one continues (a transfer)' })
  transferredFrom!: string | null;

  @Field(() => ID, { nullable: true, description: 'The placement that continues this one (a transfer)' })
  transferredTo!: string | null;
}
