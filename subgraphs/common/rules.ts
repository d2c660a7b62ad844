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

export { allow, deny, and, or };
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
