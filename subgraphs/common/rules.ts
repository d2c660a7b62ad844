import { allow, and, deny, or, rule } from 'graphql-shield';
import type { Role } from '../../platform/auth';
import { forbidden, unauthenticated } from '../../platform/errors';
import type { RequestContext } from './context';

/**
 * The rule vocabulary every subgraph uses (and the only module that imports
 * graphql-shield's rule builders, so the library could be swapped in one place).
 * Rules never cache across fields (`no_cache`): a decision may depend on the parent
 * object, and shield's 'strict' cache cannot hash mongoose documents.
 */

export { allow, deny, and, or, rule };
type ShieldRule = Parameters<typeof and>[number];
/** Type name → a rule for all its fields, or field name → rule. */
export type Permissions = Record<string, ShieldRule | Record<string, ShieldRule>>;

export const isAuthenticated = rule({ cache: 'no_cache' })((_parent, _args, ctx: RequestContext) =>
  ctx.caller ? true : unauthenticated(),
);

export function hasRole(...roles: Role[]) {
  return rule({ cache: 'no_cache' })((_parent, _args, ctx: RequestContext) => {
    if (!ctx.caller) return unauthenticated();
    return roles.includes(ctx.caller.role) ? true : forbidden(`Requires one of the roles: ${roles.join(', ')}`);
  });
}

/**
 * Acting on a record (a mutation): only the listed roles, and only in the record's own
 * jurisdiction. `locate` finds the record from the arguments: it throws BAD_USER_INPUT
 * for a malformed id, and returns NOT_FOUND when there is no such record.
 */
export function actsInOwnJurisdiction<Ctx extends RequestContext>(
  noun: string,
  roles: Role[],
  locate: (args: any, ctx: Ctx) => Promise<{ jurisdiction: string } | Error>,
) {
  return and(
    hasRole(...roles),
    rule({ cache: 'no_cache' })(async (_parent, args, ctx: Ctx) => {
      let record: { jurisdiction: string } | Error;
      try {
        record = await locate(args, ctx);
      } catch (error) {
        return error as Error; // bad id: BAD_USER_INPUT, not a denial
      }
      if (record instanceof Error) return record;
      return record.jurisdiction === ctx.caller!.jurisdiction ? true : forbidden(`Only ${roles.join(', ')} of ${record.jurisdiction} may do this for ${noun}`);
    }),
  );
}

/** A rule from an async decision function returning true or an error. */
export function check<Ctx extends RequestContext = RequestContext>(
  decide: (parent: any, args: any, ctx: Ctx, info: { fieldName: string }) => Promise<true | Error> | true | Error,
) {
  return rule({ cache: 'no_cache' })(async (parent, args, ctx: Ctx, info) => {
    if (!ctx.caller) return unauthenticated();
    return decide(parent, args, ctx, info);
  });
}

/** Every field of these types is readable once the parent was (nested value types). */
export function openTypes(...typeNames: string[]): Permissions {
  return Object.fromEntries(typeNames.map((name) => [name, allow]));
}

/** Federation's own fields: the gateway must be able to read the SDL and resolve entities. */
export const federationRules = {
  Query: { _service: allow, _entities: allow },
  _Service: { sdl: allow },
};
