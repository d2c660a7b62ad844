import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import { badHeader, conflict, refusingRequest, unavailable } from '../../platform/errors';
import { DATABASE_UNAVAILABLE, databaseUnavailable } from '../../platform/http';
import { errorFields, type Logger } from '../../platform/logging';
import type { Clock } from './clock';
import type { RequestContext } from './context';
import type { AnswerStore } from './storage';

/**
 * Retries are safe (issue 25; the IETF httpapi Idempotency-Key draft). A mutation sent with
 * an `Idempotency-Key` header is run once per caller and key: the same key with the same
 * request (operation, variables, purpose) answers the first answer again, with no second
 * write and no second audit event; with another request it is refused naming the header
 * (the draft's 422); while the first is still running, a second one is refused (409), so
 * concurrent requests with one key make one write. Keys are per caller (the token's
 * issuer and subject, in the role, jurisdiction and organisation it acts in) and expire
 * after IDEMPOTENCY_KEY_HOURS (default 24); an answer is kept only when the request
 * changed something (a refused or failed request leaves the key free, so the retry is a
 * new attempt).
 *
 * This runs in every subgraph (a mutation's writes are there; the gateway passes the
 * header on), as an Apollo plugin: the key is claimed once the operation is known to be a
 * mutation and valid, a kept answer replaces execution, and the answer is kept or the key
 * released when the response leaves. A kept answer holds what the first request released
 * to the same caller; an erasure withholds every kept answer (common/erasure.ts), whose
 * key then answers CONFLICT instead of personal data of an erased victim. Decision 104.
 */

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const DEFAULT_IDEMPOTENCY_KEY_HOURS = 24;
const MAX_KEY_LENGTH = 255;
/** A claim older than this did not finish (its process died or lost the database): its outcome is unknown. */
const UNFINISHED_AFTER_MS = 60_000;
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * The key as the draft sends it (a Structured Field string, `"…"`), or bare: 1 to 255
 * printable ASCII characters.
 */
export function parseIdempotencyKey(header: string): string {
  const quoted = /^"((?:[^"\\]|\\["\\])*)"$/.exec(header.trim());
  const key = quoted ? quoted[1].replace(/\\(["\\])/g, '$1') : header.trim();
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !/^[\x20-\x7e]+$/.test(key)) {
    throw badHeader(IDEMPOTENCY_KEY_HEADER, `${IDEMPOTENCY_KEY_HEADER} must be 1 to ${MAX_KEY_LENGTH} printable ASCII characters, bare or in double quotes (a new UUID for each new request is a good key)`);
  }
  return key;
}

const sha256 = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');

export class Idempotency {
  private sweeper?: NodeJS.Timeout;

  constructor(
    readonly answers: AnswerStore,
    private readonly options: { hours: number; clock: Clock; logger: Logger },
  ) {}

  /** Deletes expired keys now and every ten minutes (a failure is logged; the next sweep tries again). */
  startSweeping(): void {
    const sweep = () => void this.answers.sweep(this.options.clock.now()).catch((error) => this.options.logger.warn({ error: errorFields(error) }, 'idempotency: expired keys could not be swept; trying again later'));
    sweep();
    this.sweeper = setInterval(sweep, SWEEP_EVERY_MS).unref();
  }

  stop(): void {
    clearInterval(this.sweeper);
  }

  readonly plugin: ApolloServerPlugin<RequestContext> = {
    requestDidStart: async ({ request, contextValue }) => {
      const header = request.http?.headers.get(IDEMPOTENCY_KEY_HEADER.toLowerCase());
      return header === undefined ? undefined : this.listener(header, contextValue);
    },
  };

  private listener(header: string, ctx: RequestContext): GraphQLRequestListener<RequestContext> {
    const { answers, options } = this;
    let claimed: string | null = null;
    let replay: string | null = null;
    return {
      async didResolveOperation({ operation, source, request }) {
        const caller = ctx.caller;
        if (operation?.operation !== 'mutation' || !caller) return; // reads are safe to repeat; a mutation without a token is refused anyway
        const key = parseIdempotencyKey(header);
        // Per caller as the token says who it is and as what: another role, jurisdiction or organisation is decided anew.
        const id = sha256(caller.issuer, caller.sub, caller.role, caller.jurisdiction, caller.org, key);
        const fingerprint = sha256(source ?? '', request.operationName ?? '', JSON.stringify(request.variables ?? {}), ctx.purpose ?? '');
        const now = options.clock.now();
        const claim = await answers.claim(id, fingerprint, now, new Date(now.getTime() + options.hours * 3_600_000)).catch((error) => {
          throw databaseUnavailable(error) ? refusingRequest(unavailable(DATABASE_UNAVAILABLE), 503) : error;
        });
        const since = 'at' in claim ? claim.at.toISOString() : '';
        switch (claim.outcome) {
          case 'CLAIMED':
            claimed = id;
            return;
          case 'ANSWERED':
            replay = claim.answer;
            // Logged, not audited (decision 104): the same caller is given again what its first request released.
            options.logger.info({ requestId: ctx.credentials.requestId, firstAnsweredAt: since }, 'idempotency: answered a retry with the first answer');
            return;
          case 'OTHER_REQUEST':
            throw badHeader(IDEMPOTENCY_KEY_HEADER, `${IDEMPOTENCY_KEY_HEADER} was used at ${since} for a different request (another operation, variables or purpose); use a new key for a new request`, 422);
          case 'WITHHELD':
            throw httpConflict(`The request with this ${IDEMPOTENCY_KEY_HEADER} (at ${since}) was answered and what it changed stands, but its answer is no longer kept (personal data was erased since): read the record instead of repeating the request`);
          case 'RUNNING':
            throw httpConflict(
              now.getTime() - claim.at.getTime() > UNFINISHED_AFTER_MS
                ? `The request with this ${IDEMPOTENCY_KEY_HEADER} started at ${since} did not finish, so whether it changed anything is unknown: read the record, and send a new key to try again`
                : `A request with this ${IDEMPOTENCY_KEY_HEADER} is still being answered; ask again once it has finished`,
            );
        }
      },
      async responseForOperation() {
        return replay === null ? null : { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: JSON.parse(replay) } };
      },
      async willSendResponse({ response }) {
        if (claimed === null) return;
        const id = claimed;
        claimed = null;
        try {
          // Kept once the answer's reads are in the audit chain (the flush plugin stores them, once); if they could not be, the
          // answer was withheld: a request that changed something leaves its claim running (a retry is told to read the record).
          const audited = await ctx.audit.flush().then(() => true, () => false);
          if (ctx.audit.applied === 0) await answers.release(id);
          else if (audited && response.body.kind === 'single') await answers.keep(id, JSON.stringify(response.body.singleResult));
        } catch (error) {
          // The change stands and is answered; a retry with this key meets the running claim (CONFLICT), never a second write.
          options.logger.warn({ requestId: ctx.credentials.requestId, error: errorFields(error) }, 'idempotency: the answer could not be kept');
        }
      },
    };
  }
}

const httpConflict = (message: string) => refusingRequest(conflict(message), 409, IDEMPOTENCY_KEY_HEADER);
