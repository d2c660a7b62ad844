import 'reflect-metadata';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionOf } from '../../common/storage';
import { DeliveryState } from '../models';

registerEnumType(DeliveryState, { name: 'WebhookDeliveryStatus', description: 'PENDING: not yet accepted by the receiver (tried again with backoff); DELIVERED: answered 2xx' });

@ObjectType({ description: 'One event sent (or to be sent) to a subscription: its attempts so far' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'The `webhook-id` of every attempt: `<subgraph>:<outbox position>`' })
  eventId!: string;

  @Field()
  eventType!: string;

  @Field(() => DeliveryState)
  status!: DeliveryState;

  @Field(() => Int)
  attempts!: number;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it is tried next (PENDING)' })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status at the last attempt (null: no answer)" })
  lastStatus!: number | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;
}

@ObjectType()
export class WebhookDeliveryConnection extends connectionOf('WebhookDelivery', () => WebhookDelivery) {}

@ObjectType({ description: "A partner's subscription to events of its own jurisdiction or organisation" })
export class WebhookSubscription {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field(() => [String])
  events!: string[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field({ description: 'The owner: events naming this jurisdiction or organisation are delivered' })
  jurisdiction!: string;

  @Field()
  organisation!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  secretRotatedAt!: Date | null;

  @Field({ description: 'False once disabled after repeated failures, until its owner enables it (enableWebhookSubscription)' })
  enabled!: boolean;

  @Field(() => Int)
  consecutiveFailures!: number;

  @Field(() => Date, { nullable: true })
  disabledAt!: Date | null;
}

@ObjectType({ description: 'A subscription and its signing secret, shown this once (keep it: the hub cannot show it again)' })
export class WebhookSubscriptionSecret {
  @Field(() => WebhookSubscription)
  subscription!: WebhookSubscription;

  @Field({ description: '`whsec_` and base64: verify deliveries with any Standard Webhooks library' })
  secret!: string;
}
