import { registerEnumType } from 'type-graphql';

/** Vocabularies more than one subgraph speaks (one GraphQL type each, identical wherever it appears). */

export enum Gender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  NON_BINARY = 'NON_BINARY',
  UNDISCLOSED = 'UNDISCLOSED',
}
registerEnumType(Gender, { name: 'Gender' });
