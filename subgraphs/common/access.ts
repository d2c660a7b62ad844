import { APPOINTED_ROLES, type Role } from '../../platform/auth';
import { forbidden, notFound, unauthenticated } from '../../platform/errors';
import { ConsentUnavailable } from './consents';
import type { RequestContext } from './context';
import { consentExplanation, noBasisDenial, purposeDenial, roleDenial, type Denial, type Explanation } from './denials';
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
   * depends on the category decided (`CARRIED:{category}`; CASE when asked for visibility),
   * `{role}` in one that depends on the caller's role (`ORIGINAL_READABLE:{role}`: another
   * type's rule, which gives its fields to some roles only, decides).
   * The access tests (test/access-matrix.test.ts) establish the facts and expect from these
   * which bases hold, so a basis must name every fact it needs.
   */
  establishedBy?: readonly string[];
  /** How a NO_BASIS denial names it, e.g. "in the record's own jurisdiction" (default: its name, quoted). */
  phrase?: (category: string, ctx: RequestContext) => string;
  /** When it did not hold, what more the caller may learn of why (a consent shares other purposes or categories). */
  explain?(ctx: RequestContext, parent: P, category: string): Promise<Explanation | null>;
}

/**
 * Whether the engine asks this basis for this role at all. An appointed role (defence
 * counsel) only a basis that names it (`forRoles`) or one that holds for any caller (no
 * fact establishes it: a certificate anyone may check); never own jurisdiction, a
 * consent naming it or any other.
 */
function appliesTo(basis: { roles?: readonly Role[]; establishedBy?: readonly string[] }, role: Role): boolean {
  if (APPOINTED_ROLES.includes(role)) return basis.roles ? basis.roles.includes(role) : basis.establishedBy?.length === 0;
  return !basis.roles || basis.roles.includes(role);
}

export interface CategoryRule<P> {
  /** Who may ever see the category. */
  roles: readonly Role[];
  /** One of these must hold as well. */
  bases: Array<Basis<P>>;
  /** The FORBIDDEN message when no basis holds (NO_BASIS), given "<role> in <jurisdiction>"; default: the bases, named. */
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
  /** The basis that held, as audit events record it: `OWN_JURISDICTION`, `CONSENT:<consent id>`, … */
  basis: string | null;
  /** Why a field was denied: the rule that failed (common/denials.ts). */
  denial?: Denial;
}

const DENIED: Decision = { allowed: false, basis: null };
const ALLOWED: Decision = { allowed: true, basis: null };
const denied = (denial: Denial): Decision => ({ allowed: false, basis: null, denial });

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
  if (category === 'CASE') return APPOINTED_ROLES.includes(caller.role) ? caseOfAppointed(access, ctx, parent) : Promise.resolve(ALLOWED);
  return decidedOnce(ctx, `${access.typeName}:${access.id(parent)}:${category}`, async () => {
    const categoryRule = access.rules[category];
    if (!categoryRule) return DENIED;
    // A role no basis is ever asked for is as good as unlisted: the roles named are those some basis serves.
    const roles = categoryRule.roles.filter((role) => categoryRule.bases.some((b) => appliesTo(b, role)));
    if (!roles.includes(caller.role)) return denied(roleDenial(category, access.noun, roles, caller.role));
    // Protected data is read for a stated purpose only.
    if (!ctx.purpose) return denied(purposeDenial(`${category} data of ${access.noun} is read`, caller.role));
    const bases = categoryRule.bases.filter((b) => appliesTo(b, caller.role));
    try {
      for (const basis of bases) {
        const held = await basis.holds(ctx, parent, category);
        if (held) return { allowed: true, basis: typeof held === 'string' ? `${basis.code}:${held}` : basis.code };
      }
      return denied(await whyNot(access, ctx, parent, category, bases));
    } catch (error) {
      // The victims subgraph did not answer: denied, and said why. Anything else is no decision at all.
      if (error instanceof ConsentUnavailable) {
        return denied({ reason: 'CONSENT_UNAVAILABLE', message: `${category} data of ${access.noun} cannot be shown now: ${error.message}` });
      }
      throw error;
    }
  });
}

/** CASE fields, to a role known records only by appointment: only of a record it may know of. */
function caseOfAppointed<P>(access: TypeAccess<P>, ctx: RequestContext, parent: P): Promise<Decision> {
  return decidedOnce(ctx, `${access.typeName}:${access.id(parent)}:CASE`, async () =>
    (await isVisible(access, ctx, parent)) ? ALLOWED : denied({ reason: 'NO_BASIS', message: `CASE data of ${access.noun} is read by ${ctx.caller!.role} only where appointed` }),
  );
}

/**
 * No basis held: what a basis can say of why (the first that says something, e.g. a
 * consent for other purposes), else the declaration's own words or its bases, named.
 */
async function whyNot<P>(access: TypeAccess<P>, ctx: RequestContext, parent: P, category: string, bases: Array<Basis<P>>): Promise<Denial> {
  for (const basis of bases) {
    const explanation = await basis.explain?.(ctx, parent, category);
    if (explanation) return { reason: explanation.reason, message: `${category} data of ${access.noun} ${explanation.says}` };
  }
  const whom = `${ctx.caller!.role} in ${ctx.caller!.jurisdiction}`;
  const own = access.rules[category].denied?.(whom);
  if (own) return { reason: 'NO_BASIS', message: own };
  return noBasisDenial(category, access.noun, bases.map((b) => b.phrase?.(category, ctx) ?? `on the basis "${b.name}"`), whom);
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
  // Appointed roles (defence counsel) know a record only on a visibleOn basis, never by its jurisdiction.
  if (!APPOINTED_ROLES.includes(caller.role) && (jurisdiction === caller.jurisdiction || (jurisdiction !== null && caller.oversight.includes(jurisdiction)))) return ALLOWED;
  for (const basis of access.visibleOn) {
    if (appliesTo(basis, caller.role) && (await basis.holds(ctx, record, 'CASE'))) return { allowed: true, basis: basis.code };
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

/**
 * The protected categories a write of these fields of a declared type touches, so that
 * it needs a stated purpose (RequestAudit.change), as a read of them does. A field is in
 * its declared category (open, CASE and PUBLIC fields are not protected); a name that is a
 * category of the declaration stands for that category (a consent's event names the
 * categories it shares); any other name is not declared at all and counts as protected
 * (deny by default: "screening (undeclared)").
 */
export function categoriesWritten(access: TypeAccess<any>, fields: readonly string[]): string[] {
  const touched = new Set<string>();
  for (const field of fields) {
    if (access.open.includes(field)) continue;
    const category = access.fields[field] ?? (field === 'CASE' || access.rules[field] ? field : `${field} (undeclared)`);
    if (category !== 'CASE' && category !== PUBLIC) touched.add(category);
  }
  return [...touched].sort();
}

/**
 * Reading one field of a declared record: decided by the field's category, the read
 * logged as that field of that record (allowed or denied), true or the error to answer.
 */
async function readField(access: TypeAccess<any>, ctx: RequestContext, record: any, fieldName: string): Promise<true | Error> {
  const category = access.fields[fieldName];
  if (!category) {
    ctx.metrics?.decision(access.typeName, fieldName, false);
    return forbidden();
  }
  const { allowed, basis, denial } = await decide(access, ctx, record, category);
  ctx.metrics?.decision(access.typeName, fieldName, allowed); // type and field names are the schema's: bounded
  // Every protected read is logged; CASE reads too when the record is another jurisdiction's.
  const logged = category !== PUBLIC && (category !== 'CASE' || (ctx.caller !== null && (await access.jurisdiction(record, ctx)) !== ctx.caller.jurisdiction));
  if (logged) ctx.audit.noteRead(access.typeName, access.id(record), fieldName, allowed, basis);
  if (allowed) return true;
  if (!ctx.caller) return unauthenticated();
  return denial ? forbidden(denial.message, denial.reason) : forbidden();
}

/** The shield rules of a declared type: open fields allowed, every other field decided by its category. */
export function permissionsOf(access: TypeAccess<any>): Permissions {
  const fieldRule = ruleOf((parent: any, _args: unknown, ctx: RequestContext, info: { fieldName: string }) => readField(access, ctx, parent, info.fieldName));
  return { [access.typeName]: { '*': fieldRule, ...Object.fromEntries(access.open.map((field) => [field, allow])) } };
}

/**
 * The rule of a field that shows another record's declared field (the proceedings
 * subgraph's case file shows its proceeding's hearings, orders, evidence…): decided,
 * denied and logged exactly as `field` of the record `recordOf` gives, so the one
 * declaration stays the only rule.
 */
export function readAs<P>(access: TypeAccess<P>, field: string, recordOf: (parent: any) => P) {
  if (!access.fields[field]) throw new Error(`${access.typeName}.${field} is not declared: nothing to read it as`);
  return ruleOf((parent: any, _args: unknown, ctx: RequestContext) => readField(access, ctx, recordOf(parent), field));
}

// ---- Bases every subgraph can use ----

export function basis<P>(name: string, code: string, holds: Basis<P>['holds'], options: Pick<Basis<P>, 'roles' | 'establishedBy' | 'phrase' | 'explain'> = {}): Basis<P> {
  // The roles are part of its name, so the access matrix (docs/access.md) shows them.
  return { name: options.roles ? `${name} (${options.roles.join(', ')})` : name, code, holds, establishedBy: [code], ...options };
}

/** The same basis, named by the facts that establish it when its code does not say them (e.g. the jurisdiction of the victim, not the record's). */
export function establishedBy<P>(facts: string[], inner: Basis<P>): Basis<P> {
  return { ...inner, establishedBy: facts };
}

/** The caller acts in the record's jurisdiction. */
export function ownJurisdiction<P>(jurisdictionOf: (parent: P) => string | null | undefined): Basis<P> {
  return basis('own jurisdiction', 'OWN_JURISDICTION', (ctx, parent) => jurisdictionOf(parent) === ctx.caller!.jurisdiction, {
    phrase: () => "in the record's own jurisdiction",
  });
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
    phrase: inner.phrase,
    explain: inner.explain,
  };
}

/** An auditor whose oversight covers the record's jurisdiction (its own, or its body's `oversees`). */
export function overseesJurisdiction<P>(jurisdictionOf: (parent: P) => string | null | undefined): Basis<P> {
  return basis(
    "auditor overseeing the record's jurisdiction",
    'OVERSIGHT',
    (ctx, parent) => {
      const jurisdiction = jurisdictionOf(parent);
      return Boolean(jurisdiction) && ctx.caller!.oversight.includes(jurisdiction!);
    },
    { phrase: () => "by an auditor overseeing the record's jurisdiction" },
  );
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
    { establishedBy: ['VICTIM_JURISDICTION'], phrase: () => "in the victim's own jurisdiction" },
  );
}

/**
 * An active consent of the victim the record is about covers this category for the
 * caller's jurisdiction and the purpose the request states; holds on that consent's id.
 */
export function victimConsent<P>(victimIdOf: (parent: P) => string | null | undefined): Basis<P> {
  return basis(
    'consent of the victim, for the stated purpose',
    'CONSENT',
    async (ctx, parent, category) => {
      const victimId = victimIdOf(parent);
      if (!victimId || !ctx.purpose) return false;
      const consent = (await ctx.consents.consentsFor(victimId)).find((c) => c.categories.includes(category) && c.purposes.includes(ctx.purpose!));
      return consent?.id ?? false;
    },
    {
      phrase: (category, ctx) => `with a consent of the victim covering ${category} for ${ctx.caller!.jurisdiction} and the stated purpose`,
      // Only the consents naming the caller's own jurisdiction are ever answered (common/consents.ts): what they say is the caller's to know.
      explain: async (ctx, parent, category) => {
        const victimId = victimIdOf(parent);
        if (!victimId) return null;
        const mayRead = (c: string) => c === 'CASE' || (ROLES_BY_CATEGORY[c as ProtectedCategory]?.includes(ctx.caller!.role) ?? false);
        return consentExplanation(await ctx.consents.consentsFor(victimId), category, ctx.caller!.jurisdiction, ctx.purpose, mayRead);
      },
    },
  );
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
    { establishedBy: ['NAMED_IN_CONSENT'], phrase: (_category, ctx) => `when a consent of the victim names ${ctx.caller!.jurisdiction}` },
  );
}
