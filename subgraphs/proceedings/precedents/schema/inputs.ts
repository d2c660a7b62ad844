import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
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

/** What a judge gives to publish or correct a precedent, and the keyword filter of a search (checked in domain/checks.ts). */

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

@InputType({ description: 'A legal provision: an instrument and an article of it (checked in domain/provisions.ts)' })
export class ProvisionInput {
  @Field({ description: 'ECHR, EU Charter, TEU, TFEU, UNTOC, UN Palermo Protocol, CoE CETS <number>, ILO C<number>, Directive <year>/<number>/EU, Regulation (EU) <year>/<number>, Framework Decision <year>/<number>/JHA, or a national code as <ISO country> <code> (DE StGB, IT c.p.)' })
  instrument!: string;

  @Field({ description: 'As courts cite it: 4, 232a, 110/a, 601 bis, 8(1)' })
  article!: string;
}

@InputType({ description: 'Precedents applying an instrument, or one article of it (an article also finds its paragraphs: 4 finds 4(1))' })
export class ProvisionFilter {
  @Field()
  instrument!: string;

  @Field(() => String, { nullable: true, description: 'Default: any article' })
  article?: string | null;
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

  @Field({ description: 'ISO 639-1 code of the language of the summary and significant features (they are searched in it)' })
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

  @Field(() => [ProvisionInput], { defaultValue: [], description: 'The provisions the decision applies (at most 20)' })
  provisions!: ProvisionInput[];

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

  @Field(() => [ProvisionInput], { nullable: true })
  provisions?: ProvisionInput[] | null;

  @Field(() => [String], { nullable: true })
  cites?: string[] | null;

  @Field(() => [String], { defaultValue: [], description: 'Names that must not appear in the published text or the reason; never stored' })
  namesToExclude!: string[];
}
