import { GraphQLError } from 'graphql';

// The one place errors are made, so every service speaks the same codes:
// UNAUTHENTICATED (no or bad token), FORBIDDEN (not entitled), BAD_USER_INPUT
// (names the offending field), NOT_FOUND, CONFLICT (the state changed meanwhile) and
// SERVICE_UNAVAILABLE (a service it depends on did not answer); and COST_LIMIT_EXCEEDED
// (a query whose answer could be larger than the caller's budget, platform/limits.ts).

/** A field that needs a token (the rest of the answer stays). */
export function unauthenticated(message = 'A valid bearer token is required for this field'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

/** A token that is present but not valid: the whole request is refused with HTTP 401. */
export function badToken(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * Not entitled. `reason`: the rule that failed, a stable code for clients (ROLE, PURPOSE,
 * CONSENT_PURPOSE, CONSENT_CATEGORY, NO_BASIS, …; subgraphs/common/denials.ts).
 */
export function forbidden(message = 'Not authorized to access this field', reason?: string): GraphQLError {
  return new GraphQLError(message, { extensions: reason ? { code: 'FORBIDDEN', reason } : { code: 'FORBIDDEN' } });
}

/**
 * A request header that is wrong (an X-Purpose outside the vocabulary or the role's
 * purposes, a malformed Idempotency-Key): the whole request is refused, naming the header,
 * with HTTP 400 (or `status`).
 */
export function badHeader(header: string, message: string, status = 400): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: header, http: { status } } });
}

/** One wrong field of an input, as `extensions.fields` lists it. */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * Input that is wrong: BAD_USER_INPUT naming each wrong field (`extensions.field`, the
 * first; `extensions.fields`, all of them, so a client corrects everything in one round trip).
 */
export function badInput(field: string, message: string): GraphQLError {
  return badInputs([{ path: field, message }]);
}

export function badInputs(problems: FieldProblem[]): GraphQLError {
  const message = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: problems[0].path, fields: problems } });
}

/** What a NOT_FOUND error was about, on the error only (never sent): the subgraph names the argument that held the id (subgraphs/common/not-found.ts). */
export const NOT_FOUND_ABOUT = Symbol('notFoundAbout');

export interface NotFoundAbout {
  what: string;
  id: string;
}

export function notFound(what: string, id: string): GraphQLError {
  const error = new GraphQLError(`${what} ${id} was not found`, { extensions: { code: 'NOT_FOUND' } });
  Object.defineProperty(error, NOT_FOUND_ABOUT, { value: { what, id } satisfies NotFoundAbout });
  return error;
}

/** A service this request depends on did not answer: try again later (nothing was changed). */
export function unavailable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
}

/**
 * The request is valid but the state it needs is gone (a bed taken meanwhile): nothing was
 * changed. `field`: the argument or input field whose record or value is in the way
 * (`victimId` of a closed record, `input.barNumber` registered already), as BAD_USER_INPUT names one.
 */
export function conflict(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: field ? { code: 'CONFLICT', field } : { code: 'CONFLICT' } });
}

/**
 * A query that could answer more values than the caller's budget (or, `cost` null, with too
 * many parts to count): refused whole, with HTTP 400, before anything runs.
 */
export function costLimitExceeded(cost: number | null, limit: number, anonymous: boolean, of: 'query' | 'introspection' = 'query'): GraphQLError {
  const who = of === 'introspection' ? '(the full introspection of this schema)' : anonymous ? 'without a token' : 'for an authenticated caller';
  const what = cost === null ? 'Query has too many parts to count its cost' : `${of === 'query' ? 'Query' : 'Introspection'} cost ${cost} is over the cost limit of ${limit} ${who}`;
  return new GraphQLError(`${what}: the cost counts every value the answer can hold, each list by its size (first, or its longest); ask for smaller pages or fewer nested lists`, {
    extensions: { code: 'COST_LIMIT_EXCEEDED', cost, limit, http: { status: 400 } },
  });
}

/**
 * The same error refusing the whole request before anything runs, with an HTTP status
 * (and the header or field at fault): Apollo answers an error thrown before execution
 * with 500 unless the error says otherwise.
 */
export function refusingRequest(error: GraphQLError, status: number, field?: string): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.extensions, ...(field ? { field } : {}), http: { status } } });
}
