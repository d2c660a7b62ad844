import 'reflect-metadata';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Role } from '../../platform/auth';
import { ownJurisdiction, typeAccess } from '../common/access';
import type { Entity } from '../common/storage';
import { connectionOf } from '../common/storage';
import { isRecordId } from '../common/validate';
import { Gender } from '../common/vocabulary';
import type { ProceedingContext, ProceedingRecord } from './models';
import { Evidence } from './evidence';
import { linkedByTeam } from './teams/access';
import { ProtectiveOrder } from './orders';
import { entityStub, type EntityReference } from '../common/references';

export enum ProceedingKind {
  CRIMINAL = 'CRIMINAL',
  CIVIL = 'CIVIL',
  ASYLUM = 'ASYLUM',
  CUSTODY = 'CUSTODY',
  COMPENSATION = 'COMPENSATION',
}
registerEnumType(ProceedingKind, { name: 'ProceedingKind' });

/** In this order; a proceeding only moves forward. */
export enum ProceedingStage {
  INVESTIGATION = 'INVESTIGATION',
  PROSECUTION = 'PROSECUTION',
  TRIAL = 'TRIAL',
  APPEAL = 'APPEAL',
  CLOSED = 'CLOSED',
}
registerEnumType(ProceedingStage, { name: 'ProceedingStage', description: 'INVESTIGATION → PROSECUTION → TRIAL → APPEAL → CLOSED; forward only' });
export const STAGE_ORDER = Object.values(ProceedingStage);

export enum VictimAppearance {
  IN_PERSON = 'IN_PERSON',
  VIDEO_LINK = 'VIDEO_LINK',
  PRE_RECORDED = 'PRE_RECORDED',
  NOT_REQUIRED = 'NOT_REQUIRED',
}
registerEnumType(VictimAppearance, { name: 'VictimAppearance', description: 'How the victim takes part in a hearing (EU Victims’ Rights Directive, Art. 23)' });

@ObjectType({ description: 'A defendant, pseudonymized: an alias, never a real name' })
export class Defendant {
  @Field()
  alias!: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  nationality!: string;

  @Field(() => Gender)
  gender!: Gender;
}

/** An entity so that the shelters subgraph can add its transport; resolved only inside a proceeding (resolvable: false). */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Hearing {
  @Field(() => ID)
  id!: string;

  @Field()
  scheduledAt!: Date;

  @Field()
  court!: string;

  @Field(() => VictimAppearance)
  victimAppearance!: VictimAppearance;

  @Field({ description: 'The victim needs safe transport to court (shelters arrange it)' })
  safeTransportNeeded!: boolean;
}

/** A victim as this subgraph knows it: by id (the victims subgraph resolves the rest). */
export const VictimReference = entityStub('Victim');
export type VictimReference = EntityReference;

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A court case about trafficking; other jurisdictions see nothing of it' })
export class Proceeding {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: "The court's own case number" })
  caseNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2' })
  jurisdiction!: string | null;

  @Field(() => String, { nullable: true })
  court!: string | null;

  @Field(() => ProceedingKind, { nullable: true })
  kind!: ProceedingKind | null;

  @Field(() => ProceedingStage, { nullable: true })
  stage!: ProceedingStage | null;

  @Field(() => [String], { nullable: true })
  charges!: string[] | null;

  @Field(() => [Defendant], { nullable: true })
  defendants!: Defendant[] | null;

  @Field(() => [VictimReference], { nullable: true })
  victims!: VictimReference[] | null;

  @Field(() => [Hearing], { nullable: true, description: 'Oldest first' })
  hearings!: Hearing[] | null;

  @Field(() => [ProtectiveOrder], { nullable: true, description: 'Oldest first' })
  protectiveOrders!: ProtectiveOrder[] | null;

  @Field(() => [Evidence], { nullable: true, description: 'Items of evidence; each shows what the caller may see of it' })
  evidence!: Evidence[] | null;

  @Field(() => String, { nullable: true })
  outcome!: string | null;

  @Field(() => Date, { nullable: true })
  openedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;
}

const COURT_ROLES: Role[] = ['judge', 'prosecutor', 'law_enforcement'];

/** Members of an active joint investigation team linking the proceeding read it as its own jurisdiction's judges, prosecutors and police do. */
const byTeam = linkedByTeam<Entity<ProceedingRecord>>((p) => p.id);

/**
 * Who may read which Proceeding field: only in the proceeding's own jurisdiction (other
 * jurisdictions see nothing of it, unless a joint investigation team opens it to its
 * members); the kind, stage, jurisdiction and dates also to partner systems and legal
 * aid attorneys.
 */
export const proceedingAccess = typeAccess<Entity<ProceedingRecord>>({
  typeName: 'Proceeding',
  noun: 'this proceeding',
  id: (p) => p.id,
  jurisdiction: (p) => p.jurisdiction,
  visibleOn: [byTeam],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.proceeding.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: {
    kind: 'PROCEEDING_SUMMARY',
    stage: 'PROCEEDING_SUMMARY',
    jurisdiction: 'PROCEEDING_SUMMARY',
    // When it opened and closed: also for legal aid, whose continuity depends on it.
    openedAt: 'PROCEEDING_SUMMARY',
    closedAt: 'PROCEEDING_SUMMARY',
    caseNumber: 'PROCEEDING',
    court: 'PROCEEDING',
    outcome: 'PROCEEDING',
    charges: 'PROCEEDING_DETAILS',
    defendants: 'PROCEEDING_DETAILS',
    victims: 'PROCEEDING_DETAILS',
    hearings: 'PROCEEDING_DETAILS',
    protectiveOrders: 'PROCEEDING_DETAILS',
    evidence: 'PROCEEDING_DETAILS',
    precedents: 'PROCEEDING',
  },
  rules: {
    PROCEEDING_SUMMARY: { roles: [...COURT_ROLES, 'partner_system', 'legal_aid_attorney'], bases: [ownJurisdiction((p) => p.jurisdiction), byTeam] },
    PROCEEDING: { roles: COURT_ROLES, bases: [ownJurisdiction((p) => p.jurisdiction), byTeam] },
    PROCEEDING_DETAILS: { roles: COURT_ROLES, bases: [ownJurisdiction((p) => p.jurisdiction), byTeam] },
  },
});

@ObjectType()
export class ProceedingConnection extends connectionOf('Proceeding', () => Proceeding, 'How many proceedings the whole list holds (exact)') {}

@InputType()
export class DefendantInput {
  @Field({ description: 'A pseudonym; never a real name' })
  alias!: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  nationality!: string;

  @Field(() => Gender)
  gender!: Gender;
}

@InputType()
export class OpenProceedingInput {
  @Field({ description: "The court's own case number, unique in the jurisdiction" })
  caseNumber!: string;

  @Field()
  court!: string;

  @Field(() => ProceedingKind)
  kind!: ProceedingKind;

  @Field(() => [String])
  charges!: string[];

  @Field(() => [DefendantInput], { defaultValue: [] })
  defendants!: DefendantInput[];

  @Field(() => [ID], { description: "Victims of the caller's jurisdiction, by id (1 to 50)" })
  victimIds!: string[];
}

@InputType()
export class ScheduleHearingInput {
  @Field({ description: 'RFC 3339 date-time, e.g. 2030-01-31T09:00:00Z; in the future' })
  scheduledAt!: string;

  @Field()
  court!: string;

  @Field(() => VictimAppearance)
  victimAppearance!: VictimAppearance;

  @Field({ defaultValue: false })
  safeTransportNeeded!: boolean;
}
