import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { LegalAssistanceRequest } from '../assistance/schema/request';
import { DefenceAppointment, Disclosure } from '../defence/schema/defence';
import { Witness } from '../defence/schema/witness';
import { Translation } from '../translations/schema/translation';
import { JointInvestigationTeam } from '../teams/schema/team';
import { Evidence } from './evidence';
import { Hearing } from './hearing';
import { ProtectiveOrder } from './order';
import { Proceeding, VictimReference } from './proceeding';

@ObjectType({ description: 'Who asked for a case file, as the token says' })
export class CaseFileReader {
  @Field({ description: "The token's subject" })
  subject!: string;

  @Field()
  role!: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  jurisdiction!: string;

  @Field()
  organisation!: string;
}

/**
 * One case as the caller may see it, across subgraphs. Every part is an existing type, and
 * every list is the proceeding's own field, decided and logged as that field
 * (permissions.ts: readAs), so a part the caller may not see is FORBIDDEN at its path,
 * never an empty list.
 */
@ObjectType({ description: 'The whole case as the caller may see it (the court’s, or an appointed counsel’s): each part decided as the proceeding’s own field (FORBIDDEN at its path when not, never empty)' })
export class CaseFile {
  @Field(() => Proceeding, {
    description: 'The proceeding: summary, case number, court, charges, defendants, its stage and dates (the stages it went through are not recorded: the current one, opened and closed)',
  })
  proceeding!: Proceeding;

  @Field(() => [Hearing], { nullable: true, description: 'As Proceeding.hearings, the earliest first' })
  hearings!: Hearing[] | null;

  @Field(() => [ProtectiveOrder], { nullable: true, description: 'As Proceeding.protectiveOrders: each with its decisionDue and overdue' })
  protectiveOrders!: ProtectiveOrder[] | null;

  @Field(() => [Evidence], { nullable: true, description: 'As Proceeding.evidence: handling codes, who holds each item, its custody events and custodyCheck' })
  evidence!: Evidence[] | null;

  @Field(() => [LegalAssistanceRequest], { nullable: true, description: 'As Proceeding.legalAssistanceRequests, with their deadlines' })
  legalAssistanceRequests!: LegalAssistanceRequest[] | null;

  @Field(() => [JointInvestigationTeam], { nullable: true, description: 'As Proceeding.jointInvestigationTeams' })
  jointInvestigationTeams!: JointInvestigationTeam[] | null;

  @Field(() => [VictimReference], { nullable: true, description: 'As Proceeding.victims: the gateway resolves each from the victims, legal aid and shelters subgraphs, which decide what the caller sees of her' })
  victims!: VictimReference[] | null;

  @Field(() => [Witness], { nullable: true, description: 'As Proceeding.witnesses: the victims as the defence knows them (to counsel instead of the victims)' })
  witnesses!: Witness[] | null;

  @Field(() => [DefenceAppointment], { nullable: true, description: 'As Proceeding.defenceAppointments (a counsel: her own)' })
  defenceAppointments!: DefenceAppointment[] | null;

  @Field(() => [Disclosure], { nullable: true, description: 'As Proceeding.disclosures (a counsel: those to her defendant)' })
  disclosures!: Disclosure[] | null;

  @Field(() => Date, { nullable: true, description: 'As Proceeding.disclosureDueBy' })
  disclosureDueBy!: Date | null;

  @Field(() => [Translation], { nullable: true, description: 'As Proceeding.translations, those in `language` (all when none is asked for)' })
  translations!: Translation[] | null;

  @Field(() => String, { nullable: true, description: 'The language asked for (ISO 639-1), for the translations of the case' })
  language!: string | null;

  @Field({ description: "When the hub made it (the hub's clock)" })
  generatedAt!: Date;

  @Field(() => CaseFileReader)
  requestedBy!: CaseFileReader;
}
