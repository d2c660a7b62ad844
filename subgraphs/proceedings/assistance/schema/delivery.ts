import 'reflect-metadata';
import { Field, Int, ObjectType } from 'type-graphql';
import { chainCheckType } from '../../../common/chain';
import { DeliveryEvent } from './vocabulary';

/** The e-CODEX style evidence of every hop between the two sides, and the answer to checking its chain. */

@ObjectType({ description: 'Evidence of one hop between the jurisdictions, hash-chained onto the request’s previous one' })
export class DeliveryEvidence {
  @Field(() => Int)
  sequence!: number;

  @Field(() => DeliveryEvent)
  event!: DeliveryEvent;

  @Field()
  at!: Date;

  @Field({ description: 'The jurisdiction that sent the message or, for RETRIEVED, retrieved it' })
  by!: string;

  @Field({
    description:
      'SHA-256 (hex) of the request at that point: the JSON {reference, requestingJurisdiction, executingJurisdiction, proceedingId, kind, urgency, subject, status} in that order, without spaces',
  })
  digest!: string;

  @Field(() => String, { nullable: true, description: 'Why a submission was rejected' })
  reason!: string | null;

  @Field()
  prevHash!: string;

  @Field()
  hash!: string;
}

export const DeliveryCheck = chainCheckType('DeliveryCheck');
