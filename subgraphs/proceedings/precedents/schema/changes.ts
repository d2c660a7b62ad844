import 'reflect-metadata';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Precedent } from './precedent';

/** The change feed courts sync from: every precedent at its latest publication, correction or withdrawal. */

export enum PrecedentChangeKind {
  PUBLISHED = 'PUBLISHED',
  CORRECTED = 'CORRECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(PrecedentChangeKind, { name: 'PrecedentChangeKind' });

@ObjectType({ description: 'A precedent as it is after its latest change' })
export class PrecedentChange {
  @Field({ description: 'Resume after this change with precedentChanges(since: cursor)' })
  cursor!: string;

  @Field(() => PrecedentChangeKind)
  kind!: PrecedentChangeKind;

  @Field()
  ecli!: string;

  @Field()
  withdrawn!: boolean;

  @Field()
  changedAt!: Date;

  @Field(() => Precedent)
  precedent!: Precedent;
}

@ObjectType({ description: 'A page of the change feed; keep `cursor` and ask again from it' })
export class PrecedentChanges {
  @Field(() => [PrecedentChange], { description: 'Oldest change first; each precedent once, at its latest change' })
  changes!: PrecedentChange[];

  @Field(() => String, { nullable: true, description: 'The `since` of the next call (null: the feed is empty)' })
  cursor!: string | null;

  @Field({ description: 'More changes are waiting: ask again from `cursor` now' })
  hasMore!: boolean;
}
