import { badInput, notFound } from '../../../platform/errors';
import type { Entity } from '../../common/storage';
import { pageOf } from '../../common/storage';
import { checkAll, countryCode, isRecordId, newId, recordId, text } from '../../common/validate';
import { sameRegion, signsInAs } from '../access';
import type { PractitionerRecord, TrainingContext } from '../models';
import { PractitionerRole } from '../schema/vocabulary';

/**
 * Practitioners: who keeps whose record, registration, the lists of a jurisdiction, the
 * caller's own record, and an attorney's record as the legal aid subgraph asks for it.
 * Their training record (completions, visits, CPD hours): record.ts.
 */

type PractitionerDoc = Entity<PractitionerRecord>;

/** A practitioner by id: BAD_USER_INPUT naming the field for a malformed id, NOT_FOUND for one nobody has. */
export async function practitionerNamed(ctx: TrainingContext, id: unknown, field = 'practitionerId'): Promise<PractitionerDoc> {
  const wanted = recordId(id, field);
  const practitioner = await ctx.loaders.practitioner.load(wanted);
  if (!practitioner) throw notFound('Practitioner', wanted);
  return practitioner;
}

/**
 * The practitioner whose training record the caller keeps: an accreditation officer of
 * her jurisdiction, or of a region that holds it. Anyone else is answered exactly as for
 * an id nobody has (NOT_FOUND, as common/access.ts `visibleOrNotFound` words it), so a
 * write cannot probe which practitioners another region keeps.
 */
export async function practitionerKeptBy(ctx: TrainingContext, id: unknown, field = 'practitionerId'): Promise<PractitionerDoc> {
  const practitioner = await practitionerNamed(ctx, id, field);
  const caller = ctx.caller!;
  if (caller.role === 'accreditation_officer' && (caller.jurisdiction === practitioner.jurisdiction || (await sameRegion(ctx, caller.jurisdiction, practitioner.jurisdiction)))) return practitioner;
  throw notFound('Practitioner', practitioner.id);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface PractitionerInput {
  name: string;
  role: PractitionerRole;
  organization: string;
  email: string;
  subject: string;
  subjectIssuer?: string | null;
}

/**
 * Registers a practitioner in the officer's own jurisdiction, with the issuer and subject
 * of her own tokens (the issuer is the officer's unless given). One record per sign-in
 * and jurisdiction, so that her own record is one.
 */
export async function registerPractitioner(ctx: TrainingContext, input: PractitionerInput): Promise<PractitionerDoc> {
  const caller = ctx.caller!;
  const v = await checkAll({
    name: () => text(input.name, 'input.name', { max: 200 }),
    organization: () => text(input.organization, 'input.organization', { max: 200 }),
    email: () => {
      const email = text(input.email, 'input.email', { max: 200 });
      if (!EMAIL.test(email)) throw badInput('input.email', 'is not an email address');
      return email;
    },
    subject: () => text(input.subject, 'input.subject', { max: 200 }),
    subjectIssuer: () => (input.subjectIssuer == null ? caller.issuer : text(input.subjectIssuer, 'input.subjectIssuer', { max: 200 })),
  });
  const namesake = (await ctx.loaders.practitionersWithSubject.load(v.subject)).find((p) => p.subjectIssuer === v.subjectIssuer && p.jurisdiction === caller.jurisdiction);
  if (namesake) throw badInput('input.subject', `a practitioner of ${caller.jurisdiction} already signs in with this subject of ${v.subjectIssuer}`);
  const record = {
    _id: newId(),
    ...v,
    role: input.role,
    jurisdiction: caller.jurisdiction,
    registeredAt: ctx.now,
    registeredBy: caller.sub,
  };
  return ctx.audit.change('PRACTITIONER_REGISTERED', 'Practitioner', record._id, ['name', 'role', 'organization', 'email', 'subject', 'subjectIssuer'], () =>
    ctx.models.practitioners.create(record),
  );
}

/** `practitioners`: a jurisdiction's (default: the caller's), optionally of one profession, a page at a time in the order they were registered. */
export function practitionersOf(ctx: TrainingContext, asked: { jurisdiction?: string; role?: PractitionerRole; first?: number; after?: string }) {
  const jurisdiction = asked.jurisdiction != null ? countryCode(asked.jurisdiction, 'jurisdiction') : ctx.caller!.jurisdiction;
  const { practitioners } = ctx.models;
  const list = asked.role ? practitioners.list('jurisdictionRole', `${jurisdiction}:${asked.role}`) : practitioners.list('jurisdiction', jurisdiction);
  return pageOf([{ records: practitioners, list }], { first: asked.first, after: asked.after });
}

/** The record the caller signs in as (access.ts `signsInAs`: issuer, subject, jurisdiction and profession), or null. */
export async function ownPractitioner(ctx: TrainingContext): Promise<PractitionerDoc | null> {
  const caller = ctx.caller;
  if (!caller) return null;
  return (await ctx.loaders.practitionersWithSubject.load(caller.sub)).find((p) => signsInAs(caller, p)) ?? null;
}

/** An attorney's record, from the `practitionerId` legal aid keeps: the practitioner with that id, or the attorney whose token subject it is. */
export async function attorneyAccreditation(ctx: TrainingContext, practitionerId: unknown): Promise<PractitionerDoc | null> {
  const id = practitionerId;
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) return null;
  const byId = isRecordId(id) ? await ctx.loaders.practitioner.load(id) : null;
  // By subject: only an attorney's record (another profession's holder of the same `sub` is someone else).
  return byId ?? (await ctx.loaders.practitionersWithSubject.load(id)).find((p) => p.role === PractitionerRole.ATTORNEY) ?? null;
}
