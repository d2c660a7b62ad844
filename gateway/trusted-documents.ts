import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin, BaseContext, GraphQLRequest, GraphQLRequestListener } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
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
 *   before it is parsed. Apollo's APQ cache is off, so no client can register anything.
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

type Classified =
  /** A registered document, by its text (with its own hash, or none) or by its hash. */
  | { kind: 'registered'; operation: RegisteredOperation }
  /** A document that is not registered (also an APQ registration: text and hash). */
  | { kind: 'unregistered' }
  /** A hash alone that no manifest holds. */
  | { kind: 'unknown-hash' }
  /** Neither text nor a version 1 hash: Apollo answers it (BAD_REQUEST, unsupported version…). */
  | { kind: 'other' };

function classify(query: unknown, extensions: unknown, operations: Map<string, RegisteredOperation>): Classified {
  const persisted = (extensions as Record<string, any> | undefined)?.persistedQuery;
  if (persisted !== undefined && persisted?.version !== 1) return { kind: 'other' };
  if (typeof query === 'string' && query !== '') {
    const hash = documentId(query);
    const operation = operations.get(hash);
    return operation && (!persisted || persisted.sha256Hash === hash) ? { kind: 'registered', operation } : { kind: 'unregistered' };
  }
  if (typeof persisted?.sha256Hash === 'string') {
    const operation = operations.get(persisted.sha256Hash);
    return operation ? { kind: 'registered', operation } : { kind: 'unknown-hash' };
  }
  return { kind: 'other' };
}

/** The request's query and extensions, from a POST body or a GET's search parameters. */
function requestOf(req: Request): { query: unknown; extensions: unknown; operationName: unknown } | null {
  if (req.method === 'GET') {
    const params = new URLSearchParams(req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '');
    let extensions: unknown;
    try {
      extensions = params.has('extensions') ? JSON.parse(params.get('extensions')!) : undefined;
    } catch {
      return null; // Apollo answers 400
    }
    return { query: params.get('query') ?? undefined, extensions, operationName: params.get('operationName') ?? undefined };
  }
  const body = req.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null; // Apollo refuses batches and non-objects
  return { query: body.query, extensions: body.extensions, operationName: body.operationName };
}

/**
 * Enforce: refuses, before the token is verified and before anything is parsed, every
 * document that is not registered (HTTP 403 FORBIDDEN) and every unknown hash
 * (PERSISTED_QUERY_NOT_FOUND, HTTP 200 as Apollo answers it).
 */
export function enforceTrustedDocuments(operations: Map<string, RegisteredOperation>): RequestHandler {
  return (req, res, next) => {
    const request = requestOf(req);
    if (!request) return next();
    const { kind } = classify(request.query, request.extensions, operations);
    if (kind === 'unregistered') {
      const name = typeof request.operationName === 'string' && request.operationName ? request.operationName : undefined;
      const what = name ? `Operation ${name} is not registered` : 'This operation is not registered';
      res.status(403).json({ errors: [{ message: `${what}: ${NOT_REGISTERED_MESSAGE} -- <client> <operations.graphql>`, extensions: { code: 'FORBIDDEN' } }] });
      return;
    }
    if (kind === 'unknown-hash') {
      res.status(200).json({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
      return;
    }
    next();
  };
}

function withoutPersistedQuery(request: GraphQLRequest): void {
  if (!request.extensions?.persistedQuery) return;
  const { persistedQuery: _persistedQuery, ...rest } = request.extensions;
  request.extensions = rest;
}

/**
 * Runs before Apollo's own APQ handling: a registered hash becomes its document, and a
 * registered document loses its APQ extension (nothing is stored in Apollo's APQ cache).
 * In audit mode, every other operation that is about to run is logged and counted.
 */
export function trustedDocumentsPlugin(mode: Exclude<TrustedDocumentsMode, 'off'>, operations: Map<string, RegisteredOperation>): ApolloServerPlugin {
  const audit: GraphQLRequestListener<BaseContext> = {
    async didResolveOperation(ctx) {
      // Reached only by documents that parsed and validated: those about to run.
      recordUntrusted({ operationName: ctx.operationName ?? null, hash: ctx.queryHash });
    },
  };
  return {
    async requestDidStart({ request }) {
      const classified = classify(request.query, request.extensions, operations);
      if (classified.kind === 'registered') {
        if (request.query === undefined) request.query = classified.operation.body;
        withoutPersistedQuery(request);
        return;
      }
      // Enforce: the middleware refused the rest already; what remains Apollo answers (BAD_REQUEST…).
      // Audit: the rest runs (a hash Apollo's own APQ cache knows, too) and is counted.
      return mode === 'audit' ? audit : undefined;
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
