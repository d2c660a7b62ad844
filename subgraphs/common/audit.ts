import { Schema, type Connection, type Model } from 'mongoose';
import type { Caller } from '../../platform/auth';
import { databaseUnavailable } from '../../platform/http';
import { errorFields, type Logger } from '../../platform/logging';
import { Checkpoints, DEFAULT_CHECKPOINTS, signatureHolds, type AuditKeys, type CheckpointPolicy } from './audit-checkpoints';
import { HashChains, type Linked } from './chain';
import { byIds, decodeCursor, encodeCursor, listsOf, pageSize, type Lists } from './storage';

/**
 * Append-only, hash-chained audit trail (EU Directive 2016/680 Art. 25: who consulted or
 * changed what, when, why, with what outcome). Each event carries the hash of the one
 * before it, so editing or deleting a stored event breaks the chain at that event.
 *
 * The chain stays linear without transactions (the embedded database has none): an event's `_id` is
 * `chain#<sequence>` (a dense log, common/storage/dense-log.ts), a writer appends at head+1, and a
 * writer that loses the race re-reads the head and re-chains what it has not yet
 * written. This holds across processes. Each subject's events are listed
 * (`auditEvents/subject=<type>:<id>`), so a trail is read without scanning the chain.
 */

export type AuditDecision = 'ALLOW' | 'DENY';

/** Who acted, as an event names it: a verified caller, or one of the hub's own jobs (retention, erasure) with a role of its own. */
export type AuditActor = Pick<Caller, 'sub' | 'jurisdiction' | 'org' | 'issuer'> & { role: string };

export interface AuditEntry {
  action: string; // READ, REGISTER, CONSENT_GRANTED, …
  subjectType: string;
  subjectId: string;
  fields: string[];
  deniedFields: string[];
  decision: AuditDecision;
  /** On what the released fields were released: OWN_JURISDICTION, CONSENT:<consent id>, OVERSIGHT, TEAM:<team id>, … */
  bases: string[];
}

/** Who acted, when and why: shared by every event of one link of the chain. */
interface AuditContext {
  at: Date;
  actor: string;
  role: string;
  jurisdiction: string;
  org: string;
  issuer: string;
  purpose: string | null;
}

export interface AuditEvent extends AuditEntry, AuditContext {
  /** The link of the chain that holds the event (one per request's reads, one per change). */
  sequence: number;
  prevHash: string;
  hash: string;
}

/** A link before it takes its place in the chain: one request's context and its events, a part per subject. */
interface Unchained extends AuditContext {
  parts: AuditEntry[];
}

/** A link as stored (common/chain.ts). Links written before parts existed hold one event at the top level. */
export type StoredLink = Unchained & Linked & { _id: string };

const CHAIN = 'chain';

const auditPartSchema = new Schema<AuditEntry>(
  { action: String, subjectType: String, subjectId: String, fields: [String], deniedFields: [String], decision: String, bases: [String] },
  { _id: false },
);

const auditLinkSchema = new Schema<StoredLink>(
  {
    _id: String,
    sequence: { type: Number, required: true, unique: true },
    at: { type: Date, required: true },
    actor: String,
    role: String,
    jurisdiction: String,
    org: String,
    issuer: String,
    purpose: { type: String, default: null },
    parts: { type: [auditPartSchema], default: undefined },
    prevHash: String,
    partHashes: { type: [String], default: undefined },
    hash: String,
  },
  { collection: 'auditEvents', versionKey: false },
);

function partsOf(link: StoredLink): AuditEntry[] {
  if (link.parts) return link.parts;
  const { action, subjectType, subjectId, fields, deniedFields, decision, bases } = link as unknown as AuditEntry;
  return [{ action, subjectType, subjectId, fields, deniedFields, decision, bases }];
}

/** What each event's hash covers between its sequence and prevHash, in a fixed order (AuditEvent's description in the API). */
function hashedParts(link: Unchained): unknown[][] {
  const context = [link.at.toISOString(), link.actor, link.role, link.jurisdiction, link.org, link.issuer, link.purpose];
  return partsOf(link as StoredLink).map((e) => [...context, e.action, e.subjectType, e.subjectId, e.fields, e.deniedFields, e.decision, e.bases]);
}

/** The events of one link, each with its own prevHash and hash: what the API shows and an overseer recomputes. */
export function eventsOf(link: StoredLink): AuditEvent[] {
  const hashes = link.partHashes ?? [link.hash];
  const { sequence, at, actor, role, jurisdiction, org, issuer, purpose } = link;
  return partsOf(link).map((part, i) => ({ sequence, at, actor, role, jurisdiction, org, issuer, purpose, ...part, prevHash: i === 0 ? link.prevHash : hashes[i - 1], hash: hashes[i] }));
}

/** A subject list's reference to one event: `<link id>/<part>` (links written before parts: the link id). */
const eventRef = (linkId: string, part: number) => `${linkId}/${part}`;
function refOf(ref: string): { linkId: string; part: number } {
  const slash = ref.indexOf('/');
  return slash < 0 ? { linkId: ref, part: 0 } : { linkId: ref.slice(0, slash), part: Number(ref.slice(slash + 1)) };
}

export interface ChainStatus {
  valid: boolean;
  events: number;
  /** Signed checkpoints checked against the chain. */
  checkpoints: number;
  firstBrokenAt: number | null;
  /** The last event: an overseer records it to detect later truncation. */
  head: { sequence: number; hash: string } | null;
}

export class AuditLog {
  /** The links of the chain (collection `auditEvents`); read them as events with `eventsOf`. */
  readonly model: Model<StoredLink>;
  private readonly chains: HashChains<Unchained>;
  private readonly lists: Lists;

  readonly checkpoints: Checkpoints;
  private readonly timer: NodeJS.Timeout;

  constructor(
    connection: Connection,
    service: string,
    readonly keys: AuditKeys,
    private readonly policy: CheckpointPolicy = DEFAULT_CHECKPOINTS,
  ) {
    this.model = connection.models.AuditEvent ?? connection.model<StoredLink>('AuditEvent', auditLinkSchema);
    this.chains = new HashChains<Unchained>(this.model as never, keys.chainKey, { parts: hashedParts });
    this.checkpoints = new Checkpoints(connection, service, keys, policy);
    // A head that stopped moving is still checkpointed within M seconds.
    this.timer = setInterval(() => this.checkpoint(), (policy.seconds * 1000) / 2).unref();
    this.lists = listsOf(connection);
  }

  private static subjectList(subjectType: string, subjectId: string): string {
    return `auditEvents/subject=${encodeURIComponent(`${subjectType}:${subjectId}`)}`;
  }

  /** Requests waiting for the writer of this process, and whether it is running. */
  private waiting: Array<{ link: Unchained; resolve: () => void; reject: (error: unknown) => void }> = [];
  private writing = false;

  /** Told how long each append took and whether it failed (the subgraph's metrics). */
  onWrite?: (seconds: number, failed: boolean) => void;

  /** Where this log says what it could not write: the service's logger (stderr without one). */
  logger?: Pick<Logger, 'warn' | 'error'>;

  /**
   * One line for something not written: a warning naming the cause when the database did
   * not answer (never the driver's message, which names the database's address), else an
   * error with its type and stack.
   */
  notWritten(what: string, error: unknown): void {
    if (!this.logger) return void console.error(`audit: ${what} not written: ${(error as Error).message}`);
    if (databaseUnavailable(error)) this.logger.warn({ cause: (error as Error).name }, `audit: ${what} not written: the database did not answer`);
    else this.logger.error({ error: errorFields(error) }, `audit: ${what} not written`);
  }

  /**
   * Stores a request's events as one link; resolves once it is stored. Within a process
   * one writer appends everything that queued up meanwhile in one batch: concurrent
   * requests would otherwise race each other for the head and retry quadratically
   * (seconds at a few dozen requests).
   */
  append(caller: AuditActor | null, purpose: string | null, entries: AuditEntry[], at = new Date()): Promise<void> {
    if (entries.length === 0) return Promise.resolve(); // a link has at least one event
    const link: Unchained = {
      at,
      actor: caller?.sub ?? 'anonymous',
      role: caller?.role ?? 'none',
      jurisdiction: caller?.jurisdiction ?? 'none',
      org: caller?.org ?? 'none',
      issuer: caller?.issuer ?? 'none',
      purpose,
      parts: entries,
    };
    const started = performance.now();
    const stored = new Promise<void>((resolve, reject) => {
      this.waiting.push({ link, resolve, reject });
      if (!this.writing) void this.writeWaiting();
    });
    if (!this.onWrite) return stored;
    const observe = this.onWrite;
    return stored.then(
      () => observe((performance.now() - started) / 1000, false),
      (error) => {
        observe((performance.now() - started) / 1000, true);
        throw error;
      },
    );
  }

  /** Events this process appended since it last asked for a checkpoint: a link may hold many. */
  private eventsSinceCheckpoint = 0;

  /**
   * A signed checkpoint of the head this process knows, when one is due (never fails an
   * append): every N links or M seconds (audit-checkpoints.ts), and every N events this
   * process appended, so a link of many events brings the next checkpoint nearer as N
   * single events would.
   */
  private async checkpoint(): Promise<void> {
    const head = this.chains.knownHead(CHAIN);
    if (!head || head.sequence === 0) return;
    const events = this.eventsSinceCheckpoint;
    const written = await this.checkpoints.maybe(head, events >= this.policy.every).catch((error) => {
      this.notWritten(`checkpoint at ${head.sequence}`, error);
      return false;
    });
    if (written) this.eventsSinceCheckpoint -= events;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async writeWaiting(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0);
      try {
        await this.chain(batch.map((request) => request.link));
        this.eventsSinceCheckpoint += batch.reduce((events, request) => events + request.link.parts.length, 0);
        // A due checkpoint is written before the writers hear back (it never fails them).
        await this.checkpoint();
        for (const request of batch) request.resolve();
      } catch (error) {
        for (const request of batch) request.reject(error);
      }
    }
    this.writing = false;
  }

  /** Appends one link per request at the head of the one chain (common/chain.ts), listing each event under its subject. */
  private async chain(links: Unchained[]): Promise<void> {
    await this.chains.append(CHAIN, links, (docs) => this.listBySubject(docs as StoredLink[]));
  }

  private async listBySubject(links: StoredLink[]): Promise<void> {
    const bySubject = new Map<string, string[]>();
    for (const link of links) {
      partsOf(link).forEach((event, part) => {
        const list = AuditLog.subjectList(event.subjectType, event.subjectId);
        bySubject.set(list, [...(bySubject.get(list) ?? []), eventRef(link._id, part)]);
      });
    }
    if (bySubject.size > 0) await this.lists.appendAll(bySubject);
  }

  /** The events a subject list refers to, in its order, with their positions (a reference to another subject's event is dropped). */
  private async referenced(subjectType: string, subjectId: string, refs: Array<{ ref: string; position: number }>) {
    const wanted = refs.map((entry) => ({ ...refOf(entry.ref), position: entry.position }));
    const links = await byIds<StoredLink>(this.model, [...new Set(wanted.map((w) => w.linkId))]);
    const byId = new Map(links.map((link) => [link._id, link]));
    return wanted.flatMap(({ linkId, part, position }) => {
      const link = byId.get(linkId);
      const event = link ? eventsOf(link)[part] : undefined;
      return event && event.subjectType === subjectType && event.subjectId === subjectId ? [{ event, position }] : [];
    });
  }

  /** Every event about one subject, oldest first. */
  async trail(subjectType: string, subjectId: string): Promise<AuditEvent[]> {
    const list = AuditLog.subjectList(subjectType, subjectId);
    const entries = (await this.lists.readAll([list])).get(list)!;
    if (entries.length === 0) return [];
    // A list is in the order its entries landed; across processes that may differ from the chain's.
    return (await this.referenced(subjectType, subjectId, entries)).map((e) => e.event).sort((a, b) => a.sequence - b.sequence);
  }

  /** A page of the events about one subject, oldest first (a Relay connection; `totalCount` when asked). */
  async page(subjectType: string, subjectId: string, args: { first?: number | null; after?: string | null }) {
    const size = pageSize(args.first);
    const { position } = decodeCursor(args.after, 1);
    const list = AuditLog.subjectList(subjectType, subjectId);
    const entries = await this.lists.read(list, position, size + 1);
    const shown = entries.slice(0, size);
    const edges = (await this.referenced(subjectType, subjectId, shown)).map(({ event, position }) => ({ cursor: encodeCursor({ segment: 0, position }), node: event }));
    const lists = this.lists;
    return {
      edges,
      pageInfo: { hasNextPage: entries.length > size, endCursor: shown.length ? encodeCursor({ segment: 0, position: shown[shown.length - 1].position }) : null },
      get totalCount() {
        return lists.size(list);
      },
    };
  }

  /**
   * Every event of the chain matching `where` (each key equal to its value, or an array
   * field containing it), in chain order. It reads the whole chain: for tests and tools,
   * never a request's path.
   */
  async events(where: Partial<Record<keyof AuditEvent, unknown>> = {}): Promise<AuditEvent[]> {
    const links = (await this.model.find({}).lean()) as StoredLink[];
    const matches = (event: AuditEvent) =>
      Object.entries(where).every(([key, wanted]) => {
        const value = event[key as keyof AuditEvent];
        return Array.isArray(value) && !Array.isArray(wanted) ? (value as unknown[]).includes(wanted) : value === wanted;
      });
    return links.sort((a, b) => a.sequence - b.sequence).flatMap(eventsOf).filter(matches);
  }

  /** A page of the whole chain's links in sequence order (read by id, never by a sort); `eventsOf` a link gives its events. */
  async chainPage(args: { first?: number | null; after?: string | null }) {
    const size = pageSize(args.first);
    const { position } = decodeCursor(args.after, 1);
    const links = (await this.chains.log.read(CHAIN, position, size + 1)) as StoredLink[];
    const shown = links.slice(0, size);
    const chainLog = this.chains.log;
    return {
      edges: shown.map((link) => ({ cursor: encodeCursor({ segment: 0, position: link.sequence }), node: link })),
      pageInfo: { hasNextPage: links.length > size, endCursor: shown.length ? encodeCursor({ segment: 0, position: shown[shown.length - 1].sequence }) : null },
      get totalCount() {
        return chainLog.length(CHAIN);
      },
    };
  }

  /**
   * Recomputes every hash in order; reports the first event whose content or link is
   * wrong. The chain alone cannot show that its newest events were removed: every signed
   * checkpoint, and a head the overseer recorded earlier (`knownHead`), must still be in
   * it, unchanged.
   */
  async verify(knownHead?: { sequence: number; hash: string }): Promise<ChainStatus> {
    const checkpoints = await this.checkpoints.all();
    const wanted = new Set([...checkpoints.map((c) => c.sequence), ...(knownHead ? [knownHead.sequence] : [])]);
    const hashes = new Map<number, string>();
    const check = await this.chains.verify(CHAIN, (event) => {
      if (wanted.has(event.sequence)) hashes.set(event.sequence, event.hash);
    });
    if (!check.valid) return { valid: false, events: check.entries, checkpoints: 0, firstBrokenAt: check.firstBrokenAt, head: null };
    // Every checkpoint must be signed by this deployment's key and still be in the chain,
    // unchanged; a head the overseer recorded likewise. A missing one means events were removed.
    const anchors = [...checkpoints.map((c) => ({ ...c, signed: signatureHolds(c, this.keys) })), ...(knownHead ? [{ ...knownHead, signed: true }] : [])];
    for (const anchor of anchors.sort((a, b) => a.sequence - b.sequence)) {
      if (!anchor.signed || hashes.get(anchor.sequence) !== anchor.hash) {
        return { valid: false, events: check.entries, checkpoints: checkpoints.length, firstBrokenAt: Math.min(anchor.sequence, check.entries + 1), head: check.head };
      }
    }
    return { valid: true, events: check.entries, checkpoints: checkpoints.length, firstBrokenAt: null, head: check.head };
  }


}

/** What one request reads and changes: common/request-audit.ts. */
export { RequestAudit } from './request-audit';
