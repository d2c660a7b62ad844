import 'reflect-metadata';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { connectionOf } from '../../common/storage';
import { CertificateStatus, Competency, PractitionerRole, VerificationStatus } from './vocabulary';

@ObjectType({ description: 'A public key a body signs with (the private half never leaves its key directory)' })
export class SigningKey {
  @Field({ description: 'The JWS header `kid` (RFC 7638 thumbprint of the key)' })
  kid!: string;

  @Field()
  alg!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field({ description: 'New credentials and revocation lists are signed with this one' })
  current!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the next key took over: this one verifies only credentials it signed before (the JWK `exp`), and no revocation list' })
  retiredAt!: Date | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A regional accreditation body: certifies practitioners and publishes the keys that verify its credentials (public)' })
export class AccreditationBody {
  @Field(() => ID, { description: 'Also the prefix of its certificate codes, e.g. WB' })
  id!: string;

  @Field()
  name!: string;

  @Field()
  region!: string;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes of its region' })
  jurisdictions!: string[];

  @Field({ description: 'Its public keys as a JWKS, served through the gateway without a token' })
  jwksUrl!: string;

  @Field({ description: 'Its suspended and revoked codes, as a JWS signed with its current key (good for 7 days)' })
  revocationListUrl!: string;

  @Field(() => [SigningKey], { description: 'Oldest first' })
  signingKeys!: SigningKey[];
}

@ObjectType()
export class TrainingModule {
  @Field()
  code!: string;

  @Field()
  title!: string;

  @Field(() => Float)
  hours!: number;

  @Field(() => Competency)
  competency!: Competency;
}

@ObjectType({ description: 'A program of an accreditation body: a certificate needs a passing completion of every module' })
export class TrainingProgram {
  @Field()
  code!: string;

  @Field()
  title!: string;

  @Field(() => AccreditationBody)
  body!: AccreditationBody;

  @Field(() => Int, { description: 'A module is passed with at least this score (0–100)' })
  passingScore!: number;

  @Field(() => [TrainingModule])
  modules!: TrainingModule[];

  @Field(() => [PractitionerRole], { description: 'The professions that must hold it' })
  requiredFor!: PractitionerRole[];

  @Field(() => Float)
  totalHours!: number;

  @Field(() => Date, { nullable: true, description: 'When it was retired: it takes no new completions or certificates; those it gave stay valid' })
  retiredAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was retired' })
  retirementReason!: string | null;
}

@ObjectType({ description: 'A module completed (or failed) by a practitioner' })
export class Completion {
  @Field(() => ID)
  id!: string;

  @Field()
  programCode!: string;

  @Field()
  moduleCode!: string;

  @Field(() => Competency)
  competency!: Competency;

  @Field(() => Float)
  hours!: number;

  @Field({ description: 'YYYY-MM-DD' })
  completedOn!: string;

  @Field(() => Int)
  score!: number;

  @Field({ description: "At least the program's passing score" })
  passed!: boolean;

  @Field()
  assessor!: string;

  @Field(() => Date)
  recordedAt!: Date;
}

@ObjectType({ description: 'A judge observing trials in a sister jurisdiction (counts towards CPD hours)' })
export class ExchangeVisit {
  @Field(() => ID)
  id!: string;

  @Field()
  hostCourt!: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  hostJurisdiction!: string;

  @Field({ description: 'YYYY-MM-DD' })
  from!: string;

  @Field({ description: 'YYYY-MM-DD' })
  to!: string;

  @Field(() => Float)
  hours!: number;

  @Field(() => Date)
  recordedAt!: Date;
}

@ObjectType({ description: 'What a certificate attests' })
export class CertificateScope {
  @Field()
  programCode!: string;

  @Field()
  programTitle!: string;

  @Field(() => PractitionerRole, { description: 'The holder’s profession when it was issued' })
  role!: PractitionerRole;

  @Field(() => [Competency])
  competencies!: Competency[];
}

@ObjectType()
export class StatusChange {
  @Field(() => Date)
  on!: Date;

  @Field()
  reason!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A judge, prosecutor, police officer, social worker, attorney, interpreter or shelter worker whose training is recorded' })
export class Practitioner {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => PractitionerRole)
  role!: PractitionerRole;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  jurisdiction!: string;

  @Field()
  organization!: string;

  @Field(() => String, { nullable: true, description: 'CONTACT: accreditation officers of the practitioner’s region, and the practitioner' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'ACCOUNT: the `sub` of her own tokens (as email)' })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: 'ACCOUNT: the `iss` of her own tokens (as email)' })
  subjectIssuer!: string | null;
}

@ObjectType({ description: 'A certificate of a body: its code is verifiable by anyone, its credential offline too' })
export class Certificate {
  @Field({ description: 'e.g. WB-2026-7KQ4-M9XD: body, year, seven random characters and a check character' })
  code!: string;

  @Field(() => CertificateStatus)
  status!: CertificateStatus;

  @Field({ description: 'YYYY-MM-DD' })
  issuedOn!: string;

  @Field({ description: 'YYYY-MM-DD: expired from this day on' })
  expiresOn!: string;

  @Field(() => CertificateScope)
  scope!: CertificateScope;

  @Field(() => AccreditationBody)
  body!: AccreditationBody;

  @Field(() => Practitioner, { nullable: true })
  holder!: Practitioner | null;

  @Field(() => StatusChange, { nullable: true })
  revocation!: StatusChange | null;

  @Field(() => StatusChange, { nullable: true, description: 'While SUSPENDED' })
  suspension!: StatusChange | null;

  @Field(() => String, { nullable: true, description: 'A re-issue after a revocation: the code of the revoked certificate it follows' })
  reissueOf!: string | null;

  @Field(() => String, { nullable: true, description: 'A re-issue: why it was issued again (CASE, as the revocation)' })
  reissueReason!: string | null;

  @Field({ description: 'A compact JWS (ES256) signed by the body’s key, `kid` in its header: holder, role, scope, body, dates and code, no contact data. It still verifies after a revocation: check online, or against the revocation list' })
  credential!: string;
}

@ObjectType({ description: 'A public answer about a certificate code: nothing but what the certificate attests' })
export class CertificateVerification {
  @Field()
  code!: string;

  @Field(() => VerificationStatus)
  status!: VerificationStatus;

  @Field(() => String, { nullable: true })
  holderName!: string | null;

  @Field(() => PractitionerRole, { nullable: true })
  role!: PractitionerRole | null;

  @Field(() => AccreditationBody, { nullable: true })
  body!: AccreditationBody | null;

  @Field(() => CertificateScope, { nullable: true })
  scope!: CertificateScope | null;

  @Field(() => String, { nullable: true })
  issuedOn!: string | null;

  @Field(() => String, { nullable: true })
  expiresOn!: string | null;

  @Field(() => Date, { description: 'The answer holds as of this time' })
  checkedAt!: Date;
}

@ObjectType()
export class PractitionerConnection extends connectionOf('Practitioner', () => Practitioner) {}

/** An attorney of the legal aid subgraph, by id: this subgraph adds their accreditation, found from `practitionerId`. */
@Directive('@key(fields: "id")')
@ObjectType('Attorney')
export class AttorneyReference {
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => ID)
  practitionerId!: string;
}
