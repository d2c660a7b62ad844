import { Schema, type Connection, type Model } from 'mongoose';
import { Counter, Gauge } from 'prom-client';
import { databaseUnavailable } from '../../platform/http';
import { errorFields, type Logger } from '../../platform/logging';
import type { ServiceMetrics } from '../../platform/metrics';
import type { ServiceTokens } from '../../platform/service-tokens';
import { RequestAudit, type AuditActor, type AuditLog } from './audit';
import type { Clock } from './clock';
import { ErasureFeedUnavailable, readFeed, type ErasureNotice } from './erasure-feed';
import { serviceActor } from './hub-services';
import { listsOf, type AnswerStore, type Lists } from './storage';

/**
 * Erasure reaches every subgraph. A subgraph that holds personal data of victims declares
 * what it removes (`erasure` in its definition, an `erasure.ts` next to its models); the
 * platform runs a follower of the owner's erasure feed (common/erasure-feed.ts) in it:
 * at start, every ERASURE_POLL_SECONDS and when the owner nudges it. For each notice, in
 * order and never skipping one: the event VICTIM_DATA_ERASED in the subgraph's own audit
 * chain first, then the erasure (with the answers kept for retries withheld,
 * common/idempotency.ts), then the cursor (in its own database) moves past the
 * notice. A failure is logged (a warning when a database did not answer) and counted,
 * and the same notice is tried again next time; erasing twice is harmless. How far each
 * subgraph is shows in its /metrics.
 */

export interface Erasure<Models = any> {
  /** What it removes, as its audit event lists it (e.g. `Placement.needs`). */
  fields: string[];
  /** Removes this subgraph's personal data of the victim; idempotent, and nothing to do when it holds none. */
  erase(models: Models, victimId: string, now: Date): Promise<void>;
}

export const ERASURE_ACTION = 'VICTIM_DATA_ERASED';
export const DEFAULT_ERASURE_POLL_SECONDS = 30;
const BATCH = 50;
const CURSOR = 'erasures';

interface CursorDoc {
  _id: string;
  /** The last notice erased here. */
  position: number;
  at: Date;
}

const cursorSchema = new Schema<CursorDoc>({ _id: String, position: Number, at: Date }, { collection: 'erasureCursors', versionKey: false });

export interface FollowerOptions<Models> {
  service: string;
  erasure: Erasure<Models>;
  models: Models;
  connection: Connection;
  audit: AuditLog;
  /** The owner's GraphQL URL (CONSENT_SERVICE_URL: the victims subgraph). */
  feedUrl: string | undefined;
  tokens: ServiceTokens;
  clock: Clock;
  logger: Logger;
  metrics: ServiceMetrics;
  /** The answers kept for retries (common/idempotency.ts): withheld at each erasure, as they may hold the victim's data. */
  answers: AnswerStore;
  pollSeconds: number;
}

export class ErasureFollower<Models = any> {
  private readonly cursors: Model<CursorDoc>;
  private readonly lists: Lists;
  private readonly actor: AuditActor;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private readonly processed: Gauge;
  private readonly behind: Gauge;
  private readonly lastRead: Gauge;
  private readonly failures: Counter;

  constructor(private readonly options: FollowerOptions<Models>) {
    const { connection, service, metrics } = options;
    this.cursors = connection.models.ErasureCursor ?? connection.model<CursorDoc>('ErasureCursor', cursorSchema);
    this.lists = listsOf(connection);
    // The hub's erasure job of this subgraph: who asked is in the event's bases.
    this.actor = { ...serviceActor(service), sub: 'erasure' };
    const registers = [metrics.registry];
    this.processed = new Gauge({ name: 'hub_erasure_notice_processed', help: 'Erasure: position of the last erasure notice erased here', registers });
    this.behind = new Gauge({ name: 'hub_erasure_notices_behind', help: 'Erasure: notices in the feed not yet erased here, at the last read', registers });
    this.lastRead = new Gauge({ name: 'hub_erasure_last_read_timestamp_seconds', help: 'Erasure: when the feed was last read in full (Unix time)', registers });
    this.failures = new Counter({ name: 'hub_erasure_failures_total', help: 'Erasure: reads or erasures that failed (each is tried again at the next poll)', registers });
  }

  /** Catches up now, then every `pollSeconds`. */
  async start(): Promise<void> {
    await this.cursors.init();
    this.processed.set(await this.position());
    this.timer = setInterval(() => void this.nudge(), this.options.pollSeconds * 1000).unref();
    void this.nudge();
  }

  /** Reads the feed now, or once more right after the read in progress. Never fails: a failure is logged and counted. */
  nudge(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.catchUp().catch((error) => {
          this.failures.inc();
          // A database gone (this subgraph's, or the feed owner's) is expected while it restarts: a warning
          // naming the cause, never the driver's message (it names the database's address).
          if (databaseUnavailable(error) || error instanceof ErasureFeedUnavailable) this.options.logger.warn({ cause: (error as Error).name }, 'erasure: the feed could not be followed: a database did not answer; trying again at the next poll');
          else this.options.logger.error({ error: errorFields(error), message: (error as Error).message }, 'erasure: the feed could not be followed; trying again at the next poll');
        });
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** The last notice erased here (0: none yet). */
  async position(): Promise<number> {
    return (await this.cursors.findById(CURSOR).lean())?.position ?? 0;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async catchUp(): Promise<void> {
    const { feedUrl, tokens, service } = this.options;
    if (!feedUrl) throw new Error('no erasure feed is configured (CONSENT_SERVICE_URL: the victims subgraph)');
    for (;;) {
      const after = await this.position();
      const page = await readFeed(feedUrl, await tokens.sign(service, 'erasure-feed'), after, BATCH);
      this.behind.set(Math.max(0, page.head - after));
      for (const notice of page.notices) {
        if (this.stopped) return;
        await this.apply(notice);
        this.processed.set(notice.position);
        this.behind.set(Math.max(0, page.head - notice.position));
      }
      if (page.notices.length < BATCH) {
        this.lastRead.set(Date.now() / 1000);
        return;
      }
    }
  }

  /** One notice, under a lock so that instances of this subgraph take turns: audit, erase, move the cursor. */
  private async apply(notice: ErasureNotice): Promise<void> {
    const { audit, erasure, models, clock } = this.options;
    await this.lists.exclusive(`erasure/${CURSOR}`, async () => {
      const done = await this.position();
      if (notice.position <= done) return; // another instance erased it meanwhile
      if (notice.position !== done + 1) throw new Error(`erasure notice ${notice.position} came after ${done}: not erased, to keep the order`);
      const bases = [`ERASURE_NOTICE:${notice.position}`, `LEGAL_BASIS:${notice.legalBasis}`, `REQUESTED_BY:${notice.requestedBy.role}/${notice.requestedBy.jurisdiction}`];
      await new RequestAudit(audit, this.actor, null).change(ERASURE_ACTION, 'Victim', notice.victimId, erasure.fields, async () => {
        await erasure.erase(models, notice.victimId, clock.now());
        await this.options.answers.withholdAll();
      }, bases);
      await this.cursors.updateOne({ _id: CURSOR }, { $set: { position: notice.position, at: clock.now() } }, { upsert: true });
    });
  }
}
