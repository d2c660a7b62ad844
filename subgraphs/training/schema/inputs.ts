import 'reflect-metadata';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Competency, PractitionerRole } from './vocabulary';

/** What registrars give to establish a body, and officers to define programs, register practitioners and write to their training record. */

@InputType()
export class RegisterPractitionerInput {
  @Field()
  name!: string;

  @Field(() => PractitionerRole)
  role!: PractitionerRole;

  @Field()
  organization!: string;

  @Field({ description: 'CONTACT data' })
  email!: string;

  @Field({ description: 'The `sub` of the practitioner’s own tokens: with their issuer, her jurisdiction and profession, she reads her own record' })
  subject!: string;

  @Field(() => String, { nullable: true, description: 'The `iss` of those tokens (default: the registering officer’s issuer)' })
  subjectIssuer?: string | null;
}

@InputType()
export class CompletionInput {
  @Field({ description: 'YYYY-MM-DD, not in the future' })
  completedOn!: string;

  @Field(() => Int, { description: '0–100' })
  score!: number;

  @Field()
  assessor!: string;
}

@InputType()
export class ExchangeVisitInput {
  @Field()
  hostCourt!: string;

  @Field({ description: 'ISO 3166-1 alpha-2, another than the judge’s' })
  hostJurisdiction!: string;

  @Field({ description: 'YYYY-MM-DD' })
  from!: string;

  @Field({ description: 'YYYY-MM-DD, not before from, not in the future' })
  to!: string;

  @Field(() => Float, { description: 'Hours of trials observed, up to 10 a day' })
  hours!: number;
}

@InputType({ description: 'A regional accreditation body: its first signing key is made by the hub' })
export class EstablishAccreditationBodyInput {
  @Field({ description: '2–4 capital letters or digits without I, L, O or U: the prefix of its certificate codes (e.g. WB)' })
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'e.g. Western Balkans' })
  region!: string;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes; the registrar’s own among them' })
  jurisdictions!: string[];
}

@InputType()
export class TrainingModuleInput {
  @Field({ description: 'Unique across every program, for good (e.g. WB-VA-101-M1)' })
  code!: string;

  @Field()
  title!: string;

  @Field(() => Float, { description: 'More than 0, at most 1000' })
  hours!: number;

  @Field(() => Competency)
  competency!: Competency;
}

@InputType({ description: 'A program of the body: a certificate needs a passing completion of each of its modules' })
export class DefineProgramInput {
  @Field({ description: 'Letters, digits and hyphens, at most 40 (e.g. WB-VA-101)' })
  code!: string;

  @Field()
  title!: string;

  @Field(() => Int, { description: 'A module is passed with at least this score (0–100)' })
  passingScore!: number;

  @Field(() => [TrainingModuleInput], { description: 'At least one, at most 30' })
  modules!: TrainingModuleInput[];

  @Field(() => [PractitionerRole], { description: 'The professions that must hold it' })
  requiredFor!: PractitionerRole[];
}

@InputType({ description: 'issueCertificate’s arguments and why a certificate is issued again after a revocation' })
export class ReissueCertificateInput {
  @Field(() => ID)
  practitionerId!: string;

  @Field()
  programCode!: string;

  @Field(() => Int)
  validMonths!: number;

  @Field()
  reason!: string;
}
