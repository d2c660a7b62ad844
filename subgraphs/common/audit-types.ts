import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { AuditDecision as Decision } from './audit';

export enum AuditDecision {
  ALLOW = 'ALLOW',
  DENY = 'DENY',
}
registerEnumType(AuditDecision, { name: 'AuditDecision', description: 'Whether every field asked for was released' });

@ObjectType({ description: 'One entry of the hash-chained audit trail' })
export class AuditEvent {
  @Field(() => Int, { description: 'Position in the chain, from 1' })
  sequence!: number;

  @Field()
  at!: Date;

  @Field({ description: 'Subject (sub) of the token that acted' })
  actor!: string;

  @Field()
  role!: string;

  @Field()
  jurisdiction!: string;

  @Field()
  org!: string;

  @Field(() => String, { nullable: true, description: 'Declared purpose (X-Purpose header)' })
  purpose!: string | null;

  @Field({ description: 'READ, REGISTER, SCREENING_RECORDED, RECOVERY_PERIOD_STARTED, CONSENT_GRANTED, CONSENT_WITHDRAWN, DUPLICATE_MATCH_DISCLOSED' })
  action!: string;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => [String])
  fields!: string[];

  @Field(() => [String])
  deniedFields!: string[];

  @Field(() => AuditDecision)
  decision!: Decision;

  @Field()
  hash!: string;

  @Field()
  prevHash!: string;
}

/** A point of the chain; as input, a head the overseer recorded earlier. */
@ObjectType('AuditChainHead', { description: 'A point of the chain: the sequence of an event and its hash' })
@InputType('KnownAuditHead', { description: 'A chain head recorded earlier by the overseer' })
export class AuditChainHead {
  @Field(() => Int)
  sequence!: number;

  @Field()
  hash!: string;
}

@ObjectType()
export class AuditChainStatus {
  @Field()
  valid!: boolean;

  @Field(() => Int, { description: 'Events checked' })
  events!: number;

  @Field(() => Int, { nullable: true, description: 'Sequence of the first event whose hash or link does not verify' })
  firstBrokenAt!: number | null;

  @Field(() => AuditChainHead, {
    nullable: true,
    description: 'The newest event: record it outside the hub and pass it as knownHead later to detect removed events',
  })
  head!: AuditChainHead | null;
}
