import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import type { Connection } from 'mongoose';
import type { Caller } from '../../../platform/auth';
import { connectDatabase } from '../../common/storage';
import { legalAidLoaders, legalAidModels, type LegalAidModels } from '../models';
import type { RegisterAttorneyInput } from '../schema/inputs';
import { ProviderKind } from '../schema/vocabulary';
import { attorneyToRegister, deactivation, isActive, providerToRegister, writeAttorney, writeDeactivation, writeProvider, type Directory } from './directory';

// The legal aid directory (directory.ts) on the embedded database: a registrar registers
// in its own jurisdiction only, every wrong field is named at once, an organisation is
// registered once in the hub and a bar number or subject once per provider (of two at
// once exactly one), and a deactivation happens once.

let connection: Connection;
let models: LegalAidModels;

beforeAll(async () => {
  connection = await connectDatabase(process.env.MONGODB_URI!, `legal_aid_directory_test_${randomBytes(4).toString('hex')}`);
  models = legalAidModels(connection);
  await Promise.all(Object.values(connection.models).map((m) => m.init()));
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

const registrar = (jurisdiction: string): Caller => ({ sub: `registrar-${jurisdiction}`, role: 'registrar', jurisdiction, org: 'ministry', issuer: 'test', oversight: [] });
/** Fresh loaders per act, as each request has its own. */
const as = (caller: Caller | null): Directory => ({ caller, models, loaders: legalAidLoaders(models) });

async function failure(act: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await act;
  } catch (error) {
    return { message: (error as GraphQLError).message, ...(error as GraphQLError).extensions };
  }
  throw new Error('allowed');
}

const org = () => `org-${randomBytes(4).toString('hex')}`;

async function aProvider(jurisdiction = 'DE') {
  const d = as(registrar(jurisdiction));
  return writeProvider(d, await providerToRegister(d, { organisation: org(), name: 'Rechtshilfe', kind: ProviderKind.NGO, jurisdiction }));
}

const attorneyInput = (providerId: string, overrides: Partial<RegisterAttorneyInput> = {}): RegisterAttorneyInput => ({
  providerId,
  name: 'Anna Berger',
  barNumber: 'BAR-1',
  jurisdictions: ['DE'],
  languages: ['de', 'uk'],
  subject: 'anna',
  acceptingCases: true,
  ...overrides,
});

describe('a provider', () => {
  it('is registered by a registrar of its jurisdiction only, naming every wrong field at once', async () => {
    const d = as(registrar('DE'));
    expect(await failure(providerToRegister(d, { organisation: 'a', name: ' ', kind: ProviderKind.NGO, jurisdiction: 'Germany' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    const wrong = (await failure(providerToRegister(d, { organisation: 'a', name: ' ', kind: ProviderKind.NGO, jurisdiction: 'Germany' }))).fields as Array<{ path: string }>;
    expect(wrong.map((f) => f.path).sort()).toEqual(['input.jurisdiction', 'input.name', 'input.organisation']);
    expect(await failure(providerToRegister(d, { organisation: org(), name: 'LEFÖ', kind: ProviderKind.NGO, jurisdiction: 'AT' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await providerToRegister(d, { organisation: 'lefo.at', name: 'LEFÖ', kind: ProviderKind.NGO })).toEqual({ _id: 'lefo.at', name: 'LEFÖ', jurisdiction: 'DE', kind: 'NGO' });
  });

  it('is registered once in the hub, by any jurisdiction', async () => {
    const first = await aProvider('DE');
    const at = as(registrar('AT'));
    const again = await providerToRegister(at, { organisation: first.id, name: 'Other', kind: ProviderKind.NGO, jurisdiction: 'AT' });
    expect(await failure(writeProvider(at, again))).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('an attorney', () => {
  it('practises in her provider’s jurisdiction and is registered by its registrar', async () => {
    const provider = await aProvider('DE');
    expect(await failure(attorneyToRegister(as(registrar('DE')), attorneyInput(provider.id, { jurisdictions: ['AT'] })))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.jurisdictions' });
    expect(await failure(attorneyToRegister(as(registrar('AT')), attorneyInput(provider.id)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(attorneyToRegister(as(registrar('DE')), attorneyInput('no-such-provider')))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.providerId' });
    const record = await attorneyToRegister(as(registrar('DE')), attorneyInput(provider.id, { jurisdictions: ['DE', 'AT', 'DE'], languages: ['de', 'de'] }));
    expect(record).toMatchObject({ providerId: provider.id, practitionerId: 'anna', jurisdictions: ['DE', 'AT'], languages: ['de'], active: true });
  });

  it('is registered once per provider by bar number and by subject, of two at once exactly one', async () => {
    const provider = await aProvider('DE');
    const d = as(registrar('DE'));
    const twice = await Promise.allSettled([
      attorneyToRegister(d, attorneyInput(provider.id)).then((r) => writeAttorney(as(registrar('DE')), r)),
      attorneyToRegister(d, attorneyInput(provider.id)).then((r) => writeAttorney(as(registrar('DE')), r)),
    ]);
    expect(twice.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const sameSubject = await attorneyToRegister(d, attorneyInput(provider.id, { barNumber: 'BAR-2' }));
    // Naming the input field in the way (found by npm run fuzz: the CONFLICT named none).
    expect(await failure(writeAttorney(as(registrar('DE')), sameSubject))).toMatchObject({ code: 'CONFLICT', field: 'input.subject' });
    expect(await failure(writeAttorney(as(registrar('DE')), await attorneyToRegister(d, attorneyInput(provider.id, { subject: 'carla' }))))).toMatchObject({ code: 'CONFLICT', field: 'input.barNumber' });
    const another = await attorneyToRegister(d, attorneyInput(provider.id, { barNumber: 'BAR-2', subject: 'ben' }));
    expect(await writeAttorney(as(registrar('DE')), another)).toMatchObject({ practitionerId: 'ben' });
  });

  it('is deactivated once, by a registrar of her provider’s jurisdiction', async () => {
    const provider = await aProvider('DE');
    const d = as(registrar('DE'));
    const anna = await writeAttorney(d, await attorneyToRegister(d, attorneyInput(provider.id)));
    expect(await failure(deactivation(as(registrar('AT')), anna.id, 'left'))).toMatchObject({ code: 'FORBIDDEN' });
    const v = await deactivation(as(registrar('DE')), anna.id, 'left the provider');
    const off = await writeDeactivation(d, v.attorney.id, v.reason, new Date('2031-01-01T00:00:00Z'));
    expect(isActive(off)).toBe(false);
    expect(off).toMatchObject({ deactivationReason: 'left the provider', deactivatedAt: new Date('2031-01-01T00:00:00Z') });
    expect(await failure(writeDeactivation(d, anna.id, 'again', new Date()))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attorneyId' });
  });
});
