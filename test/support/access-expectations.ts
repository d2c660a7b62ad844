import { APPOINTED_ROLES, type Role } from '../../platform/auth';
import { IMPLIED_PURPOSES } from '../../platform/purposes';
import { PUBLIC, type Basis, type TypeAccess } from '../../subgraphs/common/access';

/**
 * What a declaration (subgraphs/common/access.ts `typeAccess`) says a caller gets, from the
 * declaration alone: nothing here is re-typed per type. A situation is the caller's role,
 * the facts that hold between the caller and a record (OWN_JURISDICTION, CONSENT, TEAM, …,
 * as fixtures establish them) and whether the request states a purpose.
 */
export interface Situation {
  role: Role;
  facts: ReadonlySet<string>;
  purpose: boolean;
}

/** A basis holds when it is for the caller's role and every fact that establishes it holds (for the category decided; CASE: visibility). */
export function basisHolds(basis: Basis<unknown>, situation: Situation, category: string): boolean {
  if (basis.roles && !basis.roles.includes(situation.role)) return false;
  // An appointed role (defence counsel) is asked only the bases that name it.
  if (APPOINTED_ROLES.includes(situation.role) && !basis.roles && (basis.establishedBy ?? [basis.code]).length > 0) return false;
  return (basis.establishedBy ?? [basis.code]).every((fact) => situation.facts.has(fact.replace('{category}', category).replace('{role}', situation.role)));
}

/** The record is known to the caller at all: public, its own jurisdiction, an auditor overseeing it, or a `visibleOn` basis (and `knownTo`). */
export function isVisibleTo(access: TypeAccess<unknown>, situation: Situation): boolean {
  if (access.public) return true;
  const byJurisdiction = !APPOINTED_ROLES.includes(situation.role) && (situation.facts.has('OWN_JURISDICTION') || (situation.role === 'auditor' && situation.facts.has('OVERSIGHT')));
  const seen = byJurisdiction || access.visibleOn.some((basis) => basisHolds(basis, situation, 'CASE'));
  // Known only to readers of a category: its roles and bases, whatever the purpose.
  return seen && (!access.knownTo || isReleased(access, access.knownTo, { ...situation, purpose: true }, true));
}

/** The category a field is in: open fields are 'open'. */
export function categoryOf(access: TypeAccess<unknown>, field: string): string {
  if (access.open.includes(field)) return 'open';
  const category = access.fields[field];
  if (!category) throw new Error(`${access.typeName}.${field} has no category in its declaration`);
  return category;
}

/** Whether a field of a record the caller reached is released (the role is the category's and a basis holds, with a stated purpose). */
export function isReleased(access: TypeAccess<unknown>, field: string, situation: Situation, isCategory = false): boolean {
  const category = isCategory ? field : categoryOf(access, field);
  if (category === 'open' || category === PUBLIC) return true;
  // CASE: every caller, but an appointed role only of a record it may know of.
  if (category === 'CASE') return !APPOINTED_ROLES.includes(situation.role) || isVisibleTo(access, situation);
  const rule = access.rules[category];
  if (!rule.roles.includes(situation.role) || !(situation.purpose || IMPLIED_PURPOSES[situation.role])) return false;
  return rule.bases.some((basis) => basisHolds(basis, situation, category));
}

/** Every read of these is written to the owner's audit chain, allowed or denied. */
export function isAudited(access: TypeAccess<unknown>, field: string): boolean {
  const category = categoryOf(access, field);
  return category !== 'open' && category !== PUBLIC && category !== 'CASE';
}

/** No fact changes what a caller gets of this type (public, or no rules and visible to every caller): asking it in more than one place tells nothing more. */
export function isInert(access: TypeAccess<unknown>): boolean {
  return access.public === true || (Object.keys(access.rules).length === 0 && access.visibleOn.some((b) => !b.roles && (b.establishedBy ?? [b.code]).length === 0));
}

/** Stating no purpose changes nothing for a role no protected category of the type lists, nor for a role whose purpose is implied. */
export function purposeMatters(access: TypeAccess<unknown>, role: Role): boolean {
  return !IMPLIED_PURPOSES[role] && Object.values(access.rules).some((rule) => rule.roles.includes(role));
}

/** Where along a path the answer stops: the record at `step` answers as unknown, or the field leading to `step` is refused. */
export type PathVerdict = { kind: 'reached' } | { kind: 'absent'; step: number } | { kind: 'forbidden'; step: number };

/**
 * The verdict for a record reached through `types` (the root's type first, the record's
 * last; `fields[i]` leads from `types[i - 1]` to `types[i]`). Declared types on the way
 * apply their visibility and the rule of the field taken; undeclared ones (Hearing) none.
 */
export function pathVerdict(types: string[], fields: string[], declared: (typeName: string) => TypeAccess<unknown> | undefined, situation: Situation): PathVerdict {
  for (let step = 0; step < types.length; step++) {
    const access = declared(types[step]);
    if (access && !isVisibleTo(access, situation)) return { kind: 'absent', step };
    const next = fields[step + 1];
    if (access && next !== undefined && !isReleased(access, next, situation)) return { kind: 'forbidden', step: step + 1 };
  }
  return { kind: 'reached' };
}
