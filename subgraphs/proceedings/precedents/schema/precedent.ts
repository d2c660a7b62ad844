import 'reflect-metadata';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  CooperationKind,
  CourtType,
  EconomicSector,
  ExploitationPurpose,
  LegalIssue,
  LegalSystem,
  TraffickingAct,
  TraffickingForm,
  TraffickingMeans,
} from './vocabulary';

/** A published precedent as the public reads it: the decision, its keywords and the parties' profiles without names. */

@ObjectType({ description: 'Keywords in the six groups of UNODC SHERLOC' })
export class PrecedentKeywords {
  @Field(() => [TraffickingAct])
  acts!: TraffickingAct[];

  @Field(() => [TraffickingMeans])
  means!: TraffickingMeans[];

  @Field(() => [ExploitationPurpose], { description: 'Purpose of exploitation' })
  purposes!: ExploitationPurpose[];

  @Field(() => [CooperationKind], { description: 'International cooperation involved' })
  cooperation!: CooperationKind[];

  @Field(() => [TraffickingForm], { description: 'Form of trafficking' })
  form!: TraffickingForm[];

  @Field(() => [EconomicSector])
  sectors!: EconomicSector[];
}

@ObjectType()
export class ProfileCount {
  @Field({ description: 'An age group (CTDC bins), gender or nationality (ISO 3166-1 alpha-2); UNKNOWN when not recorded' })
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'The parties of a case without names: how many, by age group, gender and nationality; withheld when too few to stay anonymous' })
export class PartyProfile {
  @Field({ description: 'True: resting on too few people (victims: fewer than 5), nothing of it is published; the figures are then null, not zero' })
  withheld!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it is withheld (null: published)' })
  withheldReason!: string | null;

  @Field(() => Int, { nullable: true, description: 'Null when withheld' })
  count!: number | null;

  @Field(() => [ProfileCount], { nullable: true, description: 'CTDC age bins; empty when not recorded, null when withheld' })
  ageGroups!: ProfileCount[] | null;

  @Field(() => [ProfileCount], { nullable: true, description: 'Null when withheld' })
  genders!: ProfileCount[] | null;

  @Field(() => [ProfileCount], { nullable: true, description: 'Null when withheld' })
  nationalities!: ProfileCount[] | null;
}

@ObjectType({ description: 'A legal provision a decision applies' })
export class Provision {
  @Field({ description: 'ECHR, CoE CETS 197, Directive 2011/36/EU, or a national code as <ISO country> <code>, e.g. DE StGB' })
  instrument!: string;

  @Field({ description: 'As courts cite it, without Art. or §: 4, 232a, 110/a, 601 bis, 8(1)' })
  article!: string;
}

@ObjectType({ description: 'A correction of a published precedent' })
export class PrecedentCorrection {
  @Field()
  correctedAt!: Date;

  @Field()
  reason!: string;

  @Field(() => [String], { description: 'The fields it changed' })
  fields!: string[];
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A court decision published as case law (after UNODC SHERLOC); public: readable without a token' })
export class Precedent {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'European Case Law Identifier, e.g. ECLI:DE:BGH:2023:123456' })
  ecli!: string;

  @Field()
  court!: string;

  @Field(() => CourtType)
  courtType!: CourtType;

  @Field({ description: 'ISO 3166-1 alpha-2; CE for the European Court of Human Rights, EU for the Union courts' })
  jurisdiction!: string;

  @Field({ description: 'YYYY-MM-DD' })
  decidedOn!: string;

  @Field(() => LegalSystem)
  legalSystem!: LegalSystem;

  @Field({ description: 'ISO 639-1 code of the language of the decision: its summary, significant features and keywords are searched in it' })
  language!: string;

  @Field(() => PrecedentKeywords)
  keywords!: PrecedentKeywords;

  @Field(() => [LegalIssue])
  legalIssues!: LegalIssue[];

  @Field()
  summary!: string;

  @Field({ description: 'Why the decision matters as a precedent (SHERLOC commentary)' })
  significantFeatures!: string;

  @Field()
  outcome!: string;

  @Field(() => [Provision], { description: 'The provisions it applies; `precedents(provision:)` filters by them' })
  provisions!: Provision[];

  @Field(() => PartyProfile, { description: 'Withheld (and said so) when fewer than 5 victims' })
  victimProfile!: PartyProfile;

  @Field(() => PartyProfile)
  defendantProfile!: PartyProfile;

  @Field(() => [Precedent], { description: 'The precedents this decision cites (withdrawn ones too, marked so)' })
  cites!: Precedent[];

  @Field(() => [Precedent], { description: 'The precedents that cite this one, oldest decision first (withdrawn ones left out)' })
  citedBy!: Precedent[];

  @Field()
  publishedAt!: Date;

  @Field({ description: 'The latest publication, correction or withdrawal' })
  updatedAt!: Date;

  @Field(() => [PrecedentCorrection], { description: 'Oldest first' })
  corrections!: PrecedentCorrection[];

  @Field({ description: 'Withdrawn by its court: no longer found by search, still found by its ECLI and in the change feed' })
  withdrawn!: boolean;

  @Field(() => String, { nullable: true })
  withdrawnReason!: string | null;
}
