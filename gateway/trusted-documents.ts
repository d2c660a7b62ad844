import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin, BaseContext, GraphQLRequest, GraphQLRequestListener } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { SCHEMA_DIR } from '../platform/paths';

/**
 * Trusted documents (persisted operations) for partner systems. A partner registers its
 * operations ahead of time with `npm run trust -- <client> <operations.graphql>`, which
 * writes `schema/trusted-documents/<client>.json` in Apollo's persisted query manifest
 * format. The gateway loads every manifest of that folder at start and, by mode:
 *
 * - `off` (default): nothing changes; Apollo's own APQ works as before.
 * - `audit`: everything runs; an operation that is not registered is logged (name and
 *   hash only) and counted (`untrustedOperationCount`, `onUntrusted`).
 * - `enforce`: only registered operations run, sent by hash (APQ-compatible
 *   `extensions.persistedQuery`) or as their exact registered text. An unknown hash is
 *   `PERSISTED_QUERY_NOT_FOUND` (HTTP 200, as Apollo answers it); any other document,
 *   including an APQ registration (query + hash), is refused with HTTP 403 `FORBIDDEN`
 *   before it is parsed, whatever `extensions` holds (`decide`, the one decision). Apollo's
 *   APQ cache is off, so no client can register anything.
 *
 * Two pieces: in enforce mode an express middleware before Apollo refuses what is not
 * registered (after the body limit and rate limit, before token verification and
 * parsing); an Apollo Server plugin, whose `requestDidStart` runs before Apollo's own APQ
 * handling, turns a registered hash into its document, strips the APQ extension of
 * registered documents, and in audit mode counts the others that run.
 */

export const TRUSTED_DOCUMENTS_MODES = ['off', 'audit', 'enforce'] as const;
export type TrustedDocumentsMode = (typeof TRUSTED_DOCUMENTS_MODES)[number];

/** Where `npm run trust` writes manifests and the gateway reads them. */
export const TRUSTED_DOCUMENTS_DIR = path.join(SCHEMA_DIR, 'trusted-documents');

export const MANIFEST_FORMAT = 'apollo-persisted-query-manifest';
export const OPERATION_TYPES = ['query', 'mutation', 'subscription'] as const;

export interface ManifestOperation {
  /** sha256 (hex) of `body`, exactly as the client sends it. */
  id: string;
  name: string;
  type: (typeof OPERATION_TYPES)[number];
  body: string;
}

export interface PersistedQueryManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  operations: ManifestOperation[];
}

export interface RegisteredOperation extends ManifestOperation {
  /** The manifest (partner client) it comes from. */
  client: string;
}

export interface TrustedDocumentsOptions {
  mode: TrustedDocumentsMode;
  /** Directory of `<client>.json` manifests (default schema/trusted-documents). */
  dir?: string;
}

/** The id of a document: sha256 of its exact text, hex (as APQ's `sha256Hash`). */
export function documentId(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** Checks one manifest (format, version, every id the hash of its body); throws naming the file and operation. */
export function parseManifest(json: string, file: string): PersistedQueryManifest {
  let manifest: any;
  try {
    manifest = JSON.parse(json);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (manifest?.format !== MANIFEST_FORMAT) throw new Error(`${file}: format must be "${MANIFEST_FORMAT}"`);
  if (manifest.version !== 1) throw new Error(`${file}: version must be 1`);
  if (!Array.isArray(manifest.operations)) throw new Error(`${file}: operations must be an array`);
  manifest.operations.forEach((op: any, i: number) => {
    const label = `${file}: operation ${typeof op?.name === 'string' ? op.name : `#${i + 1}`}`;
    if (typeof op?.name !== 'string' || op.name === '') throw new Error(`${label}: name is required`);
    if (!OPERATION_TYPES.includes(op.type)) throw new Error(`${label}: type must be one of ${OPERATION_TYPES.join(', ')}`);
    if (typeof op.body !== 'string' || op.body === '') throw new Error(`${label}: body is required`);
    if (op.id !== documentId(op.body)) throw new Error(`${label}: id is not the sha256 of its body`);
  });
  return manifest as PersistedQueryManifest;
}

/** Every operation of every `*.json` manifest in `dir`, by id. */
export function loadManifests(dir: string = TRUSTED_DOCUMENTS_DIR): Map<string, RegisteredOperation> {
  if (!existsSync(dir)) throw new Error(`Trusted documents: no manifest directory ${dir} (set TRUSTED_DOCUMENTS_DIR or TRUSTED_DOCUMENTS=off)`);
  const operations = new Map<string, RegisteredOperation>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const client = file.slice(0, -'.json'.length);
    const manifest = parseManifest(readFileSync(path.join(dir, file), 'utf8'), path.join(dir, file));
    for (const op of manifest.operations) if (!operations.has(op.id)) operations.set(op.id, { ...op, client });
  }
  return operations;
}

// ─── Unregistered operations (audit mode): a counter and listeners, for logs and metrics ───

export interface UntrustedOperation {
  /** The operation's name as resolved by Apollo, or null for an anonymous one. */
  operationName: string | null;
  /** sha256 of the document. */
  hash: string;
}

const untrustedListeners = new Set<(operation: UntrustedOperation) => void>();
let untrustedCount = 0;

/** Called for every unregistered operation an `audit` gateway of this process runs; returns an unsubscribe function. */
export function onUntrusted(listener: (operation: UntrustedOperation) => void): () => void {
  untrustedListeners.add(listener);
  return () => untrustedListeners.delete(listener);
}

/** How many unregistered operations `audit` gateways of this process have run. */
export function untrustedOperationCount(): number {
  return untrustedCount;
}

function recordUntrusted(operation: UntrustedOperation): void {
  untrustedCount++;
  // One line: the name and hash only, never the variables or the text.
  console.warn(`[trusted-documents] unregistered operation ${operation.operationName ?? '(anonymous)'} sha256:${operation.hash}`);
  for (const listener of untrustedListeners) {
    try {
      listener(operation);
    } catch (error) {
      console.error('[trusted-documents] listener failed', error);
    }
  }
}

// ─── The gate: an express middleware refuses (enforce), a plugin resolves hashes and counts (audit) ───

export const NOT_REGISTERED_MESSAGE = 'this gateway runs only registered operations; register it with npm run trust';

/** What the gate decides for one operation. */
export type Decision =
  /** A registered document, sent as its exact text or, with no text, by its version 1 APQ hash. */
  | { kind: 'registered'; operation: RegisteredOperation; byHash: boolean }
  /** No text, and a version 1 hash that no manifest holds (an APQ client then sends the text, which is refused). */
  | { kind: 'unknown-hash' }
  /** Anything else: an unregistered text, a text whose APQ hash is not its own, no document at all, a malformed request. */
  | { kind: 'refused' };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `extensions.persistedQuery` as APQ version 1 defines it (a sha256 in hex), or undefined for anything else. */
function apqHash(extensions: unknown): string | undefined {
  const persisted = isObject(extensions) ? extensions.persistedQuery : undefined;
  return isObject(persisted) && persisted.version === 1 && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}

/**
 * The one decision, failing closed: an operation runs only if it is registered. A text
 * is judged by its own hash, whatever `extensions` holds. (This used to ask first whether
 * the request was an APQ of version 1, and passed any other `persistedQuery` on as
 * Apollo's to answer; Apollo takes `null`, `false`, `0` or `""` as no APQ at all and ran
 * the text.) A hash counts only without a text, and only as APQ version 1.
 */
export function decide(query: unknown, extensions: unknown, operations: Map<string, RegisteredOperation>): Decision {
  const hash = apqHash(extensions);
  if (typeof query === 'string') {
    const operation = operations.get(documentId(query));
    return operation && (hash === undefined || hash === operation.id) ? { kind: 'registered', operation, byHash: false } : { kind: 'refused' };
  }
  if (query !== undefined && query !== null) return { kind: 'refused' };
  if (hash === undefined) return { kind: 'refused' };
  const operation = operations.get(hash);
  return operation ? { kind: 'registered', operation, byHash: true } : { kind: 'unknown-hash' };
}

interface Sent {
  query: unknown;
  extensions: unknown;
  operationName: unknown;
}

/** The operations of a request as Apollo will read them (a POST body, a batch, or a GET's parameters), or null when it cannot be read unambiguously. */
function operationsOf(req: Request): Sent[] | null {
  if (req.method === 'GET') {
    const params = new URLSearchParams(req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '');
    // A repeated parameter could be read one way here and another way by Apollo.
    if (['query', 'extensions', 'operationName'].some((name) => params.getAll(name).length > 1)) return null;
    let extensions: unknown;
    try {
      extensions = params.has('extensions') ? JSON.parse(params.get('extensions')!) : undefined;
    } catch {
      extensions = undefined; // the text decides; Apollo answers the malformed parameter with 400
    }
    return [{ query: params.get('query') ?? undefined, extensions, operationName: params.get('operationName') ?? undefined }];
  }
  if (req.method !== 'POST') return null;
  const bodies: unknown[] = Array.isArray(req.body) ? req.body : [req.body];
  if (bodies.length === 0 || !bodies.every(isObject)) return null;
  return bodies.map((body) => ({ query: body.query, extensions: body.extensions, operationName: body.operationName }));
}

function refuse(res: Response, operationName: unknown): void {
  const name = typeof operationName === 'string' && operationName ? operationName : undefined;
  const what = name ? `Operation ${name} is not registered` : 'This operation is not registered';
  res.status(403).json({ errors: [{ message: `${what}: ${NOT_REGISTERED_MESSAGE} -- <client> <operations.graphql>`, extensions: { code: 'FORBIDDEN' } }] });
}

/**
 * Enforce: before the token is verified and before anything is parsed, lets through only
 * requests whose every operation is registered; an unknown hash alone is answered
 * PERSISTED_QUERY_NOT_FOUND (HTTP 200, as Apollo answers it), everything else 403 FORBIDDEN.
 */
export function enforceTrustedDocuments(operations: Map<string, RegisteredOperation>): RequestHandler {
  return (req, res, next) => {
    const sent = operationsOf(req);
    if (!sent) return refuse(res, undefined);
    const decisions = sent.map((op) => decide(op.query, op.extensions, operations));
    if (decisions.every((d) => d.kind === 'registered')) return next();
    if (sent.length === 1 && decisions[0].kind === 'unknown-hash') {
      res.status(200).json({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
      return;
    }
    refuse(res, sent.length === 1 ? sent[0].operationName : undefined);
  };
}

function withoutPersistedQuery(request: GraphQLRequest): void {
  if (!request.extensions || !('persistedQuery' in request.extensions)) return;
  const { persistedQuery: _persistedQuery, ...rest } = request.extensions;
  request.extensions = rest;
}

/**
 * Runs before Apollo's own APQ handling: a registered hash becomes its document, and a
 * registered document loses its APQ extension (nothing is stored in Apollo's APQ cache).
 * In audit mode, every other operation that is about to run is logged and counted; in
 * enforce mode (where the middleware refused it already) it is refused again, in case the
 * middleware is ever left out of the pipeline.
 */
export function trustedDocumentsPlugin(mode: Exclude<TrustedDocumentsMode, 'off'>, operations: Map<string, RegisteredOperation>): ApolloServerPlugin {
  const audit: GraphQLRequestListener<BaseContext> = {
    async didResolveOperation(ctx) {
      // Reached only by documents that parsed and validated: those about to run.
      recordUntrusted({ operationName: ctx.operationName ?? null, hash: ctx.queryHash });
    },
  };
  const enforce: GraphQLRequestListener<BaseContext> = {
    async didResolveOperation() {
      throw new GraphQLError(`This operation is not registered: ${NOT_REGISTERED_MESSAGE}`, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
    },
  };
  return {
    async requestDidStart({ request, contextValue }) {
      // The gateway's own operations (the indicator downloads, gateway/indicators.ts) are
      // written here, not sent by a client: registered by construction.
      if ((contextValue as { ownOperation?: boolean }).ownOperation === true) return;
      const decision = decide(request.query, request.extensions, operations);
      if (decision.kind === 'registered') {
        if (decision.byHash) request.query = decision.operation.body;
        withoutPersistedQuery(request);
        return;
      }
      // Audit: the rest runs (a hash Apollo's own APQ cache knows, too) and is counted.
      return mode === 'audit' ? audit : enforce;
    },
  };
}

/** The gateway's settings for a mode: Apollo plugins, middleware before Apollo, and Apollo's APQ cache off when enforcing. */
export function trustedDocuments(options: TrustedDocumentsOptions | undefined): {
  plugins: ApolloServerPlugin[];
  middleware: RequestHandler[];
  persistedQueries?: false;
  operations: number;
} {
  const mode = options?.mode ?? 'off';
  if (mode === 'off') return { plugins: [], middleware: [], operations: 0 };
  const operations = loadManifests(options?.dir);
  return {
    plugins: [trustedDocumentsPlugin(mode, operations)],
    middleware: mode === 'enforce' ? [enforceTrustedDocuments(operations)] : [],
    persistedQueries: mode === 'enforce' ? false : undefined,
    operations: operations.size,
  };
}
