import { Schema, type Connection, type Model } from 'mongoose';
import type { RequestContext } from '../common/context';
import { ListedCollection, listedField, loaderById } from '../common/storage';
import { SecretBox } from './domain/secrets';
import type { UrlPolicy } from './domain/urls';

/**
 * Webhook subscriptions of partner systems and the roles whose events they are, one per
 * URL and owner (a jurisdiction and an organisation), and their deliveries: one per event
 * and subscription, its `_id` both, so a replay of the outbox makes none twice.
 */

export interface SubscriptionRecord {
  _id: string;
  url: string;
  events: string[];
  description: string | null;
  jurisdiction: string;
  organisation: string;
  createdBy: string;
  createdAt: Date;
  /** The signing secret (`whsec_…`), sealed with WEBHOOK_SECRET_KEY (domain/secrets.ts). */
  sealedSecret: string;
  secretRotatedAt: Date | null;
  enabled: boolean;
  consecutiveFailures: number;
  disabledAt: Date | null;
  deletedAt: Date | null;
  _listed?: string[];
}

const subscriptionSchema = new Schema<SubscriptionRecord>(
  {
    _id: String,
    url: { type: String, required: true },
    events: { type: [String], required: true },
    description: { type: String, default: null },
    jurisdiction: { type: String, required: true },
    organisation: { type: String, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    sealedSecret: { type: String, required: true },
    secretRotatedAt: { type: Date, default: null },
    enabled: { type: Boolean, required: true },
    consecutiveFailures: { type: Number, default: 0 },
    disabledAt: { type: Date, default: null },
    deletedAt: { type: Date, default: null },
    _listed: listedField,
  },
  { collection: 'webhookSubscriptions', versionKey: false },
);

export enum DeliveryState {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
}

export interface DeliveryRecord {
  _id: string;
  subscriptionId: string;
  /** `<subgraph>:<outbox position>`: the `webhook-id` of every attempt. */
  eventId: string;
  eventType: string;
  /** The body sent at every attempt (ids and types only). */
  body: string;
  status: DeliveryState;
  attempts: number;
  createdAt: Date;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  /** The receiver's HTTP status at the last attempt (null: no answer). */
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  _listed?: string[];
}

const deliverySchema = new Schema<DeliveryRecord>(
  {
    _id: String,
    subscriptionId: { type: String, required: true },
    eventId: { type: String, required: true },
    eventType: { type: String, required: true },
    body: { type: String, required: true },
    status: { type: String, required: true },
    attempts: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    nextAttemptAt: { type: Date, required: true },
    lastAttemptAt: { type: Date, default: null },
    lastStatus: { type: Number, default: null },
    lastError: { type: String, default: null },
    deliveredAt: { type: Date, default: null },
    _listed: listedField,
  },
  { collection: 'webhookDeliveries', versionKey: false },
);

/** How far the partners subgraph has read each subgraph's outbox. */
export interface CursorRecord {
  _id: string;
  position: number;
  at: Date;
}

const cursorSchema = new Schema<CursorRecord>({ _id: String, position: Number, at: Date }, { collection: 'outboxCursors', versionKey: false });

/** Whose a subscription is: the list of an owner's subscriptions. */
export const ownerOf = (jurisdiction: string, organisation: string) => `${jurisdiction}|${organisation}`;
/** The lists a subscription is found in for an event: by type and jurisdiction, by type and organisation. */
export const byJurisdiction = (type: string, jurisdiction: string) => `${type}|j:${jurisdiction}`;
export const byOrganisation = (type: string, organisation: string) => `${type}|o:${organisation}`;

export interface PartnerSettings {
  box: SecretBox;
  urls: UrlPolicy;
  timeoutMs: number;
  maxFailures: number;
}

export function partnerModels(connection: Connection, settings: PartnerSettings) {
  const model = <T>(name: string, schema: Schema<T>): Model<T> => (connection.models[name] as Model<T>) ?? connection.model<T>(name, schema);
  const Subscription = model('WebhookSubscription', subscriptionSchema);
  const Delivery = model('WebhookDelivery', deliverySchema);
  return {
    Subscription,
    Delivery,
    Cursor: model('OutboxCursor', cursorSchema),
    settings,
    subscriptions: new ListedCollection(Subscription, {
      owner: (s: SubscriptionRecord) => (s.deletedAt ? [] : [ownerOf(s.jurisdiction, s.organisation)]),
      audience: (s: SubscriptionRecord) => (s.deletedAt ? [] : s.events.flatMap((e) => [byJurisdiction(e, s.jurisdiction), byOrganisation(e, s.organisation)])),
    }),
    deliveries: new ListedCollection(Delivery, {
      subscription: (d: DeliveryRecord) => [d.subscriptionId],
      pending: (d: DeliveryRecord) => (d.status === DeliveryState.PENDING ? ['all'] : []),
    }),
  };
}

export type PartnerModels = ReturnType<typeof partnerModels>;

export function partnerLoaders(models: PartnerModels) {
  return {
    subscription: loaderById<SubscriptionRecord>(models.Subscription),
    subscriptionsOfOwner: models.subscriptions.loaderBy('owner'),
  };
}

export type PartnerContext = RequestContext<PartnerModels, ReturnType<typeof partnerLoaders>>;
