import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { connectionOf } from '../../common/storage';
import { Gender } from '../../common/vocabulary';
import { entityStub, type EntityReference } from '../../common/references';
import { Evidence } from './evidence';
import { Hearing } from './hearing';
import { ProtectiveOrder } from './order';
import { ProceedingKind, ProceedingStage } from './vocabulary';

@ObjectType({ description: 'A defendant, pseudonymized: an alias, never a real name' })
export class Defendant {
  @Field()
  alias!: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  nationality!: string;

  @Field(() => Gender)
  gender!: Gender;
}

/** A victim as this subgraph knows it: by id (the victims subgraph resolves the rest). */
export const VictimReference = entityStub('Victim');
export type VictimReference = EntityReference;

/** Who reads which field is declared in access.ts (proceedingAccess). */
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

  @Field(() => [String], { nullable: true, description: 'The aliases of the defendants the final judgment convicted (recorded on closing)' })
  convictedDefendants!: string[] | null;

  @Field(() => Date, { nullable: true })
  openedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;
}

@ObjectType()
export class ProceedingConnection extends connectionOf('Proceeding', () => Proceeding, 'How many proceedings the whole list holds (exact)') {}
