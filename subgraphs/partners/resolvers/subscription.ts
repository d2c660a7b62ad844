import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import type { Entity } from '../../common/storage';
import { createSubscription, deleteSubscription, deliveriesOf, enableSubscription, rotateSecret, subscriptionsOfCaller } from '../domain/subscriptions';
import type { PartnerContext, SubscriptionRecord } from '../models';
import { CreateWebhookSubscriptionInput } from '../schema/inputs';
import { WebhookDeliveryConnection, WebhookSubscription, WebhookSubscriptionSecret } from '../schema/subscription';

@Resolver(() => WebhookSubscription)
export class WebhookSubscriptionResolver {
  @Query(() => [WebhookSubscription], { description: "The subscriptions of the caller's jurisdiction and organisation" })
  webhookSubscriptions(@Ctx() ctx: PartnerContext) {
    return subscriptionsOfCaller(ctx);
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'Its deliveries, newest first' })
  deliveries(
    @Root() subscription: Entity<SubscriptionRecord>,
    @Ctx() ctx: PartnerContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return deliveriesOf(ctx, subscription, first, after);
  }

  @Audited('WEBHOOK_SUBSCRIPTION_CREATED')
  @Mutation(() => WebhookSubscriptionSecret, { description: "Subscribes the caller's jurisdiction and organisation to events; the signing secret is answered this once" })
  createWebhookSubscription(@Arg('input', () => CreateWebhookSubscriptionInput) input: CreateWebhookSubscriptionInput, @Ctx() ctx: PartnerContext) {
    return createSubscription(ctx, input);
  }

  @Audited('WEBHOOK_SUBSCRIPTION_DELETED')
  @Mutation(() => ID, { description: 'Deletes a subscription of the caller’s own; nothing more is delivered to it' })
  deleteWebhookSubscription(@Arg('id', () => ID) id: string, @Ctx() ctx: PartnerContext) {
    return deleteSubscription(ctx, id);
  }

  @Audited('WEBHOOK_SECRET_ROTATED')
  @Mutation(() => WebhookSubscriptionSecret, { description: 'A new signing secret, answered this once; the old one signs nothing more' })
  rotateWebhookSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: PartnerContext) {
    return rotateSecret(ctx, id);
  }

  @Audited('WEBHOOK_SUBSCRIPTION_ENABLED')
  @Mutation(() => WebhookSubscription, { description: 'Enables a subscription disabled after repeated failures; its waiting deliveries are tried now' })
  enableWebhookSubscription(@Arg('id', () => ID) id: string, @Ctx() ctx: PartnerContext) {
    return enableSubscription(ctx, id);
  }
}
