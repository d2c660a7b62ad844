import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

// The erasure feed as the other subgraphs read it (common/erasure-feed.ts): not in the
// public API (@inaccessible), and only a hub service's token opens it.

@Directive('@inaccessible')
@ObjectType({ description: 'Who asked for an erasure, as audit events name callers' })
export class ErasureRequester {
  @Field()
  role!: string;

  @Field()
  jurisdiction!: string;

  @Field()
  org!: string;
}

@Directive('@inaccessible')
@ObjectType({ description: "A victim's personal data was erased or anonymized here: each subgraph holding some erases its part" })
export class ErasureNotice {
  @Field(() => Int, { description: 'Position in the feed, from 1: the cursor of its readers' })
  position!: number;

  @Field(() => ID)
  victimId!: string;

  @Field()
  erasedAt!: Date;

  @Field({ description: 'The legal basis given, or RETENTION:<day> when the retention period ended' })
  legalBasis!: string;

  @Field(() => ErasureRequester)
  requestedBy!: ErasureRequester;
}

@Directive('@inaccessible')
@ObjectType()
export class ErasureNoticePage {
  @Field(() => [ErasureNotice], { description: 'The notices after the position asked for, oldest first' })
  notices!: ErasureNotice[];

  @Field(() => Int, { description: 'Notices in the feed in all: a reader that stopped before it has more to read' })
  head!: number;
}
