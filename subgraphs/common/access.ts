import type { Role } from '../../platform/auth';
import { forbidden, notFound, unauthenticated } from '../../platform/errors';
import { PURPOSES_BY_ROLE } from '../../platform/purposes';
import { ConsentUnavailable } from './consents';
import type { RequestContext } from './context';
import { allow, ruleOf, type Permissions } from './rules';

/**
 * Field-level access, declared per type. A subgraph says, next to its type, which data
 * category each field is in and, per category, which roles may ever see it and on what
 * basis (own jurisdiction, the victim's consent, membership of a team, …). From that
 * declaration the platform makes the shield rules, the FORBIDDEN messages, the audit
 * notes and a per-request cache of decisions; the declarations of every subgraph are
 * printed as the access matrix of the hub (docs/access.md).
 */

/**
 * Published data (case law): anyone may read it, with or without a token, and reads of it
 * are not logged. Only a `public` type has fields in it.
 */
export const PUBLIC = 'PUBLIC';

/** The hub's categories of personal data about victims; CASE is what any authenticated caller may see. */
export const DATA_CATEGORIES = ['CASE', 'IDENTITY', 'CONTACT', 'HEALTH', 'LOCATION', 'TESTIMONY'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];
export type ProtectedCategory = Exclude<DataCategory, 'CASE'>;

export const PROFESSIONALS: Role[] = ['judge', 'prosecutor', 'law_enforcement', 'social_worker', 'legal_aid_attorney'];

/**
 * Who may ever see a protected category (least privilege), wherever the data is held.
 * Being listed is necessary, not sufficient: a basis must hold too. partner_system,
 * auditor and accreditation_officer see no protected category; shelter staff see what a
 * placement needs (health, location).
 */
export const ROLES_BY_CATEGORY: Record<ProtectedCategory, Role[]> = {
  IDENTITY: PROFESSIONALS,
  CONTACT: PROFESSIONALS,
  HEALTH: [...PROFESSIONALS, 'shelter_staff'],
  LOCATION: [...PROFESSIONALS, 'shelter_staff'],
  TESTIMONY: PROFESSIONALS,
};

/** The roles that may ever see a protected category: only they ask the victims subgraph for consent decisions (victimSharing). */
export const CONSENT_ASKERS: Role[] = [...new Set(Object.values(ROLES_BY_CATEGORY).flat())];

/** Why a caller may read a field: after the role check, one basis that holds is enough. */
export interface Basis<P> {
  /** How the access matrix and messages name it, e.g. "own jurisdiction". */
  name: string;
  /** How audit events record it: OWN_JURISDICTION, CONSENT, OVERSIGHT, TEAM, … */
  code: string;
  /**
   * True (or the id of what it rests on, e.g. the consent) when it holds for this caller
   * and record; ConsentUnavailable when the victims subgraph cannot say (then: denied).
   */
  holds(ctx: RequestContext, parent: P, category: string): Promise<boolean | string> | boolean | string;
  /** The only roles it is asked for (absent: every role of the category); `forRoles` sets it, the engine enforces it. */
  roles?: readonly Role[];
  /**
   * The facts of a caller's situation that together make it hold, default `[code]`:
   * OWN_JURISDICTION (the caller acts in the record's jurisdiction), OVERSIGHT (an auditor
   * overseeing it), CONSENT (a consent of the victim covering the category and the stated
   * purpose), NAMED_IN_CONSENT, VICTIM_JURISDICTION, TEAM, or a subgraph's own (OPERATOR, …);
   * `PURPOSE:<purpose>` when it needs that stated purpose, and `{category}` in a fact that
   * depends on the category decided (`CARRIED:{category}`; CASE when asked for visibility).
   * The access tests (test/access-matrix.test.ts) establish the facts and expect from these
   * which bases hold, so a basis must name every fact it needs.
   */
  establishedBy?: readonly string[];
}

/** Whether the engine asks this basis for this role at all. */
function appliesTo(basis: Basis<unknown>, role: Role): boolean {
  return !basis.roles || basis.roles.includes(role);
}

export interface CategoryRule<P> {
  /** Who may ever see the category. */
  roles: readonly Role[];
  /** One of these must hold as well. */
  bases: Array<Basis<P>>;
  /** The FORBIDDEN message, given "<role> in <jurisdiction>". */
  denied?: (whom: string) => string;
}

export interface TypeAccess<P> {
  typeName: string;
  /** How messages name a record of the type: "this victim". */
  noun: string;
  /** The audit subject: the record's id (the subject type is `typeName`). */
  id(parent: P): string;
  /** Where a record belongs. */
  jurisdiction(parent: P, ctx: RequestContext): Promise<string | null> | string | null;
  /** Where a record belongs, by id (null: none such): auditors read the trails of their oversight. */
  jurisdictionOf(id: string, ctx: RequestContext): Promise<string | null>;
  /**
   * A record of another jurisdiction is visible at all, even its CASE fields, only on one
   * of these bases (e.g. a consent naming the caller's jurisdiction); otherwise it answers
   * exactly as an id that does not exist. Its own jurisdiction and the auditors overseeing
   * it always see it.
   */
  visibleOn: Array<Basis<P>>;
  /** Records anyone may know of, with or without a token (published case law): `visibleOn` is then not asked. */
  public?: boolean;
  /**
   * Known at all only to those who may read this category of it (one of its roles, and one of
   * its bases holds, whatever purpose is stated): a record whose existence is itself personal
   * (who is placed where). Others get it as an unknown id, even in its own jurisdiction.
   */
  knownTo?: string;
  /** Fields anyone who reached the record may read (its key). */
  open: string[];
  /** Every other field and its category: PUBLIC (a public type's: anyone), CASE (any authenticated caller, not logged) or one of `rules`. */
  fields: Record<string, string>;
  /** The rule of each category other than CASE; every read of these is logged, allowed or denied. */
  rules: Record<string, CategoryRule<P>>;
}

/** Checks a declaration when it is made: every field has a category with a rule. */
export function typeAccess<P>(declaration: TypeAccess<P>): TypeAccess<P> {
  if (declaration.knownTo && !declaration.rules[declaration.knownTo]) throw new Error(`${declaration.typeName}: knownTo ${declaration.knownTo} has no rule`);
  for (const [field, category] of Object.entries(declaration.fields)) {
    if (category === PUBLIC && !declaration.public) throw new Error(`${declaration.typeName}.${field}: only a public type has PUBLIC fields`);
    if (category !== 'CASE' && category !== PUBLIC && !declaration.rules[category]) throw new Error(`${declaration.typeName}.${field}: category ${category} has no rule`);
  }
  return declaration;
}

/** The protected categories with the hub's roles (ROLES_BY_CATEGORY), each on the same bases. */
export function protectedCategories<P>(bases: Array<Basis<P>>): Record<ProtectedCategory, CategoryRule<P>> {
  return Object.fromEntries(Object.entries(ROLES_BY_CATEGORY).map(([category, roles]) => [category, { roles, bases }])) as unknown as Record<
    ProtectedCategory,
    CategoryRule<P>
  >;
}

export interface Decision {
  allowed: boolean;
  /** Why none could be decided (said in the FORBIDDEN message). */
  reason: string | null;
  /** The basis that held, as audit events record it: `OWN_JURISDICTION`, `CONSENT:<consent id>`, … */
  basis: string | null;
  /** Denied because the request stated no purpose. */
  needsPurpose?: boolean;
}

const DENIED: Decision = { allowed: false, reason: null, basis: null };
const ALLOWED: Decision = { allowed: true, reason: null, basis: null };

/** A decision made once per request under `key` (ctx.decisions), however often it is asked. */
export function decidedOnce(ctx: RequestContext, key: string, make: () => Promise<Decision>): Promise<Decision> {
  let decision = ctx.decisions.get(key);
  if (!decision) {
    decision = make();
    ctx.decisions.set(key, decision);
  }
  return decision;
}

/**
 * The decision for one category of one record, made once per request: every field of
 * the category, in every place of the answer, shares it.
 */
export function decide<P>(access: TypeAccess<P>, ctx: RequestContext, parent: P, category: string): Promise<Decision> {
  if (category === PUBLIC) return Promise.resolve(ALLOWED);
  const caller = ctx.caller;
  if (!caller) return Promise.resolve(DENIED);
  if (category === 'CASE') return Promise.resolve(ALLOWED);
  return decidedOnce(ctx, `${access.typeName}:${access.id(parent)}:${category}`, async () => {
    const categoryRule = access.rules[category];
    if (!categoryRule || !categoryRule.roles.includes(caller.role)) return DENIED;
    // Protected data is read for a stated purpose only.
    if (!ctx.purpose) return { ...DENIED, needsPurpose: true };
    for (const basis of categoryRule.bases) {
      if (!appliesTo(basis, caller.role)) continue;
      try {
        const held = await basis.holds(ctx, parent, category);
        if (held) return { allowed: true, reason: null, basis: typeof held === 'string' ? `${basis.code}:${held}` : basis.code };
      } catch (error) {
        // The victims subgraph did not answer: denied, and said why. Anything else is no decision at all.
        if (error instanceof ConsentUnavailable) return { ...DENIED, reason: error.message };
        throw error;
      }
    }
    return DENIED;
  });
}

/** Whether the caller may know of this record at all (see `TypeAccess.visibleOn`). Once per record and request. */
export function isVisible<P>(access: TypeAccess<P>, ctx: RequestContext, record: P): Promise<boolean> {
  if (access.public) return Promise.resolve(true);
  const caller = ctx.caller;
  if (!caller) return Promise.resolve(false);
  const decision = decidedOnce(ctx, `${access.typeName}:${access.id(record)}:visible`, async () => {
    try {
      const seen = await seenFrom(access, ctx, record, caller);
      return seen.allowed && access.knownTo && !(await mayRead(access, ctx, record, access.knownTo)) ? DENIED : seen;
    } catch (error) {
      // Whose record it is could not be asked: refused, and said why (never shown).
      if (error instanceof ConsentUnavailable) throw forbidden(`${access.noun[0].toUpperCase()}${access.noun.slice(1)} cannot be shown: ${error.message}`);
      throw error;
    }
  });
  return decision.then((d) => d.allowed);
}

/** Its own jurisdiction, the auditors overseeing it, or a `visibleOn` basis. */
async function seenFrom<P>(access: TypeAccess<P>, ctx: RequestContext, record: P, caller: NonNullable<RequestContext['caller']>): Promise<Decision> {
  const jurisdiction = await access.jurisdiction(record, ctx);
  if (jurisdiction === caller.jurisdiction || (jurisdiction !== null && caller.oversight.includes(jurisdiction))) return ALLOWED;
  for (const basis of access.visibleOn) {
    if (appliesTo(basis, caller.role) && (await basis.holds(ctx, record, 'CASE'))) return { allowed: true, reason: null, basis: basis.code };
  }
  return DENIED;
}

/** The caller has a role of the category and one of its bases holds (the purpose aside): `knownTo`. */
async function mayRead<P>(access: TypeAccess<P>, ctx: RequestContext, record: P, category: string): Promise<boolean> {
  const rule = access.rules[category];
  if (!rule?.roles.includes(ctx.caller!.role)) return false;
  for (const basis of rule.bases) {
    if (appliesTo(basis, ctx.caller!.role) && (await basis.holds(ctx, record, category))) return true;
  }
  return false;
}

/** The record if the caller may know of it, else null (as for an id that does not exist). */
export async function visibleOrNull<P>(access: TypeAccess<P>, ctx: RequestContext, record: P | null | undefined): Promise<P | null> {
  return record && (await isVisible(access, ctx, record)) ? record : null;
}

/**
 * The one "not visible" answer for a record named by id (a mutation's or a query's
 * argument): the record if the caller may know of it, else NOT_FOUND worded exactly as
 * for an id that does not exist, so no answer tells an invisible record from a missing one.
 */
export async function visibleOrNotFound<P>(access: TypeAccess<P>, ctx: RequestContext, record: P | null | undefined, id: string): Promise<P> {
  if (record && (await isVisible(access, ctx, record))) return record;
  throw notFound(access.typeName, id);
}

/** Of these records, those the caller may know of, in order. */
export async function visibleOnly<P>(access: TypeAccess<P>, ctx: RequestContext, records: P[]): Promise<P[]> {
  const shown = await Promise.all(records.map((record) => isVisible(access, ctx, record)));
  return records.filter((_, i) => shown[i]);
}

/** The shield rules of a declared type: open fields allowed, every other field decided by its category. */
export function permissionsOf(access: TypeAccess<any>): Permissions {
  const fieldRule = ruleOf(async (parent: any, _args: unknown, ctx: RequestContext, info: { fieldName: string }) => {
    const category = access.fields[info.fieldName];
    if (!category) {
      ctx.metrics?.decision(access.typeName, info.fieldName, false);
      return forbidden();
    }
    const { allowed, reason, basis, needsPurpose } = await decide(access, ctx, parent, category);
    ctx.metrics?.decision(access.typeName, info.fieldName, allowed); // type and field names are the schema's: bounded
    // Every protected read is logged; CASE reads too when the record is another jurisdiction's.
    const logged = category !== PUBLIC && (category !== 'CASE' || (ctx.caller !== null && (await access.jurisdiction(parent, ctx)) !== ctx.caller.jurisdiction));
    if (logged) ctx.audit.noteRead(access.typeName, access.id(parent), info.fieldName, allowed, basis);
    if (allowed) return true;
    if (!ctx.caller) return unauthenticated();
    if (needsPurpose) {
      return forbidden(`${category} data of ${access.noun} is read only for a stated purpose: send the X-Purpose header with one of ${PURPOSES_BY_ROLE[ctx.caller.role].join(', ')}`);
    }
    const whom = `${ctx.caller.role} in ${ctx.caller.jurisdiction}`;
    const message = access.rules[category]?.denied?.(whom) ?? `${category} data of ${access.noun} is not shared with ${whom}`;
    return forbidden(reason ? `${message} (${reason})` : message);
  });
  return { [access.typeName]: { '*': fieldRule, ...Object.fromEntries(access.open.map((field) => [field, allow])) } };
}

// ---- Bases every subgraph can use ----

export function basis<P>(name: string, code: string, holds: Basis<P>['holds'], options: Pick<Basis<P>, 'roles' | 'establishedBy'> = {}): Basis<P> {
  // The roles are part of its name, so the access matrix (docs/access.md) shows them.
  return { name: options.roles ? `${name} (${options.roles.join(', ')})` : name, code, holds, establishedBy: [code], ...options };
}

/** The same basis, named by the facts that establish it when its code does not say them (e.g. the jurisdiction of the victim, not the record's). */
export function establishedBy<P>(facts: string[], inner: Basis<P>): Basis<P> {
  return { ...inner, establishedBy: facts };
}

/** The caller acts in the record's jurisdiction. */
export function ownJurisdiction<P>(jurisdictionOf: (parent: P) => string | null | undefined): Basis<P> {
  return basis('own jurisdiction', 'OWN_JURISDICTION', (ctx, parent) => jurisdictionOf(parent) === ctx.caller!.jurisdiction);
}

/** A basis that holds only for some of a category's roles. */
export function forRoles<P>(roles: Role[], inner: Basis<P>): Basis<P> {
  const only = inner.roles ? roles.filter((role) => inner.roles!.includes(role)) : roles;
  return {
    name: `${inner.name} (${roles.join(', ')})`,
    code: inner.code,
    holds: async (ctx, parent, category) => (only.includes(ctx.caller!.role) ? inner.holds(ctx, parent, category) : false),
    roles: only,
    establishedBy: inner.establishedBy,
  };
}

/** An auditor whose oversight covers the record's jurisdiction (its own, or its body's `oversees`). */
export function overseesJurisdiction<P>(jurisdictionOf: (parent: P) => string | null | undefined): Basis<P> {
  return basis("auditor overseeing the record's jurisdiction", 'OVERSIGHT', (ctx, parent) => {
    const jurisdiction = jurisdictionOf(parent);
    return Boolean(jurisdiction) && ctx.caller!.oversight.includes(jurisdiction!);
  });
}

/** The record is about a victim in the caller's jurisdiction (asked of the victims subgraph). */
export function victimInOwnJurisdiction<P>(victimIdOf: (parent: P) => string | null | undefined): Basis<P> {
  return basis(
    "the victim's own jurisdiction",
    'OWN_JURISDICTION',
    async (ctx, parent) => {
      const victimId = victimIdOf(parent);
      return victimId ? (await ctx.consents.jurisdictionOf(victimId)) === ctx.caller!.jurisdiction : false;
    },
    { establishedBy: ['VICTIM_JURISDICTION'] },
  );
}

/**
 * An active consent of the victim the record is about covers this category for the
 * caller's jurisdiction and the purpose the request states; holds on that consent's id.
 */
export function victimConsent<P>(victimIdOf: (parent: P) => string | null | undefined): Basis<P> {
  return basis('consent of the victim, for the stated purpose', 'CONSENT', async (ctx, parent, category) => {
    const victimId = victimIdOf(parent);
    if (!victimId || !ctx.purpose) return false;
    const consent = (await ctx.consents.consentsFor(victimId)).find((c) => c.categories.includes(category) && c.purposes.includes(ctx.purpose!));
    return consent?.id ?? false;
  });
}

/** Some active consent of the victim names the caller's jurisdiction (any category or purpose). */
export function namedByVictimConsent<P>(victimIdOf: (parent: P) => string | null | undefined): Basis<P> {
  return basis(
    'named in a consent of the victim',
    'CONSENT',
    async (ctx, parent) => {
      const victimId = victimIdOf(parent);
      return victimId ? ((await ctx.consents.consentsFor(victimId))[0]?.id ?? false) : false;
    },
    { establishedBy: ['NAMED_IN_CONSENT'] },
  );
}
