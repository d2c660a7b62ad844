import { Schema, type Connection, type Model } from 'mongoose';
import type { Role } from '../../platform/auth';
import { badInput } from '../../platform/errors';
import type { RequestContext } from './context';
import { DenseLog, listsOf, type Lists } from './storage';

/**
 * The outbox: a subgraph announces a change to partner systems (webhooks, decision 116)
 * by appending an event to a dense log in its own database, in the same step as the
 * change (`emitEvent`, before the record's own write; voided when that write fails). The
 * partners subgraph follows every subgraph's outbox as a feed (`outboxEvents`, a hub
 * service's token only) and delivers. An event names its type, the ids of its records
 * and whom it concerns (jurisdictions, organisations) — never personal data.
 */

/** The event types partners may subscribe to: who owns each and which roles may subscribe (besides partner_system). */
export const EVENT_TYPES: Record<string, { owner: string; roles: Role[]; about: string }> = {
  'protective_order.due_soon': { owner: 'proceedings', roles: ['judge', 'prosecutor'], about: 'a protective order must be decided soon' },
  'protective_order.overdue': { owner: 'proceedings', roles: ['judge', 'prosecutor'], about: 'a protective order was not decided in time' },
  'assistance_request.due_soon': { owner: 'proceedings', roles: ['judge', 'prosecutor'], about: 'a legal assistance request is due soon' },
  'assistance_request.overdue': { owner: 'proceedings', roles: ['judge', 'prosecutor'], about: 'a legal assistance request is overdue' },
  'precedent.published': { owner: 'proceedings', roles: ['judge', 'prosecutor', 'legal_aid_attorney'], about: 'a precedent was published' },
  'handoff.offered': { owner: 'legal-aid', roles: ['legal_aid_attorney'], about: "a handoff was offered to the organisation's attorney" },
  'handoff.accepted': { owner: 'legal-aid', roles: ['legal_aid_attorney'], about: 'a handoff was accepted' },
  'handoff.refused': { owner: 'legal-aid', roles: ['legal_aid_attorney'], about: 'a handoff was refused' },
  'placement.requested': { owner: 'shelters', roles: ['shelter_staff', 'social_worker'], about: 'a shelter placement was requested' },
  'placement.accepted': { owner: 'shelters', roles: ['shelter_staff', 'social_worker'], about: 'a placement request was accepted' },
  'placement.declined': { owner: 'shelters', roles: ['shelter_staff', 'social_worker'], about: 'a placement request was declined' },
  'bed.freed': { owner: 'shelters', roles: ['shelter_staff', 'social_worker'], about: 'a bed of a shelter became free' },
  'certificate.expiring': { owner: 'training', roles: ['accreditation_officer'], about: 'a certificate expires soon' },
  'certificate.revoked': { owner: 'training', roles: ['accreditation_officer'], about: 'a certificate was revoked' },
  'consent.withdrawn': { owner: 'victims', roles: ['social_worker', 'legal_aid_attorney'], about: 'a consent naming the jurisdiction was withdrawn' },
};

export type EventType = keyof typeof EVENT_TYPES;

/** Whom an event concerns: a subscription receives it when it names the owner's jurisdiction or organisation. */
export interface EventAudience {
  jurisdictions?: string[];
  organisations?: string[];
}

export interface OutboxEntry {
  _id: string;
  type: string;
  /** Record ids by name (`handoffId`), nothing else. */
  ids: Record<string, string>;
  jurisdictions: string[];
  organisations: string[];
  at: Date;
  /** The change it announced was not written (its write failed): never delivered. */
  void?: boolean;
  /** Its change is being written (emitEvent): the feed stops before it until it is settled, or for SETTLE_MS at most. */
  pending?: boolean;
  /** When it was appended, on the wall clock (the hub's clock may be moved; SETTLE_MS is real time). */
  appended?: Date;
}

const entrySchema = new Schema<OutboxEntry>(
  { _id: String, type: { type: String, required: true }, ids: { type: Object, required: true }, jurisdictions: [String], organisations: [String], at: { type: Date, required: true }, void: Boolean, pending: Boolean, appended: Date },
  { collection: 'outboxEvents', versionKey: false, minimize: false },
);

/** An event emitted once for its key (a scheduler's: `protective_order.overdue:<id>`), and the outbox entry it became. */
interface OnceDoc {
  _id: string;
  entry: string;
}

const onceSchema = new Schema<OnceDoc>({ _id: String, entry: String }, { collection: 'outboxOnce', versionKey: false });

const LOG = 'events';
export const MAX_OUTBOX_READ = 100;
/**
 * How long the feed waits for a pending entry's change to be written: a receiver told of a
 * change fetches it at once, so the feed serves an entry only once its change is written
 * (or failed, void). An entry still pending after this long (its process stopped between
 * the two) is served anyway: a notice of a change perhaps not made is harmless.
 */
export const SETTLE_MS = 60_000;
const positionOf = (id: string) => Number(id.slice(id.lastIndexOf('#') + 1));

/** One subgraph's outbox, in its own database. */
export class Outbox {
  readonly log: DenseLog<OutboxEntry>;
  private readonly once: Model<OnceDoc>;
  private readonly lists: Lists;

  constructor(connection: Connection) {
    const model: Model<OutboxEntry> = connection.models.OutboxEntry ?? connection.model<OutboxEntry>('OutboxEntry', entrySchema);
    this.log = new DenseLog(model);
    this.once = connection.models.OutboxOnce ?? connection.model<OnceDoc>('OutboxOnce', onceSchema);
    this.lists = listsOf(connection);
  }

  /**
   * Appends the event unless one was appended for `key` already (a scheduler's events:
   * each once, however often and by however many instances it scans). Under the key's
   * lock: the entry, then the key naming it; a crash between the two emits it again at
   * the next scan (at least once, never lost).
   */
  async appendOnce(key: string, event: Omit<OutboxEntry, '_id'>): Promise<boolean> {
    return this.lists.exclusive(`outbox-once/${key}`, async () => {
      if (await this.once.findById(key).lean()) return false;
      const entry = await this.append(event);
      await this.once.create({ _id: key, entry });
      return true;
    });
  }

  async append(event: Omit<OutboxEntry, '_id'>): Promise<string> {
    const [id] = await this.log.append(LOG, [event]);
    return id;
  }

  async voidEntry(id: string): Promise<void> {
    await this.log.model.updateOne({ _id: id }, { $set: { void: true }, $unset: { pending: 1 } });
  }

  /** Its change is written: the feed may serve it. */
  async settle(id: string): Promise<void> {
    await this.log.model.updateOne({ _id: id }, { $unset: { pending: 1 } });
  }

  /**
   * The events after position `after`, at most `count`, in order, up to the first whose
   * change is still being written (SETTLE_MS); void ones are served as void (the reader skips them).
   */
  async read(after: number, count: number): Promise<{ head: number; events: OutboxEvent[] }> {
    const read = await this.log.read(LOG, after, Math.min(count, MAX_OUTBOX_READ));
    const unsettled = read.findIndex((d) => d.pending && Date.now() - (d.appended?.getTime() ?? 0) < SETTLE_MS);
    const docs = unsettled < 0 ? read : read.slice(0, unsettled);
    return {
      head: after + docs.length,
      events: docs.map((d) => ({
        position: positionOf(d._id),
        type: d.type,
        ids: Object.entries(d.ids ?? {}).map(([name, value]) => ({ name, value: String(value) })),
        jurisdictions: d.jurisdictions ?? [],
        organisations: d.organisations ?? [],
        at: d.at,
        void: Boolean(d.void),
      })),
    };
  }
}

/** An event as the feed serves it. */
export interface OutboxEvent {
  position: number;
  type: string;
  ids: Array<{ name: string; value: string }>;
  jurisdictions: string[];
  organisations: string[];
  at: Date;
  void: boolean;
}

const ID_VALUE = /^[A-Za-z0-9._:\-]{1,80}$/;

/**
 * Announces a change: the event goes to the outbox first (pending: the feed does not serve
 * it yet), then `write` runs (the record's own change) and the event is settled, so a
 * receiver never hears of a change before it can fetch it; when `write` fails the event is
 * voided and the failure goes on. Call it
 * inside `ctx.audit.change(…)`, so the order is: audit event, outbox event, change, answer.
 */
export async function emitEvent<T>(ctx: Pick<RequestContext, 'outbox' | 'now'>, type: EventType, event: { ids: Record<string, string> } & EventAudience, write: () => Promise<T>): Promise<T> {
  if (!EVENT_TYPES[type]) throw new Error(`unknown event type ${type}`);
  for (const [name, value] of Object.entries(event.ids)) if (!ID_VALUE.test(value)) throw new Error(`event ${type}: ${name} is not an id`);
  if (!ctx.outbox) throw new Error('no outbox in this context');
  const id = await ctx.outbox.append({ type, ids: event.ids, jurisdictions: event.jurisdictions ?? [], organisations: event.organisations ?? [], at: ctx.now, pending: true, appended: new Date() });
  let written: T;
  try {
    written = await write();
  } catch (error) {
    await ctx.outbox.voidEntry(id).catch(() => {}); // a notice of a change not made is harmless (receivers fetch the state); a change without its notice is not
    throw error;
  }
  await ctx.outbox.settle(id).catch(() => {}); // unsettled, it is served after SETTLE_MS
  return written;
}

/** A scheduler's event (common/scheduler.ts): emitted once for `<type>:<record id>`. */
export function emitOnce(outbox: Outbox, type: EventType, event: { ids: Record<string, string> } & EventAudience, at: Date): Promise<boolean> {
  if (!EVENT_TYPES[type]) throw new Error(`unknown event type ${type}`);
  const key = `${type}:${Object.values(event.ids).join(':')}`;
  return outbox.appendOnce(key, { type, ids: event.ids, jurisdictions: event.jurisdictions ?? [], organisations: event.organisations ?? [], at });
}

/** The feed field every subgraph serves to hub services (the partners subgraph). */
export const OUTBOX_FEED_FIELD = 'outboxEvents';

export const outboxTypeDefs = `
type OutboxEventId @shareable @inaccessible {
  name: String!
  value: String!
}

type OutboxEvent @shareable @inaccessible {
  position: Int!
  type: String!
  ids: [OutboxEventId!]!
  jurisdictions: [String!]!
  organisations: [String!]!
  at: DateTimeISO!
  void: Boolean!
}

type OutboxPage @shareable @inaccessible {
  head: Int!
  events: [OutboxEvent!]!
}

extend type Query {
  """Events of this subgraph's outbox after the position \`after\`, oldest first (hub services only: the partners subgraph)"""
  ${OUTBOX_FEED_FIELD}(after: Int!, first: Int = 50): OutboxPage! @shareable @inaccessible
}
`;

export const outboxResolvers = {
  Query: {
    [OUTBOX_FEED_FIELD]: (_: unknown, args: { after: number; first: number }, ctx: RequestContext) => {
      if (!Number.isInteger(args.after) || args.after < 0) throw badInput('after', 'must be 0 or a position of the feed');
      if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_OUTBOX_READ) throw badInput('first', `must be from 1 to ${MAX_OUTBOX_READ}`);
      return ctx.outbox!.read(args.after, args.first);
    },
  },
};

const FEED_QUERY = `query OutboxFeed($after: Int!, $first: Int!) { ${OUTBOX_FEED_FIELD}(after: $after, first: $first) { head events { position type ids { name value } jurisdictions organisations at void } } }`;

/** The partners subgraph's side: one read of a subgraph's outbox over HTTP with a service token. */
export async function readOutbox(url: string, token: string, after: number, first: number): Promise<{ head: number; events: OutboxEvent[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: FEED_QUERY, variables: { after, first } }),
    signal: AbortSignal.timeout(5_000),
  });
  const body = (await res.json()) as { data?: { [OUTBOX_FEED_FIELD]?: { head: number; events: Array<Omit<OutboxEvent, 'at'> & { at: string }> } }; errors?: Array<{ message: string }> };
  const page = body.data?.[OUTBOX_FEED_FIELD];
  if (!page) throw new Error(`the outbox feed answered HTTP ${res.status}: ${body.errors?.[0]?.message ?? 'no data'}`);
  return { head: page.head, events: page.events.map((e) => ({ ...e, at: new Date(e.at) })) };
}
