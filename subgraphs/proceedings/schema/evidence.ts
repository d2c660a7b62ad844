import 'reflect-metadata';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { chainCheckType } from '../../common/chain';
import { CustodyAction, EvidenceKind, HandlingCode, SourceReliability } from './vocabulary';

/**
 * Evidence and its chain of custody. Each item carries the EU handling code and the 4x4
 * evaluation of criminal-intelligence exchange; every custody event is hash-chained onto
 * the item's previous one (domain/custody.ts). Who reads it: access.ts (evidenceAccess).
 */

@ObjectType({ description: 'One link of an item’s chain of custody' })
export class CustodyEvent {
  @Field(() => Int)
  sequence!: number;

  @Field(() => CustodyAction)
  action!: CustodyAction;

  @Field()
  fromCustodian!: string;

  @Field()
  toCustodian!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field()
  at!: Date;

  @Field({ description: 'Subject of whoever recorded it' })
  by!: string;

  @Field()
  hash!: string;

  @Field()
  prevHash!: string;
}

export const CustodyCheck = chainCheckType('CustodyCheck');

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An item of evidence in a proceeding, with its handling code, evaluation and chain of custody' })
export class Evidence {
  @Field(() => ID)
  id!: string;

  @Field(() => EvidenceKind, { nullable: true })
  kind!: EvidenceKind | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the item’s content' })
  contentHash!: string | null;

  @Field(() => HandlingCode, { nullable: true })
  handlingCode!: HandlingCode | null;

  @Field(() => String, { nullable: true })
  handlingConditions!: string | null;

  @Field(() => SourceReliability, { nullable: true })
  sourceReliability!: SourceReliability | null;

  @Field(() => Int, { nullable: true, description: '4x4 evaluation: 1 known true … 4 cannot be judged' })
  informationAccuracy!: number | null;

  @Field(() => String, { nullable: true, description: 'Who holds it now' })
  custodian!: string | null;

  @Field(() => String, { nullable: true, description: "The provider's permission for use in court (H1), by reference" })
  courtUsePermission!: string | null;

  @Field(() => [CustodyEvent], { nullable: true, description: 'Oldest first' })
  custody!: CustodyEvent[] | null;

  @Field(() => CustodyCheck, { nullable: true, description: 'The chain of custody recomputed now, as verifyCustody does (judges and prosecutors of its jurisdiction)' })
  custodyCheck!: unknown;
}
