import type { Caller } from '../../../platform/auth';
import { badInput, forbidden } from '../../../platform/errors';
import type { RequestAudit } from '../../common/audit';
import type { Entity } from '../../common/storage';
import { checkAll, countryCode, languageCodes, newId, nonEmptyList, text } from '../../common/validate';
import type { ShelterModels, ShelterRecord } from '../models';
import type { RegisterShelterInput } from '../schema/inputs';

/**
 * Registering a shelter is onboarding: the registrar of a jurisdiction sets up its
 * directory (shelters, like legal-aid providers and accreditation bodies), naming the
 * organisation that runs each one. Its staff are then the shelter_staff tokens of that
 * jurisdiction whose `org` is that operator (access.ts `isStaffOf`). Shelter staff do not
 * register shelters themselves: a shelter is trusted by matching and placement, so who
 * may add one is one role, as for every directory record. The demo seed registers its
 * shelters through this same function.
 */

/** What registering needs of a request: the demo seed gives the same with its own registrar and audit. */
export interface Registration {
  models: ShelterModels;
  caller: Caller | null;
  now: Date;
  audit: Pick<RequestAudit, 'change'>;
}

const between = (value: unknown, field: string, min: number, max: number, unit: string) => {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) throw badInput(field, `must be between ${min} and ${max} ${unit}`);
  return value as number;
};

/** Checks every field at once (one BAD_USER_INPUT naming all wrong ones), then writes the shelter, audit-first. */
export async function registerShelter(ctx: Registration, input: RegisterShelterInput, _id: string = newId()): Promise<Entity<ShelterRecord>> {
  const caller = ctx.caller!;
  const v = await checkAll({
    name: () => text(input.name, 'input.name', { max: 200 }),
    operator: () => text(input.operator, 'input.operator', { max: 200 }),
    jurisdiction: () => (input.jurisdiction == null ? caller.jurisdiction : countryCode(input.jurisdiction, 'input.jurisdiction')),
    city: () => text(input.city, 'input.city', { max: 100 }),
    capacity: () => between(input.capacity, 'input.capacity', 1, 500, 'beds'),
    genders: () => [...new Set(nonEmptyList(input.acceptsGenders, 'input.acceptsGenders'))],
    maxStayDays: () => between(input.maxStayDays, 'input.maxStayDays', 1, 3650, 'days'),
    languages: () => languageCodes(nonEmptyList(input.languages, 'input.languages', 30), 'input.languages'),
    address: () => text(input.address, 'input.address', { max: 300 }),
    phone: () => text(input.phone, 'input.phone', { max: 40 }),
  });
  if (v.jurisdiction !== caller.jurisdiction) throw forbidden(`A registrar registers shelters of its own jurisdiction (${caller.jurisdiction}) only`);
  return ctx.audit.change('SHELTER_REGISTERED', 'Shelter', _id, ['name', 'operator', 'city', 'capacity', 'address', 'phone'], () =>
    ctx.models.shelters.create({
      _id,
      name: v.name,
      jurisdiction: v.jurisdiction,
      city: v.city,
      operator: v.operator,
      capacity: v.capacity,
      services: [...new Set(input.services ?? [])],
      accessibility: [...new Set(input.accessibility ?? [])],
      accepts: { genders: v.genders, unaccompaniedMinors: input.acceptsUnaccompaniedMinors ?? false, families: input.acceptsFamilies ?? false, maxStayDays: v.maxStayDays },
      languages: v.languages,
      securityLevel: input.securityLevel,
      address: v.address,
      phone: v.phone,
      registeredAt: ctx.now,
      registeredBy: caller.sub,
    }),
  );
}
