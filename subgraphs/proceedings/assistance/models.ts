import { createHash, randomBytes } from 'node:crypto';
import DataLoader from 'dataloader';
import { Schema, type Connection } from 'mongoose';
import { HashChains } from '../../common/chain';
import { loaderById } from '../../common/storage';
import { ListedCollection, listedField } from '../../common/storage';
import { quarterOf } from '../../common/indicators';

/**
 * Mutual legal assistance requests between jurisdictions (European Investigation Order,
 * Directive 2014/41): the request itself, listed by either side, and the e-CODEX style
 * delivery evidence of every hop between the two, hash-chained per request.
 */

/** One step of the lifecycle as it happened. */
export interface TransitionRecord {
  /** null for the drafting itself. */
  from: string | null;
  to: string;
  /** Token subject of whoever took the step. */
  by: string;
  byJurisdiction: string;
  at: Date;
  reason: string | null;
}

export interface ExtensionRecord {
  reason: string;
  extendedAt: Date;
  by: string;
  /** The recognition deadline after the extension. */
  recognitionDue: Date;
}

export interface LegalAssistanceRecord {
  _id: string;
  /** Human-readable, e.g. `MLA-DE-AT-2026-7KQ2XD`: unique. */
  reference: string;
  requestingJurisdiction: string;
  executingJurisdiction: string;
  /** A proceeding of the requesting jurisdiction (the executing side never sees it). */
  proceedingId: string;
  kind: string;
  urgency: string;
  subject: string;
  status: string;
  history: TransitionRecord[];
  /** Set on receipt (EIO Art. 12(3)): 30 days, URGENT 7, once extended by 30. */
  recognitionDue: Date | null;
  /** Set on recognition and again on resumption after a postponement (Art. 12(4)): 90 days. */
  executionDue: Date | null;
  extension: ExtensionRecord | null;
  refusalGrounds: string | null;
  postponedUntil: Date | null;
  executionSummary: string | null;
  createdAt: Date;
  _listed?: string[];
}

const transitionSchema = new Schema({ from: { type: String, default: null }, to: String, by: String, byJurisdiction: String, at: Date, reason: { type: String, default: null } }, { _id: false });

const requestSchema = new Schema<LegalAssistanceRecord>(
  {
    _id: String,
    reference: { type: String, required: true, unique: true },
    requestingJurisdiction: { type: String, required: true },
    executingJurisdiction: { type: String, required: true },
    proceedingId: { type: String, required: true },
    kind: { type: String, required: true },
    urgency: { type: String, required: true },
    subject: { type: String, required: true },
    status: { type: String, required: true },
    history: { type: [transitionSchema], default: [] },
    recognitionDue: { type: Date, default: null },
    executionDue: { type: Date, default: null },
    extension: { type: new Schema({ reason: String, extendedAt: Date, by: String, recognitionDue: Date }, { _id: false }), default: null },
    refusalGrounds: { type: String, default: null },
    postponedUntil: { type: Date, default: null },
    executionSummary: { type: String, default: null },
    createdAt: { type: Date, required: true },
    _listed: listedField,
  },
  { collection: 'legalAssistanceRequests', versionKey: false },
);

/** One hop between the jurisdictions (e-CODEX evidence), as the chain stores it. */
export interface DeliveryContent {
  event: string;
  at: Date;
  /** The jurisdiction that sent the message or, for RETRIEVED, retrieved it. */
  by: string;
  /** SHA-256 of the request's content at that point (`contentDigest`). */
  digest: string;
  /** Why a submission was rejected; null otherwise. */
  reason: string | null;
}

const deliverySchema = new Schema(
  { _id: String, event: String, at: Date, by: String, digest: String, reason: String, sequence: Number, prevHash: String, hash: String },
  { collection: 'deliveryEvents', versionKey: false },
);

/** How long the executing side has (MLA_* variables); EIO Art. 12 by default. */
export interface AssistanceDeadlines {
  recognitionDays: number;
  urgentRecognitionDays: number;
  executionDays: number;
}

export const DEFAULT_ASSISTANCE_DEADLINES: AssistanceDeadlines = { recognitionDays: 30, urgentRecognitionDays: 7, executionDays: 90 };

export interface AssistanceSettings {
  deadlines: AssistanceDeadlines;
  /** DELIVERY_CHAIN_KEY: keys the delivery evidence hashes. */
  deliveryKey: string;
}

export const deliveryChain = (requestId: string) => `delivery/${requestId}`;

/**
 * What each delivery event attests: SHA-256 (hex) of a canonical JSON of the request's
 * content — these fields in this order, no spaces — so either side can show which
 * version of the request a hop carried.
 */
export function contentDigest(r: Pick<LegalAssistanceRecord, 'reference' | 'requestingJurisdiction' | 'executingJurisdiction' | 'proceedingId' | 'kind' | 'urgency' | 'subject' | 'status'>): string {
  const canonical = JSON.stringify({
    reference: r.reference,
    requestingJurisdiction: r.requestingJurisdiction,
    executingJurisdiction: r.executingJurisdiction,
    proceedingId: r.proceedingId,
    kind: r.kind,
    urgency: r.urgency,
    subject: r.subject,
    status: r.status,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud between offices

/** `MLA-DE-AT-2026-7KQ2XD`: both sides, the year drafted and six random characters (`bytes`: stable ones for demo data). */
export function assistanceReference(requesting: string, executing: string, at: Date, bytes: Uint8Array = randomBytes(6)): string {
  const suffix = Array.from(bytes.subarray(0, 6), (b) => ALPHABET[b % ALPHABET.length]).join('');
  return `MLA-${requesting}-${executing}-${at.getUTCFullYear()}-${suffix}`;
}

/**
 * Requests listed by each side, whole and by status, and by proceeding. A DRAFT is in no executing list:
 * the executing side learns of a request when it is submitted.
 */
export function assistanceModels(connection: Connection, settings: AssistanceSettings) {
  const LegalAssistanceRequest = connection.model<LegalAssistanceRecord>('LegalAssistanceRequest', requestSchema);
  const DeliveryEntry = connection.model('DeliveryEvent', deliverySchema);
  const sent = (r: LegalAssistanceRecord) => r.status !== 'DRAFT';
  return {
    assistanceDeadlines: settings.deadlines,
    LegalAssistanceRequest,
    assistanceRequests: new ListedCollection(LegalAssistanceRequest, {
      requesting: (r) => [r.requestingJurisdiction],
      requestingStatus: (r) => [`${r.requestingJurisdiction}:${r.status}`],
      executing: (r) => [sent(r) ? r.executingJurisdiction : null],
      executingStatus: (r) => [sent(r) ? `${r.executingJurisdiction}:${r.status}` : null],
      // A proceeding's requests (Proceeding.legalAssistanceRequests, the case file); records written before it: npm run relist.
      proceeding: (r) => [r.proceedingId],
      // The indicators' count of overdue requests (../domain/indicators.ts): by the executing jurisdiction and the quarter each deadline falls in, as it stands.
      executingDueIn: (r) => [r.recognitionDue, r.executionDue].map((due) => (due ? `${r.executingJurisdiction}/${quarterOf(due)}` : null)),
    }),
    delivery: new HashChains<DeliveryContent>(DeliveryEntry as never, settings.deliveryKey, (e) => [e.event, e.at.toISOString(), e.by, e.digest, e.reason]),
  };
}

export type AssistanceModels = ReturnType<typeof assistanceModels>;

export function assistanceLoaders(models: AssistanceModels) {
  return {
    legalAssistanceRequest: loaderById<LegalAssistanceRecord>(models.LegalAssistanceRequest),
    requestsOfProceeding: models.assistanceRequests.loaderBy('proceeding'),
    /** The delivery evidence of several requests (a page) in one read of their chains. */
    deliveryOf: new DataLoader(async (requestIds: readonly string[]) => {
      const chains = requestIds.map(deliveryChain);
      const all = await models.delivery.log.readAll(chains);
      return chains.map((chain) => all.get(chain) ?? []);
    }),
  };
}
