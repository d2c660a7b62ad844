import type { Column, ImportKind } from './run';

/**
 * What `npm run import` can load, each kind one mutation of the onboarding API, and the
 * CSV columns of each (lists are separated by `;`). The first line of a file names its
 * columns, in any order; optional columns may be left out or left empty.
 */

const text = (into: string, required = true): Column => ({ into, required });
const list = (into: string, required = true): Column => ({ into, type: 'list', required });
const int = (into: string, required = true): Column => ({ into, type: 'int', required });
const boolean = (into: string): Column => ({ into, type: 'boolean' });

export const KINDS: Record<string, ImportKind> = {
  bodies: {
    noun: 'accreditation body',
    document: 'mutation($input: EstablishAccreditationBodyInput!) { establishAccreditationBody(input: $input) { id name } }',
    columns: { id: text('input.id'), name: text('input.name'), region: text('input.region'), jurisdictions: list('input.jurisdictions') },
    made: (data) => `${data.establishAccreditationBody.name} (${data.establishAccreditationBody.id})`,
  },
  programs: {
    noun: 'training program',
    document: 'mutation($bodyId: ID!, $input: DefineProgramInput!) { defineProgram(bodyId: $bodyId, input: $input) { code title } }',
    columns: {
      body: text('bodyId'),
      code: text('input.code'),
      title: text('input.title'),
      passingScore: int('input.passingScore'),
      requiredFor: list('input.requiredFor'),
      modules: {
        into: 'input.modules',
        type: 'records',
        required: true,
        fields: [
          ['code', 'text'],
          ['title', 'text'],
          ['hours', 'number'],
          ['competency', 'text'],
        ],
      },
    },
    made: (data) => `${data.defineProgram.title} (${data.defineProgram.code})`,
  },
  practitioners: {
    noun: 'practitioner',
    document: 'mutation($input: RegisterPractitionerInput!) { registerPractitioner(input: $input) { id name } }',
    columns: {
      name: text('input.name'),
      role: text('input.role'),
      organization: text('input.organization'),
      email: text('input.email'),
      subject: text('input.subject'),
      subjectIssuer: text('input.subjectIssuer', false),
    },
    made: (data) => `${data.registerPractitioner.name} (${data.registerPractitioner.id})`,
  },
  providers: {
    noun: 'legal aid provider',
    document: 'mutation($input: RegisterLegalAidProviderInput!) { registerLegalAidProvider(input: $input) { id name } }',
    columns: { organisation: text('input.organisation'), name: text('input.name'), kind: text('input.kind'), jurisdiction: text('input.jurisdiction', false) },
    made: (data) => `${data.registerLegalAidProvider.name} (${data.registerLegalAidProvider.id})`,
  },
  attorneys: {
    noun: 'attorney',
    document: 'mutation($input: RegisterAttorneyInput!) { registerAttorney(input: $input) { id name } }',
    columns: {
      provider: text('input.providerId'),
      name: text('input.name'),
      barNumber: text('input.barNumber'),
      jurisdictions: list('input.jurisdictions'),
      languages: list('input.languages'),
      subject: text('input.subject'),
      acceptingCases: boolean('input.acceptingCases'),
    },
    made: (data) => `${data.registerAttorney.name} (${data.registerAttorney.id})`,
  },
  shelters: {
    noun: 'shelter',
    document: 'mutation($input: RegisterShelterInput!) { registerShelter(input: $input) { id name } }',
    columns: {
      name: text('input.name'),
      operator: text('input.operator'),
      jurisdiction: text('input.jurisdiction', false),
      city: text('input.city'),
      capacity: int('input.capacity'),
      services: list('input.services', false),
      accessibility: list('input.accessibility', false),
      acceptsGenders: list('input.acceptsGenders'),
      acceptsUnaccompaniedMinors: boolean('input.acceptsUnaccompaniedMinors'),
      acceptsFamilies: boolean('input.acceptsFamilies'),
      maxStayDays: int('input.maxStayDays'),
      languages: list('input.languages'),
      securityLevel: text('input.securityLevel'),
      address: text('input.address'),
      phone: text('input.phone'),
    },
    made: (data) => `${data.registerShelter.name} (${data.registerShelter.id})`,
  },
};
