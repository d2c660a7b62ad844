import { GraphQLError } from 'graphql';
import { allow, chain, deny, rule } from 'graphql-shield';
import { APPOINTED_ROLES, type Role } from '../../platform/auth';
import { badInput, forbidden, notFound, unauthenticated } from '../../platform/errors';
import type { RequestContext } from './context';
import { purposeDenial } from './denials';

/**
 * The rule vocabulary every subgraph uses (and the only module that imports
 * graphql-shield's rule builders, so the library could be swapped in one place).
 * Rules never cache across fields (`no_cache`): a decision may depend on the parent
 * object, and shield's 'strict' cache cannot hash mongoose documents. Rules that must
 * run in order (a role before a database lookup) are chained, never run in parallel.
 */

export { allow, chain, deny };
type ShieldRule = Parameters<typeof chain>[number];
/** Type name → a rule for all its fields, or field name → rule. */
export type Permissions = Record<string, ShieldRule | Record<string, ShieldRule>>;

const DECISION_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND']);

/**
 * A rule from a decision function returning true or the error to answer with. A decision
 * that throws something other than one of our answers (the database is down, a bug) is
 * not a decision: it becomes an internal error (no data; logged by internalErrorLog), never
 * a FORBIDDEN that would read like a denial.
 */
export function ruleOf<Ctx extends RequestContext = RequestContext>(
  decide: (parent: any, args: any, ctx: Ctx, info: { fieldName: string }) => Promise<boolean | Error> | boolean | Error,
) {
  return rule({ cache: 'no_cache' })(async (parent, args, ctx: Ctx, info) => {
    try {
      return await decide(parent, args, ctx, info);
    } catch (error) {
      if (error instanceof GraphQLError && DECISION_CODES.has(String(error.extensions.code))) return error;
      return error instanceof Error ? error : new Error(String(error));
    }
  });
}

/**
 * A root field anyone may ask, with or without a token (published case law); the access
 * matrix lists these. What it returns is still decided field by field.
 */
export const isPublic = ruleOf(() => true);

/** A hub service with its own token (platform/service-tokens.ts); a person's token, or none, is refused. */
export const isHubService = ruleOf((_parent, _args, ctx) => (ctx.service ? true : ctx.caller ? forbidden('Only the hub\'s own services read this') : unauthenticated()));

export const isAuthenticated = ruleOf((_parent, _args, ctx) => (ctx.caller ? true : unauthenticated()));

/**
 * Any authenticated caller who acts for a jurisdiction: not an appointed role (defence
 * counsel, decision 111), which knows records only where it is appointed, so a list of a
 * jurisdiction's records is not its to ask.
 */
export const actsForAJurisdiction = ruleOf((_parent, _args, ctx) => {
  if (!ctx.caller) return unauthenticated();
  return APPOINTED_ROLES.includes(ctx.caller.role) ? forbidden(`A ${ctx.caller.role} reads only the proceedings it is appointed in`, 'ROLE') : true;
});

export function hasRole(...roles: Role[]) {
  return ruleOf((_parent, _args, ctx) => {
    if (!ctx.caller) return unauthenticated();
    return roles.includes(ctx.caller.role) ? true : forbidden(`Requires one of the roles: ${roles.join(', ')}`, 'ROLE');
  });
}

/** Reading personal data that is not a field of a declared type (e.g. an access report) needs a stated purpose too. */
export const statesPurpose = ruleOf((_parent, _args, ctx) => {
  if (ctx.purpose) return true;
  const { message, reason } = purposeDenial('This is read', ctx.caller!.role);
  return forbidden(message, reason);
});

/**
 * Acting on a record (a mutation): only the listed roles, and only in the record's own
 * jurisdiction. The role is checked first; only then does `locate` find the record from
 * the arguments (it throws BAD_USER_INPUT for a malformed id). A record of another
 * jurisdiction answers exactly like one that does not exist, so ids cannot be probed.
 */
export function actsInOwnJurisdiction<Ctx extends RequestContext>(
  what: string,
  roles: Role[],
  locate: (args: any, ctx: Ctx) => Promise<{ jurisdiction: string } | null>,
  idOf: (args: any) => string,
) {
  return chain(
    hasRole(...roles),
    ruleOf<Ctx>(async (_parent, args, ctx) => {
      const record = await locate(args, ctx);
      return record && record.jurisdiction === ctx.caller!.jurisdiction ? true : notFound(what, idOf(args));
    }),
  );
}

/** Every field of these types is readable once the parent was (nested value types). */
export function openTypes(...typeNames: string[]): Permissions {
  return Object.fromEntries(typeNames.map((name) => [name, allow]));
}

/** At most this many representations in one `_entities` request (a page of 100 with a few references each). */
export const MAX_REPRESENTATIONS = 500;

/**
 * Entities whose every field decides for itself who may read it, anonymous callers
 * included: a region, whose yearly indicators are public (common/indicator-answers.ts).
 */
export const PUBLIC_ENTITIES: readonly string[] = ['Region'];

/**
 * Entities only for an authenticated caller (an anonymous request answers nothing and
 * logs nothing) but the public ones, in bounded batches, with keys that are strings.
 */
const entities = ruleOf((_parent, args: { representations: unknown[] }, ctx) => {
  const allPublic = args.representations.every((r) => PUBLIC_ENTITIES.includes((r as { __typename?: unknown }).__typename as string));
  if (!ctx.caller && !allPublic) return unauthenticated();
  if (args.representations.length > MAX_REPRESENTATIONS) return badInput('representations', `at most ${MAX_REPRESENTATIONS} at once`);
  for (const [i, representation] of args.representations.entries()) {
    for (const [key, value] of Object.entries(representation as Record<string, unknown>)) {
      if (typeof value !== 'string') return badInput(`representations[${i}].${key}`, 'must be a string');
    }
  }
  return true;
});

/** Federation's own fields: the gateway must be able to read the SDL and resolve entities. */
export const federationRules = {
  Query: { _service: allow, _entities: entities },
  _Service: { sdl: allow },
};
