import { Schema, type Connection, type Model } from 'mongoose';
import type { AuditActor } from './audit';
import { DenseLog } from './storage';

/**
 * The erasure feed: when the victims subgraph (the owner of victims) erases or anonymizes
 * a victim, it announces it here, and every subgraph that holds victim data reads the
 * feed and erases its part (common/erasure.ts). The feed is a dense log (common/storage/dense-log.ts):
 * each notice is one immutable document at the next position, written in one insert, so
 * a reader that stops at the first missing position never steps past a notice, and
 * positions are the followers' cursors. Nothing personal is in a notice: the victim's
 * pseudonymous id, when, on what basis, and who asked (by role, jurisdiction and
 * organisation, as audit events name callers).
 */

export interface ErasureNotice {
  /** 1, 2, 3, … in the order the erasures were announced. */
  position: number;
  victimId: string;
  erasedAt: Date;
  /** As the owner's audit event states it: the legal basis given, or `RETENTION:<day>`. */
  legalBasis: string;
  requestedBy: { role: string; jurisdiction: string; org: string };
}

interface NoticeDoc {
  _id: string;
  victimId: string;
  erasedAt: Date;
  legalBasis: string;
  requestedBy: { role: string; jurisdiction: string; org: string };
}

const noticeSchema = new Schema<NoticeDoc>(
  {
    _id: String,
    victimId: { type: String, required: true },
    erasedAt: { type: Date, required: true },
    legalBasis: { type: String, required: true },
    requestedBy: new Schema({ role: String, jurisdiction: String, org: String }, { _id: false }),
  },
  { collection: 'erasureNotices', versionKey: false },
);

const FEED = 'erasures';
/** The most notices one read answers. */
export const MAX_NOTICES = 100;

const positionOf = (id: string) => Number(id.slice(id.lastIndexOf('#') + 1));

/** The owner's side: the append-only feed in its own database. */
export class ErasureNotices {
  private readonly log: DenseLog<NoticeDoc>;
  /**
   * Awaited after a notice is stored: the owner withholds the answers it kept for retries
   * (common/idempotency.ts; a failure fails the erasure, which is asked again) and nudges
   * the followers (best effort; they poll anyway).
   */
  onAnnounce?: () => Promise<void>;

  constructor(connection: Connection) {
    const model: Model<NoticeDoc> = connection.models.ErasureNotice ?? connection.model<NoticeDoc>('ErasureNotice', noticeSchema);
    this.log = new DenseLog(model);
  }

  /** Stores a notice at the next position; resolves to it. */
  async announce(victimId: string, erasedAt: Date, legalBasis: string, requestedBy: AuditActor): Promise<number> {
    const { role, jurisdiction, org } = requestedBy;
    const [id] = await this.log.append(FEED, [{ victimId, erasedAt, legalBasis, requestedBy: { role, jurisdiction, org } }]);
    await this.onAnnounce?.();
    return positionOf(id);
  }

  /** The notices after position `after`, at most `count`, in order; and the feed's length. */
  async read(after: number, count: number): Promise<{ notices: ErasureNotice[]; head: number }> {
    const docs = await this.log.read(FEED, after, count);
    const notices = docs.map(({ _id, victimId, erasedAt, legalBasis, requestedBy }) => ({
      position: positionOf(_id),
      victimId,
      erasedAt,
      legalBasis,
      requestedBy: { role: requestedBy.role, jurisdiction: requestedBy.jurisdiction, org: requestedBy.org },
    }));
    const head = docs.length < count ? after + docs.length : await this.log.length(FEED);
    return { notices, head };
  }
}

/** The root field of the owner's subgraph that serves the feed: the only field a hub service's token opens. */
export const ERASURE_FEED_FIELD = 'erasureNotices';

const FEED_QUERY = `query ErasureFeed($after: Int!, $first: Int!) { ${ERASURE_FEED_FIELD}(after: $after, first: $first) { head notices { position victimId erasedAt legalBasis requestedBy { role jurisdiction org } } } }`;

const TIMEOUT_MS = 5_000;

/** The feed's owner answered that it cannot serve it now (SERVICE_UNAVAILABLE: its database is gone). */
export class ErasureFeedUnavailable extends Error {
  override name = 'ErasureFeedUnavailable';
}

/** The follower's side: one read of the owner's feed over HTTP with a service token. */
export async function readFeed(url: string, token: string, after: number, first: number): Promise<{ notices: ErasureNotice[]; head: number }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: FEED_QUERY, variables: { after, first } }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = (await res.json()) as { data?: { [ERASURE_FEED_FIELD]?: { head: number; notices: Array<Omit<ErasureNotice, 'erasedAt'> & { erasedAt: string }> } }; errors?: Array<{ message: string; extensions?: { code?: unknown } }> };
  const page = body.data?.[ERASURE_FEED_FIELD];
  if (!page && body.errors?.[0]?.extensions?.code === 'SERVICE_UNAVAILABLE') throw new ErasureFeedUnavailable(`the erasure feed answered: ${body.errors[0].message}`);
  if (!page) throw new Error(`the erasure feed answered HTTP ${res.status}: ${body.errors?.[0]?.message ?? 'no data'}`);
  return { head: page.head, notices: page.notices.map((n) => ({ ...n, erasedAt: new Date(n.erasedAt) })) };
}

/** Where a subgraph is nudged to read the feed now, next to its GraphQL path. */
export const NUDGE_PATH = '/erasures/nudge';

/** Asks a follower (its GraphQL URL) to read the feed now; resolves whether it said yes. */
export async function nudgeFollower(graphqlUrl: string, token: string): Promise<boolean> {
  const res = await fetch(new URL(NUDGE_PATH, graphqlUrl), { method: 'POST', headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  return res.status === 202;
}
