import type { Role } from '../../../platform/auth';
import { basis, forRoles, ownJurisdiction, typeAccess, type Basis } from '../../common/access';
import type { RequestContext } from '../../common/context';
import type { Entity } from '../../common/storage';
import { isRecordId } from '../../common/validate';
import type { ProceedingContext } from '../models';
import { appoints, type AppointmentRecord, type DisclosureOrderRecord, type DisclosureRecord, type WitnessRecord } from './models';

/**
 * The access basis the defence area gives (decision 111): appointed counsel. A caller in
 * the role defence_counsel whose token's subject and organisation are those of an active
 * appointment in the record's proceeding. It names its role, so the platform asks it of
 * counsel only, and counsel no other basis (APPOINTED_ROLES): never own jurisdiction or a
 * victim's consent. It holds on the appointment's id, so every read under it is audited as
 * `APPOINTED:<appointment id>`, with the purpose DEFENCE (implied for the role).
 */

const COUNSEL: Role[] = ['defence_counsel'];

/** The caller's active appointment in this proceeding, if any (one per counsel and proceeding: domain/appointment.ts). */
export async function appointmentOf(ctx: RequestContext, proceedingId: string): Promise<Entity<AppointmentRecord> | null> {
  const caller = ctx.caller;
  if (!caller || !COUNSEL.includes(caller.role)) return null;
  const appointments = await (ctx as ProceedingContext).loaders.appointmentsOfProceeding.load(proceedingId);
  return appointments.find((a) => appoints(a, caller)) ?? null;
}

/** Counsel appointed, and still appointed, in the record's proceeding (for one of its defendants). */
export function appointedCounsel<P>(proceedingIdOf: (parent: P) => string): Basis<P> {
  return forRoles(
    COUNSEL,
    basis('counsel appointed for a defendant of the proceeding', 'APPOINTED', async (ctx, parent) => (await appointmentOf(ctx, proceedingIdOf(parent)))?.id ?? false),
  );
}

/**
 * Appointed counsel of the defendant the record was disclosed to: the item (or the
 * disclosure) is of her proceeding and disclosed to her defendant. An item disclosed only
 * to another defendant, or not at all, is not hers to know of.
 */
export function disclosedToCounsel<P>(evidenceIdOf: (parent: P) => string, proceedingIdOf: (parent: P) => string): Basis<P> {
  return forRoles(
    COUNSEL,
    basis(
      "counsel appointed for the defendant it was disclosed to",
      'DISCLOSED',
      async (ctx, parent) => {
        const appointment = await appointmentOf(ctx, proceedingIdOf(parent));
        if (!appointment) return false;
        const disclosures = await (ctx as ProceedingContext).loaders.disclosuresOfEvidence.load(evidenceIdOf(parent));
        return disclosures.some((d) => d.defendant === appointment.defendant) ? appointment.id : false;
      },
      { establishedBy: ['APPOINTED', 'DISCLOSED'] },
    ),
  );
}

const JUDGES_PROSECUTORS: Role[] = ['judge', 'prosecutor'];

/** Judges and prosecutors of the proceeding's jurisdiction read every appointment; counsel her own while it is active. */
const ownAppointment = forRoles(COUNSEL, basis<Entity<AppointmentRecord>>('her own active appointment', 'APPOINTED', (ctx, a) => (appoints(a, ctx.caller!) ? a.id : false)));

export const appointmentAccess = typeAccess<Entity<AppointmentRecord>>({
  typeName: 'DefenceAppointment',
  noun: 'this defence appointment',
  id: (a) => a.id,
  jurisdiction: (a) => a.jurisdiction,
  visibleOn: [ownAppointment],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.defenceAppointment.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: Object.fromEntries(
    ['proceeding', 'proceedingId', 'defendant', 'counselSubject', 'counselOrganisation', 'appointedAt', 'appointedBy', 'endedAt', 'endReason', 'active'].map((f) => [f, 'DEFENCE']),
  ),
  rules: {
    DEFENCE: { roles: [...JUDGES_PROSECUTORS, ...COUNSEL], bases: [forRoles(JUDGES_PROSECUTORS, ownJurisdiction((a) => a.jurisdiction)), ownAppointment] },
  },
});

/** Judges and prosecutors of the jurisdiction read every disclosure; counsel those to her defendant. */
const disclosureToCounsel = disclosedToCounsel<Entity<DisclosureRecord>>((d) => d.evidenceId, (d) => d.proceedingId);

export const disclosureAccess = typeAccess<Entity<DisclosureRecord>>({
  typeName: 'Disclosure',
  noun: 'this disclosure',
  id: (d) => d.id,
  jurisdiction: (d) => d.jurisdiction,
  visibleOn: [disclosureToCounsel],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.disclosure.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: Object.fromEntries(['evidence', 'defendant', 'note', 'disclosedAt', 'disclosedBy', 'order'].map((f) => [f, 'DEFENCE'])),
  rules: {
    DEFENCE: { roles: [...JUDGES_PROSECUTORS, ...COUNSEL], bases: [forRoles(JUDGES_PROSECUTORS, ownJurisdiction((d) => d.jurisdiction)), disclosureToCounsel] },
  },
});

/**
 * A judge's order to disclose a restricted item: judges and prosecutors of the jurisdiction
 * read it whole; counsel of a defendant it was disclosed to learns that and when it was
 * ordered and by whom, not the reasons (they may speak of the source or of a victim).
 */
const orderToCounsel = disclosedToCounsel<Entity<DisclosureOrderRecord>>((o) => o.evidenceId, (o) => o.proceedingId);

export const disclosureOrderAccess = typeAccess<Entity<DisclosureOrderRecord>>({
  typeName: 'DisclosureOrder',
  noun: 'this disclosure order',
  id: (o) => o.id,
  jurisdiction: (o) => o.jurisdiction,
  visibleOn: [orderToCounsel],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.disclosureOrder.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: { evidenceId: 'DEFENCE', orderedAt: 'DEFENCE', orderedBy: 'DEFENCE', reasons: 'ORDER_REASONS' },
  rules: {
    DEFENCE: { roles: [...JUDGES_PROSECUTORS, ...COUNSEL], bases: [forRoles(JUDGES_PROSECUTORS, ownJurisdiction((o) => o.jurisdiction)), orderToCounsel] },
    ORDER_REASONS: { roles: JUDGES_PROSECUTORS, bases: [ownJurisdiction((o) => o.jurisdiction)] },
  },
});

/**
 * A witness (decision 117): judges and prosecutors of the jurisdiction read every one with
 * the victim it stands for and the order's reasons; appointed counsel of the proceeding
 * reads the label, age group and gender, and the identity only of a witness a judge
 * ordered it disclosed for. Every counsel read is audited with purpose DEFENCE (implied).
 */
const witnessByCounsel = appointedCounsel<Entity<WitnessRecord>>((w) => w.proceedingId);

/** Counsel appointed in the proceeding, once a judge ordered this witness's identity disclosed to the defence. */
const identityOrderedForCounsel = forRoles(
  COUNSEL,
  basis<Entity<WitnessRecord>>(
    "counsel appointed in the proceeding, the witness's identity ordered disclosed by a judge",
    'IDENTITY_ORDERED',
    async (ctx, w) => (w.identityOrder ? ((await appointmentOf(ctx, w.proceedingId))?.id ?? false) : false),
    { establishedBy: ['APPOINTED', 'IDENTITY_ORDERED'] },
  ),
);

export const witnessAccess = typeAccess<Entity<WitnessRecord>>({
  typeName: 'Witness',
  noun: 'this witness',
  id: (w) => w.id,
  jurisdiction: (w) => w.jurisdiction,
  visibleOn: [witnessByCounsel],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.witness.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: {
    label: 'WITNESS',
    ageGroup: 'WITNESS',
    gender: 'WITNESS',
    identityDisclosedAt: 'WITNESS',
    identity: 'WITNESS_IDENTITY',
    identityDisclosureReasons: 'WITNESS_LINK',
    victim: 'WITNESS_LINK',
  },
  rules: {
    WITNESS: { roles: [...JUDGES_PROSECUTORS, ...COUNSEL], bases: [forRoles(JUDGES_PROSECUTORS, ownJurisdiction((w) => w.jurisdiction)), witnessByCounsel] },
    WITNESS_IDENTITY: { roles: [...JUDGES_PROSECUTORS, ...COUNSEL], bases: [forRoles(JUDGES_PROSECUTORS, ownJurisdiction((w) => w.jurisdiction)), identityOrderedForCounsel] },
    WITNESS_LINK: { roles: JUDGES_PROSECUTORS, bases: [ownJurisdiction((w) => w.jurisdiction)] },
  },
});
