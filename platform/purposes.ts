import type { Role } from './auth';
import { badHeader } from './errors';

/**
 * Purpose of use (FHIR Consent's purpose, LED Art. 25's justification): a fixed
 * vocabulary. Every read of protected data states one (`X-Purpose`), each role may state
 * only some, and a consent names the purposes it allows.
 */
export const PURPOSES = [
  'VICTIM_SUPPORT',
  'CASE_MANAGEMENT',
  'CRIMINAL_INVESTIGATION',
  'PROSECUTION',
  'ADJUDICATION',
  'SHELTER_PLACEMENT',
  'LEGAL_REPRESENTATION',
  'REPATRIATION',
  'OVERSIGHT',
  'STATISTICS',
  'DEFENCE',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** The purposes each role may state (least privilege: what its work needs). */
export const PURPOSES_BY_ROLE: Record<Role, Purpose[]> = {
  judge: ['ADJUDICATION', 'CASE_MANAGEMENT'],
  prosecutor: ['PROSECUTION', 'CRIMINAL_INVESTIGATION', 'CASE_MANAGEMENT'],
  law_enforcement: ['CRIMINAL_INVESTIGATION', 'VICTIM_SUPPORT', 'CASE_MANAGEMENT'],
  social_worker: ['VICTIM_SUPPORT', 'CASE_MANAGEMENT', 'SHELTER_PLACEMENT', 'REPATRIATION'],
  legal_aid_attorney: ['LEGAL_REPRESENTATION', 'VICTIM_SUPPORT', 'REPATRIATION'],
  shelter_staff: ['SHELTER_PLACEMENT', 'VICTIM_SUPPORT'],
  accreditation_officer: ['CASE_MANAGEMENT', 'STATISTICS'],
  partner_system: ['CASE_MANAGEMENT', 'STATISTICS'],
  auditor: ['OVERSIGHT'],
  // Sets up a region's directory (bodies, providers, attorneys, shelters): no victim data at all.
  registrar: ['CASE_MANAGEMENT'],
  // Counsel appointed for a defendant reads a proceeding for the defence and for nothing else (decision 111).
  defence_counsel: ['DEFENCE'],
};

/**
 * The purpose a role's every request is for, stated or not: the role is that purpose
 * (decision 111). A request of such a role that states no purpose is taken as stating it,
 * so its reads are decided and audited with it. Only roles listed here: the others keep
 * stating one (auditors and registrars too, although each may state only one, so that
 * their writes of protected data stay refused without it).
 */
export const IMPLIED_PURPOSES: Partial<Record<Role, Purpose>> = {
  defence_counsel: 'DEFENCE',
};


export function isPurpose(value: unknown): value is Purpose {
  return typeof value === 'string' && (PURPOSES as readonly string[]).includes(value);
}

/**
 * The purpose a request states (X-Purpose), or the role's implied one, or null when it states none. A value outside
 * the vocabulary, or one the caller's role may not state, refuses the whole request
 * (BAD_USER_INPUT, HTTP 400), in the gateway and in every subgraph.
 */
export function purposeFrom(header: string | string[] | undefined, role: Role | null): Purpose | null {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return (role && IMPLIED_PURPOSES[role]) ?? null;
  if (!isPurpose(value)) throw badHeader('X-Purpose', `X-Purpose must be one of ${PURPOSES.join(', ')}`);
  if (role && !PURPOSES_BY_ROLE[role].includes(value)) throw badHeader('X-Purpose', `X-Purpose: ${role} may state ${PURPOSES_BY_ROLE[role].join(', ')}`);
  return value;
}
