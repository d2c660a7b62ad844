import 'reflect-metadata';
import { Directive, Field, ObjectType } from 'type-graphql';
import { AccreditationBody } from './body';
import { Practitioner } from './practitioner';
import { CertificateStatus, Competency, PractitionerRole, VerificationStatus } from './vocabulary';

/** Certificates: what they attest, their status changes, and the public verification of a code. */

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

  @Field({
    description:
      'A W3C Verifiable Credential 2.0, an Open Badges 3.0 OpenBadgeCredential, secured as a compact JWS (vc+jwt, ES256, `kid` in its header) by the body’s key: holder, role, program, competencies, body, dates and code, no contact data. It still verifies after a revocation: its credentialStatus names the body’s Bitstring Status Lists, or check online',
  })
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
