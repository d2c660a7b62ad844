import 'reflect-metadata';
import { Field, ID, ObjectType } from 'type-graphql';
import { ProviderKind } from './vocabulary';

@ObjectType({ description: 'An organisation that gives legal aid' })
export class LegalAidProvider {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  jurisdiction!: string;

  @Field(() => ProviderKind)
  kind!: ProviderKind;
}
