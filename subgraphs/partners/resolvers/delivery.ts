import { FieldResolver, Resolver, Root } from 'type-graphql';
import { DeliveryState, type DeliveryRecord } from '../models';
import { WebhookDelivery } from '../schema/subscription';

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => Date, { nullable: true })
  nextAttemptAt(@Root() delivery: DeliveryRecord): Date | null {
    return delivery.status === DeliveryState.PENDING ? delivery.nextAttemptAt : null;
  }
}
