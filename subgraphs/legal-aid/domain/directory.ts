import type { Caller } from '../../../platform/auth';
import { badInput, conflict, forbidden, notFound } from '../../../platform/errors';
import type { Entity } from '../../common/storage';
import { checkAll, countryCode, languageCodes, newId, nonEmptyList, text } from '../../common/validate';
import type { AttorneyRecord, LegalAidContext, LegalAidModels, ProviderRecord } from '../models';
import type { RegisterAttorneyInput, RegisterLegalAidProviderInput } from '../schema/inputs';

/**
 * The legal aid directory, set up by a registrar of each jurisdiction: providers and
 * their attorneys. The API and the demo seed call these same functions (check, then
 * write), so the seed cannot create what the API could not.
 *
 * One rule ties tokens to the directory: a provider's id IS its organisation, the `org`
 * claim its attorneys' tokens carry; an attorney is the provider's attorney whose
 * `subject` is the token's `sub`. So an organisation is registered once in the hub
 * (taken: CONFLICT), and a subject or bar number once per provider.
 */

/** What the directory functions need: the caller, the store and its loaders by id. */
export interface Directory {
  caller: Caller | null;
  models: LegalAidModels;
  loaders: { provider: { load(id: string): Promise<Entity<ProviderRecord> | null> }; attorney: { load(id: string): Promise<Entity<AttorneyRecord> | null> } };
}

/** Records of before `active` existed are active. */
export const isActive = (attorney: AttorneyRecord): boolean => attorney.active !== false;

const ORGANISATION = /^[A-Za-z0-9._-]{2,64}$/;

function organisation(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ORGANISATION.test(value)) throw badInput(field, "must be 2-64 characters of A-Z, a-z, 0-9, '.', '_' and '-' (the `org` claim of its attorneys' tokens)");
  return value;
}

/** A registrar acts in its own jurisdiction only. */
function requireRegistrarOf(caller: Caller | null, jurisdiction: string, doing: string): void {
  if (caller?.role !== 'registrar' || caller.jurisdiction !== jurisdiction) throw forbidden(`Only a registrar of ${jurisdiction} ${doing}`);
}

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === 11000;
}

/** The provider to register, checked (every wrong field at once) and authorised; nothing written. */
export async function providerToRegister(d: Directory, input: RegisterLegalAidProviderInput): Promise<ProviderRecord> {
  const v = await checkAll({
    organisation: () => organisation(input.organisation, 'input.organisation'),
    name: () => text(input.name, 'input.name', { max: 200 }),
    jurisdiction: () => (input.jurisdiction == null ? d.caller!.jurisdiction : countryCode(input.jurisdiction, 'input.jurisdiction')),
  });
  requireRegistrarOf(d.caller, v.jurisdiction, 'registers its legal aid providers');
  return { _id: v.organisation, name: v.name, jurisdiction: v.jurisdiction, kind: input.kind };
}

/** Writes the provider; its organisation taken (by any jurisdiction): CONFLICT, nothing written. */
export async function writeProvider(d: Directory, record: ProviderRecord): Promise<Entity<ProviderRecord>> {
  try {
    return await d.models.providers.create(record);
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict(`The organisation ${record._id} is registered already: a provider is registered once`, 'input.organisation');
    throw error;
  }
}

/** A provider by id, or BAD_USER_INPUT naming the field (the directory is open: no existence to hide). */
async function providerNamed(d: Directory, id: unknown, field: string): Promise<Entity<ProviderRecord>> {
  const provider = typeof id === 'string' && id !== '' ? await d.loaders.provider.load(id) : null;
  if (!provider) throw badInput(field, 'no legal aid provider has this id');
  return provider;
}

/** The attorney to register, checked (every wrong field at once) and authorised; nothing written. `id`: the seed's stable ids. */
export async function attorneyToRegister(d: Directory, input: RegisterAttorneyInput, id = newId()): Promise<AttorneyRecord> {
  const v = await checkAll({
    provider: () => providerNamed(d, input.providerId, 'input.providerId'),
    name: () => text(input.name, 'input.name', { max: 200 }),
    barNumber: () => text(input.barNumber, 'input.barNumber', { max: 64 }),
    jurisdictions: () => nonEmptyList(input.jurisdictions, 'input.jurisdictions', 10).map((j, i) => countryCode(j, `input.jurisdictions[${i}]`)),
    languages: () => languageCodes(nonEmptyList(input.languages, 'input.languages', 20), 'input.languages'),
    subject: () => text(input.subject, 'input.subject', { max: 200 }),
  });
  requireRegistrarOf(d.caller, v.provider.jurisdiction, `registers the attorneys of ${v.provider.name}`);
  if (!v.jurisdictions.includes(v.provider.jurisdiction)) throw badInput('input.jurisdictions', `must include ${v.provider.jurisdiction}, the provider's jurisdiction`);
  return {
    _id: id,
    name: v.name,
    barNumber: v.barNumber,
    jurisdictions: [...new Set(v.jurisdictions)],
    languages: [...new Set(v.languages)],
    providerId: v.provider.id,
    practitionerId: v.subject,
    acceptingCases: input.acceptingCases ?? true,
    active: true,
    deactivatedAt: null,
    deactivationReason: null,
  };
}

/**
 * Writes the attorney under the provider's registration lock, so of two registrations of
 * one bar number or subject at once exactly one is written; the other, and any later
 * one (a deactivated attorney's too: she is not registered anew), CONFLICT.
 */
export async function writeAttorney(d: Directory, record: AttorneyRecord): Promise<Entity<AttorneyRecord>> {
  const { attorneys } = d.models;
  return attorneys.lists.exclusive(`attorneys/registration/${record.providerId}`, async () => {
    const registered = await attorneys.loaderBy('provider').load(record.providerId);
    const same = registered.find((a) => a.barNumber === record.barNumber || a.practitionerId === record.practitionerId);
    if (same) {
      const [field, what] = same.barNumber === record.barNumber ? ['input.barNumber', `bar number ${record.barNumber}`] : ['input.subject', `subject ${record.practitionerId}`];
      throw conflict(`${field}: an attorney of this provider with ${what} is registered already (${same.id}${isActive(same) ? '' : ', deactivated'})`, field);
    }
    return attorneys.create(record);
  });
}

/** The attorney to deactivate and why, checked and authorised; nothing written. */
export async function deactivation(d: Directory, attorneyId: string, reason: string): Promise<{ attorney: Entity<AttorneyRecord>; reason: string }> {
  const v = await checkAll({
    attorney: async () => {
      const attorney = typeof attorneyId === 'string' && attorneyId !== '' ? await d.loaders.attorney.load(attorneyId) : null;
      if (!attorney) throw notFound('Attorney', attorneyId);
      return attorney;
    },
    reason: () => text(reason, 'reason', { max: 1000 }),
  });
  const provider = await providerNamed(d, v.attorney.providerId, 'attorneyId');
  requireRegistrarOf(d.caller, provider.jurisdiction, `deactivates the attorneys of ${provider.name}`);
  return v;
}

/** Deactivates her (once: a second deactivation is BAD_USER_INPUT). Her open assignments stay hers. */
export async function writeDeactivation(d: Directory, attorneyId: string, reason: string, at: Date): Promise<Entity<AttorneyRecord>> {
  const updated = await d.models.attorneys.update(attorneyId, (a) => {
    if (!isActive(a)) throw badInput('attorneyId', `${a.name} was deactivated already`);
    return { active: false, deactivatedAt: at, deactivationReason: reason };
  });
  if (!updated) throw notFound('Attorney', attorneyId);
  return updated;
}

/**
 * The caller's own attorney record: the attorney of the token's organisation whose
 * subject is the token's `sub` (active or not), or null.
 */
export async function attorneyOfCaller(ctx: { caller: Caller | null; loaders: { attorneysOfProvider: { load(id: string): Promise<Array<Entity<AttorneyRecord>>> } } }): Promise<Entity<AttorneyRecord> | null> {
  const caller = ctx.caller;
  if (!caller || caller.role !== 'legal_aid_attorney') return null;
  return (await ctx.loaders.attorneysOfProvider.load(caller.org)).find((a) => a.practitionerId === caller.sub) ?? null;
}

/** The providers of a jurisdiction (default: the caller's); the directory is open to every authenticated caller. */
export async function providersOf(ctx: LegalAidContext, jurisdiction?: string): Promise<Array<Entity<ProviderRecord>>> {
  const asked = jurisdiction != null ? countryCode(jurisdiction, 'jurisdiction') : ctx.caller!.jurisdiction;
  const { providers } = ctx.models;
  const entries = await providers.lists.read(providers.list('jurisdiction', asked), 0, 1000);
  return (await ctx.loaders.provider.loadMany(entries.map((e) => e.ref))).filter((p): p is Entity<ProviderRecord> => p !== null && !(p instanceof Error));
}

// The directory's writes through the API: checked, then written under the audit.

export async function registerProvider(ctx: LegalAidContext, input: RegisterLegalAidProviderInput): Promise<Entity<ProviderRecord>> {
  const record = await providerToRegister(ctx, input);
  return ctx.audit.change('LEGAL_AID_PROVIDER_REGISTERED', 'LegalAidProvider', record._id, ['name', 'kind', 'jurisdiction'], () => writeProvider(ctx, record));
}

export async function registerAttorney(ctx: LegalAidContext, input: RegisterAttorneyInput): Promise<Entity<AttorneyRecord>> {
  const record = await attorneyToRegister(ctx, input);
  const fields = ['provider', 'name', 'barNumber', 'jurisdictions', 'languages', 'practitionerId', 'acceptingCases'];
  return ctx.audit.change('ATTORNEY_REGISTERED', 'Attorney', record._id, fields, () => writeAttorney(ctx, record));
}

export async function deactivateAttorney(ctx: LegalAidContext, attorneyId: string, reason: string): Promise<Entity<AttorneyRecord>> {
  const v = await deactivation(ctx, attorneyId, reason);
  const updated = await ctx.audit.change('ATTORNEY_DEACTIVATED', 'Attorney', v.attorney.id, ['active', 'deactivatedAt', 'deactivationReason'], () =>
    writeDeactivation(ctx, v.attorney.id, v.reason, ctx.now),
  );
  ctx.loaders.attorney.clear(updated.id).prime(updated.id, updated);
  return updated;
}
