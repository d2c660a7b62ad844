import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';

@InputType()
export class AppointDefenceCounselInput {
  @Field({ description: "One of the proceeding's defendant aliases" })
  defendant!: string;

  @Field({ description: "The counsel's token subject (`sub`)" })
  counselSubject!: string;

  @Field({ description: "The counsel's organisation, as her token's `org` says it" })
  counselOrganisation!: string;
}

@InputType()
export class DiscloseEvidenceInput {
  @Field({ description: "The defendant's alias: her counsel, and only hers, reads the item" })
  defendant!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
