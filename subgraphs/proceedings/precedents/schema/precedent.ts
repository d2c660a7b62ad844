import 'reflect-metadata';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PUBLIC, typeAccess } from '../../../common/access';
import type { Entity } from '../../../common/storage';
import { PageInfo } from '../../../common/storage';
import { isRecordId } from '../../../common/validate';
import type { ProceedingContext } from '../../models';
import type { PrecedentRecord } from '../models';
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

@InputType({ description: 'SHERLOC keywords; as a filter, a precedent must carry every value given' })
export class PrecedentKeywordsInput {
  @Field(() => [TraffickingAct], { defaultValue: [] })
  acts!: TraffickingAct[];

  @Field(() => [TraffickingMeans], { defaultValue: [] })
  means!: TraffickingMeans[];

  @Field(() => [ExploitationPurpose], { defaultValue: [] })
  purposes!: ExploitationPurpose[];

  @Field(() => [CooperationKind], { defaultValue: [] })
  cooperation!: CooperationKind[];

  @Field(() => [TraffickingForm], { defaultValue: [] })
  form!: TraffickingForm[];

  @Field(() => [EconomicSector], { defaultValue: [] })
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

  @Field({ description: 'ISO 639-1 code of the language of the decision' })
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

/** Every field of a precedent is public; `proceeding` (resolvers.ts) answers null to whoever may not see that proceeding. */
export const precedentAccess = typeAccess<Entity<PrecedentRecord>>({
  typeName: 'Precedent',
  noun: 'this precedent',
  id: (p) => p.id,
  jurisdiction: (p) => p.jurisdiction,
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.precedent.load(id))?.jurisdiction ?? null) : null),
  visibleOn: [],
  public: true,
  open: ['id'],
  fields: Object.fromEntries(
    [
      'ecli',
      'court',
      'courtType',
      'jurisdiction',
      'decidedOn',
      'legalSystem',
      'language',
      'keywords',
      'legalIssues',
      'summary',
      'significantFeatures',
      'outcome',
      'victimProfile',
      'defendantProfile',
      'cites',
      'citedBy',
      'publishedAt',
      'updatedAt',
      'corrections',
      'withdrawn',
      'withdrawnReason',
      'proceeding',
    ].map((field) => [field, PUBLIC]),
  ),
  rules: {},
});

export enum PrecedentTextField {
  SUMMARY = 'SUMMARY',
  SIGNIFICANT_FEATURES = 'SIGNIFICANT_FEATURES',
  KEYWORDS = 'KEYWORDS',
}
registerEnumType(PrecedentTextField, { name: 'PrecedentTextField' });

@ObjectType({ description: 'Where a search word was found' })
export class TextMatch {
  @Field(() => Int, { description: 'Offset in the snippet (UTF-16 code units, as JavaScript strings count)' })
  start!: number;

  @Field(() => Int)
  length!: number;
}

@ObjectType({ description: 'A passage of a precedent with the words the search matched' })
export class PrecedentHighlight {
  @Field(() => PrecedentTextField)
  field!: PrecedentTextField;

  @Field({ description: 'Plain text; … where it is cut' })
  snippet!: string;

  @Field(() => [TextMatch])
  matches!: TextMatch[];
}

@ObjectType()
export class PrecedentEdge {
  @Field()
  cursor!: string;

  @Field(() => Precedent)
  node!: Precedent;

  @Field(() => Float, { nullable: true, description: 'Relevance to the search (higher is closer); null without search' })
  score!: number | null;

  @Field(() => [PrecedentHighlight], { description: 'Where the search words are; empty without search' })
  highlights!: PrecedentHighlight[];
}

@ObjectType()
export class PrecedentConnection {
  @Field(() => [PrecedentEdge])
  edges!: PrecedentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many precedents match, across all pages (exact)' })
  totalCount!: number;
}

export enum PrecedentChangeKind {
  PUBLISHED = 'PUBLISHED',
  CORRECTED = 'CORRECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(PrecedentChangeKind, { name: 'PrecedentChangeKind' });

@ObjectType({ description: 'A precedent as it is after its latest change' })
export class PrecedentChange {
  @Field({ description: 'Resume after this change with precedentChanges(since: cursor)' })
  cursor!: string;

  @Field(() => PrecedentChangeKind)
  kind!: PrecedentChangeKind;

  @Field()
  ecli!: string;

  @Field()
  withdrawn!: boolean;

  @Field()
  changedAt!: Date;

  @Field(() => Precedent)
  precedent!: Precedent;
}

@ObjectType({ description: 'A page of the change feed; keep `cursor` and ask again from it' })
export class PrecedentChanges {
  @Field(() => [PrecedentChange], { description: 'Oldest change first; each precedent once, at its latest change' })
  changes!: PrecedentChange[];

  @Field(() => String, { nullable: true, description: 'The `since` of the next call (null: the feed is empty)' })
  cursor!: string | null;

  @Field({ description: 'More changes are waiting: ask again from `cursor` now' })
  hasMore!: boolean;
}

@InputType()
export class PublishPrecedentInput {
  @Field({ description: 'ECLI:<country = the proceeding’s jurisdiction>:<court>:<year of decidedOn>:<ordinal>' })
  ecli!: string;

  @Field(() => String, { nullable: true, description: 'Default: the proceeding’s court' })
  court?: string | null;

  @Field(() => CourtType)
  courtType!: CourtType;

  @Field({ description: 'YYYY-MM-DD, not in the future' })
  decidedOn!: string;

  @Field(() => LegalSystem)
  legalSystem!: LegalSystem;

  @Field({ description: 'ISO 639-1 code of the language of the decision' })
  language!: string;

  @Field({ description: 'What the case was about and how it was decided, without names (aliases are refused)' })
  summary!: string;

  @Field()
  significantFeatures!: string;

  @Field(() => String, { nullable: true, description: 'Default: the proceeding’s outcome' })
  outcome?: string | null;

  @Field(() => [LegalIssue])
  legalIssues!: LegalIssue[];

  @Field(() => PrecedentKeywordsInput)
  keywords!: PrecedentKeywordsInput;

  @Field(() => [String], { defaultValue: [], description: 'ECLIs of earlier precedents this decision cites' })
  cites!: string[];

  @Field(() => [String], { defaultValue: [], description: 'Names that must not appear in any published text (victims, witnesses): compared however written (look-alike letters, invisible characters, accents, case); never stored' })
  namesToExclude!: string[];
}

@InputType({ description: 'What to correct: fields left out stay as they are' })
export class CorrectPrecedentInput {
  @Field({ description: 'Why it is corrected (published with the correction)' })
  reason!: string;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true })
  significantFeatures?: string | null;

  @Field(() => String, { nullable: true })
  outcome?: string | null;

  @Field(() => [LegalIssue], { nullable: true })
  legalIssues?: LegalIssue[] | null;

  @Field(() => PrecedentKeywordsInput, { nullable: true })
  keywords?: PrecedentKeywordsInput | null;

  @Field(() => [String], { nullable: true })
  cites?: string[] | null;

  @Field(() => [String], { defaultValue: [], description: 'Names that must not appear in the published text or the reason; never stored' })
  namesToExclude!: string[];
}
