import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';

@InputType()
export class CreateWebhookSubscriptionInput {
  @Field({ description: 'Where deliveries are POSTed: https (http only to loopback, in development); never a private or link-local address unless the hub is configured to allow it' })
  url!: string;

  @Field(() => [String], { description: 'Event types, e.g. handoff.offered (the vocabulary is in docs/guides/partner-system.md)' })
  events!: string[];

  @Field(() => String, { nullable: true })
  description?: string | null;
}
