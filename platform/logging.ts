import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { ServiceMetrics } from './metrics';
import { operationNameOf } from './metrics';

/**
 * Structured logs: one pino logger per service (JSON lines, `service` field), one line
 * per HTTP request with the request id, and internal errors (platform/http.ts
 * internalErrorLog). What a line may hold is fixed here: method, path, status, duration,
 * operation name, request id, the caller's role and jurisdiction. Never a token, the
 * caller's or a subject's identity, variables, the query text, an answer, or an error's
 * message (it can quote a stored value): see errorFields.
 */

export type { DestinationStream, Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogOptions {
  /** Default: LOG_LEVEL, else `info`. */
  level?: string;
  /** Where the lines go (a test collects them in memory); default stdout. */
  destination?: DestinationStream;
}

export function logLevel(value: string | undefined = process.env.LOG_LEVEL): LogLevel {
  const level = value === undefined || value === '' ? 'info' : value;
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${level}"`);
  return level as LogLevel;
}

let stdout: DestinationStream | undefined;

export function createLogger(service: string, options: LogOptions = {}): Logger {
  // Synchronous writes to stdout: nothing is lost when a stopping service exits.
  const destination = options.destination ?? (stdout ??= pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      level: logLevel(options.level),
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Never logged by this code; censored should anyone pass them.
      redact: { paths: ['authorization', '*.authorization', 'headers', '*.headers', 'variables', '*.variables', 'query', '*.query'], censor: '[redacted]' },
    },
    destination,
  );
}

/** An `X-Request-Id` we take as it is: 1–128 characters, letters, digits and `-._:`. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && REQUEST_ID.test(value) ? value : undefined;
}

/** The request id of a response being answered (set by requestLogging). */
export function requestIdOf(res: Response): string | undefined {
  return res.locals.requestId as string | undefined;
}

/** Who asked, for the request's log line: role and jurisdiction only. */
export function noteCaller(res: Response, caller: { role: string; jurisdiction: string } | null | undefined): void {
  if (caller) res.locals.caller = { role: caller.role, jurisdiction: caller.jurisdiction };
}

/** Probes and scrapes: logged at debug only. */
const QUIET = new Set(['/health', '/ready', '/metrics']);

/**
 * Gives every request an id (the caller's valid `X-Request-Id`, else a new UUID), sends
 * it back in `X-Request-Id`, and when the response is done writes the request's line and
 * (for /graphql) its metrics: a GraphQL request is in flight from here until then.
 */
export function requestLogging(logger: Logger, metrics?: ServiceMetrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(req.headers['x-request-id']) ?? randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const path = req.path;
    const graphql = path === '/graphql';
    if (graphql) metrics?.requestReceived();
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const sent = graphql ? operationNameOf(req.body) : undefined;
      if (graphql) metrics?.request(sent, res.statusCode, seconds);
      const caller = res.locals.caller as { role: string; jurisdiction: string } | undefined;
      const line = {
        requestId,
        method: req.method,
        path: path.length > 200 ? `${path.slice(0, 200)}…` : path,
        status: res.statusCode,
        durationMs: Math.round(seconds * 10_000) / 10,
        ...(graphql ? { operation: sent && /^[_A-Za-z][_0-9A-Za-z]*$/.test(sent) ? sent.slice(0, 64) : sent ? 'invalid' : 'anonymous' } : {}),
        role: caller?.role ?? 'anonymous',
        ...(caller ? { jurisdiction: caller.jurisdiction } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (res.statusCode >= 500) logger.error(line, 'request');
      else if (QUIET.has(path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}

/**
 * What a line says of an unexpected error: its type, code and stack frames. Not its
 * message, which can quote a stored value (a duplicate key, a value that failed a cast).
 */
export function errorFields(error: unknown): { type: string; code?: string | number; stack?: string } {
  // A thrown non-Error (a DOMException of another realm, a plain object) is named by its constructor.
  if (!(error instanceof Error)) return { type: (typeof error === 'object' && error !== null && error.constructor?.name) || typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 15)
    .map((line) => line.trim())
    .join('\n');
  return { type: error.name || error.constructor?.name || 'Error', ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}), ...(frames ? { stack: frames } : {}) };
}
