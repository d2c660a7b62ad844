import { registerEnumType } from 'type-graphql';
import type { Role } from '../../../platform/auth';

/** The professions whose training the hub records (not the token roles: interpreters have none). */
export enum PractitionerRole {
  JUDGE = 'JUDGE',
  PROSECUTOR = 'PROSECUTOR',
  POLICE = 'POLICE',
  SOCIAL_WORKER = 'SOCIAL_WORKER',
  ATTORNEY = 'ATTORNEY',
  INTERPRETER = 'INTERPRETER',
  SHELTER_STAFF = 'SHELTER_STAFF',
}
registerEnumType(PractitionerRole, { name: 'PractitionerRole' });

/**
 * The token role a practitioner of each profession signs in with: her own record is hers
 * only under that role (interpreters are not callers of the hub).
 */
export const TOKEN_ROLE: Record<PractitionerRole, Role | null> = {
  JUDGE: 'judge',
  PROSECUTOR: 'prosecutor',
  POLICE: 'law_enforcement',
  SOCIAL_WORKER: 'social_worker',
  ATTORNEY: 'legal_aid_attorney',
  INTERPRETER: null,
  SHELTER_STAFF: 'shelter_staff',
};

/** What a training module builds (after the OSCE/ODIHR and UNODC training curricula on trafficking). */
export enum Competency {
  VULNERABILITY_ASSESSMENT = 'VULNERABILITY_ASSESSMENT',
  TRAUMA_INFORMED_INTERVIEWING = 'TRAUMA_INFORMED_INTERVIEWING',
  CULTURAL_COMPETENCE = 'CULTURAL_COMPETENCE',
  CHILD_SENSITIVE_PROCEDURES = 'CHILD_SENSITIVE_PROCEDURES',
  VICTIM_RIGHTS = 'VICTIM_RIGHTS',
  DIGITAL_FORENSICS = 'DIGITAL_FORENSICS',
  FINANCIAL_INVESTIGATION = 'FINANCIAL_INVESTIGATION',
  CROSS_BORDER_COOPERATION = 'CROSS_BORDER_COOPERATION',
  /**
   * Translating court documents and interpreting in proceedings (Directive 2010/64/EU,
   * Art. 5: a register of independent, qualified translators and interpreters). A
   * certificate of a program whose modules build it, held by an INTERPRETER, is a legal
   * translation certificate: the proceedings subgraph assigns translations only to holders
   * of a VALID one, learnt from the public `verifyCertificate` (its `role` and `scope`).
   */
  LEGAL_TRANSLATION = 'LEGAL_TRANSLATION',
}
registerEnumType(Competency, { name: 'Competency' });

/**
 * A certificate as it stands now. VALID, SUSPENDED and REVOKED are stored; EXPIRED is
 * read from `expiresOn` on the request clock. REVOKED outranks EXPIRED, which outranks
 * SUSPENDED: a revocation is the strongest statement, and an expired certificate cannot
 * be reinstated.
 */
export enum CertificateStatus {
  VALID = 'VALID',
  EXPIRED = 'EXPIRED',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
}
registerEnumType(CertificateStatus, { name: 'CertificateStatus', description: 'VALID ⇄ SUSPENDED → REVOKED; EXPIRED from expiresOn on' });

/** The answer of a public verification: a certificate's status, or NOT_FOUND. */
export enum VerificationStatus {
  VALID = 'VALID',
  EXPIRED = 'EXPIRED',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
  NOT_FOUND = 'NOT_FOUND',
}
registerEnumType(VerificationStatus, { name: 'VerificationStatus' });
