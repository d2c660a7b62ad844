import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** An attorney of the legal aid subgraph, by id: this subgraph adds their accreditation, found from `practitionerId`. */
@Directive('@key(fields: "id")')
@ObjectType('Attorney')
export class AttorneyReference {
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => ID)
  practitionerId!: string;
}
