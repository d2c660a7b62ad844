import { attorneyToRegister, providerToRegister, writeAttorney, writeProvider, type Directory } from '../../subgraphs/legal-aid/domain/directory';
import { legalAidLoaders, legalAidModels } from '../../subgraphs/legal-aid/models';
import type { ProviderKind } from '../../subgraphs/legal-aid/schema/vocabulary';
import type { TestHub } from './hub';

// The legal aid directory of the tests (providers and attorneys, registered as the seed
// registers them: by the API's own checks and writes, as each jurisdiction's registrar,
// with the fixed ids the tests name) and the operations the legal aid tests share.

export const PROVIDERS = [
  { _id: 'prov-de-ngo-00000000000', name: 'Rechtshilfe Berlin e.V.', jurisdiction: 'DE', kind: 'NGO' },
  { _id: 'prov-de-bar-00000000000', name: 'Rechtsanwaltskammer Berlin', jurisdiction: 'DE', kind: 'BAR_ASSOCIATION' },
  { _id: 'prov-at-ngo-00000000000', name: 'LEFÖ Rechtsberatung', jurisdiction: 'AT', kind: 'NGO' },
  { _id: 'prov-al-ngo-00000000000', name: 'Qendra për Ndihmë Ligjore', jurisdiction: 'AL', kind: 'NGO' },
];

function attorney(n: number, providerId: string, jurisdictions: string[], languages: string[], acceptingCases = true) {
  return {
    _id: `attorney-${String(n).padStart(13, '0')}`,
    name: `Attorney ${n}`,
    barNumber: `BAR-${n}`,
    jurisdictions,
    languages,
    providerId,
    practitionerId: `att-${n}`,
    acceptingCases,
  };
}
export type TestAttorney = ReturnType<typeof attorney>;

export const ATTORNEYS = [
  attorney(1, PROVIDERS[0]._id, ['DE'], ['de', 'en', 'uk']),
  attorney(2, PROVIDERS[0]._id, ['DE'], ['de', 'en']),
  attorney(3, PROVIDERS[1]._id, ['DE'], ['de', 'ro']),
  attorney(4, PROVIDERS[2]._id, ['AT'], ['de', 'uk']),
  attorney(5, PROVIDERS[2]._id, ['AT'], ['de']),
  attorney(6, PROVIDERS[1]._id, ['DE'], ['uk'], false),
  attorney(7, PROVIDERS[3]._id, ['AL'], ['sq', 'en']),
];

export async function seedDirectory(hub: TestHub): Promise<void> {
  const models = legalAidModels(hub.subgraphs['legal-aid'].connection);
  const loaders = legalAidLoaders(models);
  const as = (jurisdiction: string): Directory => ({ caller: { sub: 'test', role: 'registrar', jurisdiction, org: 'test', issuer: 'test', oversight: [] }, models, loaders });
  for (const p of PROVIDERS) {
    await writeProvider(as(p.jurisdiction), await providerToRegister(as(p.jurisdiction), { organisation: p._id, name: p.name, kind: p.kind as ProviderKind, jurisdiction: p.jurisdiction }));
  }
  for (const { _id, practitionerId, ...a } of ATTORNEYS) {
    const d = as(PROVIDERS.find((p) => p._id === a.providerId)!.jurisdiction);
    await writeAttorney(d, await attorneyToRegister(d, { ...a, subject: practitionerId }, _id));
  }
}

/** A token of the attorney (`sub` = practitioner id, `org` = provider), in her first jurisdiction unless told. */
export function asAttorney(hub: TestHub, a: TestAttorney, jurisdiction = a.jurisdictions[0]): Promise<string> {
  return hub.token('legal_aid_attorney', jurisdiction, { sub: a.practitionerId, org: a.providerId });
}

export const ASSIGN = `mutation($v: ID!, $input: AssignLegalAidInput!) { assignLegalAid(victimId: $v, input: $input) { id status matter attorney { name } } }`;
export const CONSENT = `mutation($id: ID!) { recordRepresentationConsent(assignmentId: $id, input: { givenOn: "2026-01-10", language: "uk", interpreterUsed: true }) { id status } }`;
export const HAND_OFF = `mutation($id: ID!, $input: HandOffInput!) { handOff(assignmentId: $id, input: $input) { id status toJurisdiction transferCategories } }`;
export const ACCEPT = `mutation($id: ID!) { acceptHandoff(handoffId: $id) { id status toAssignment { id status jurisdiction } fromAssignment { id status } } }`;
export const REFUSE = `mutation($id: ID!) { refuseHandoff(handoffId: $id, reason: "No capacity") { id status } }`;
export const CLOSE = `mutation($id: ID!) { closeAssignment(assignmentId: $id, reason: "Representation ended") { id status } }`;
export const ONE = `query($id: ID!) { legalAidAssignment(id: $id) { id status matter jurisdiction victim { id } representationConsent { language } } }`;
export const LEGAL_AID = `query($id: ID!) { victim(id: $id) { legalAid { current { id status jurisdiction attorney { name } } history { id status } gaps { from to reason proceeding { id } } } } }`;
