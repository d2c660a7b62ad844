import { Schema, type Connection } from 'mongoose';
import { Audited } from '../common/audited';
import { Arg, Ctx, Directive, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { badInput, conflict, notFound } from '../../platform/errors';
import { basis, establishedBy, forRoles, ownJurisdiction, typeAccess, visibleOnly } from '../common/access';
import { HashChains } from '../common/chain';
import type { Entity } from '../common/storage';
import { ListedCollection, listedField } from '../common/storage';
import { checkAll, isRecordId, newId, recordId, text } from '../common/validate';
import type { ProceedingContext } from './models';
import { linkedByTeam } from './teams/access';
import { chainCheckAnswer, chainCheckType, type ChainCheckAnswer } from '../common/chain';

/**
 * Evidence and its chain of custody. Each item carries the EU handling code and the 4x4
 * evaluation of criminal-intelligence exchange; every custody event is hash-chained onto
 * the item's previous one with the platform's chain code (common/chain.ts), so an edited,
 * removed or reordered event is found. H1 items (not to be disclosed in judicial
 * proceedings without the provider's permission) are not PRESENTED in court before
 * `permitCourtUse` recorded that permission.
 */

export enum EvidenceKind {
  DIGITAL = 'DIGITAL',
  FINANCIAL = 'FINANCIAL',
  DOCUMENT = 'DOCUMENT',
  TESTIMONY = 'TESTIMONY',
  PHYSICAL = 'PHYSICAL',
}
registerEnumType(EvidenceKind, { name: 'EvidenceKind' });

export enum HandlingCode {
  H0 = 'H0',
  H1 = 'H1',
  H2 = 'H2',
  H3 = 'H3',
}
registerEnumType(HandlingCode, {
  name: 'HandlingCode',
  description: "EU handling codes: H0 crime prevention only; H1 not in judicial proceedings without the provider's permission; H2 not disseminated without it; H3 other restrictions",
});

export enum SourceReliability {
  A = 'A',
  B = 'B',
  C = 'C',
  X = 'X',
}
registerEnumType(SourceReliability, { name: 'SourceReliability', description: '4x4 evaluation: A reliable, B mostly reliable, C not reliable, X cannot be judged' });

export enum CustodyAction {
  COLLECTED = 'COLLECTED',
  TRANSFERRED = 'TRANSFERRED',
  ANALYZED = 'ANALYZED',
  SEALED = 'SEALED',
  PRESENTED = 'PRESENTED',
  RETURNED = 'RETURNED',
}
registerEnumType(CustodyAction, { name: 'CustodyAction' });

export interface EvidenceRecord {
  _id: string;
  proceedingId: string;
  jurisdiction: string;
  kind: string;
  description: string;
  contentHash: string;
  handlingCode: string;
  handlingConditions: string | null;
  sourceReliability: string;
  informationAccuracy: number;
  /** Subject of whoever holds the item now (the last custody event's recipient). */
  custodian: string;
  courtUse: { reference: string; at: Date; by: string } | null;
  registeredAt: Date;
  registeredBy: string;
  _listed?: string[];
}

interface CustodyContent {
  action: string;
  fromCustodian: string;
  toCustodian: string;
  note: string | null;
  at: Date;
  by: string;
}

const evidenceSchema = new Schema<EvidenceRecord>(
  {
    _id: String,
    proceedingId: { type: String, required: true },
    jurisdiction: { type: String, required: true },
    kind: { type: String, required: true },
    description: { type: String, required: true },
    contentHash: { type: String, required: true },
    handlingCode: { type: String, required: true },
    handlingConditions: { type: String, default: null },
    sourceReliability: { type: String, required: true },
    informationAccuracy: { type: Number, required: true },
    custodian: { type: String, required: true },
    courtUse: { type: new Schema({ reference: String, at: Date, by: String }, { _id: false }), default: null },
    registeredAt: { type: Date, required: true },
    registeredBy: { type: String, required: true },
    _listed: listedField,
  },
  { collection: 'evidence', versionKey: false },
);

const custodySchema = new Schema(
  { _id: String, action: String, fromCustodian: String, toCustodian: String, note: String, at: Date, by: String, sequence: Number, prevHash: String, hash: String },
  { collection: 'custodyEvents', versionKey: false },
);

export function evidenceModels(connection: Connection, chainKey: string) {
  const Evidence = connection.model<EvidenceRecord>('Evidence', evidenceSchema);
  const CustodyEvent = connection.model('CustodyEvent', custodySchema);
  return {
    Evidence,
    evidence: new ListedCollection(Evidence, { proceeding: (e) => [e.proceedingId] }),
    custody: new HashChains<CustodyContent>(CustodyEvent as never, chainKey, (e) => [e.action, e.fromCustodian, e.toCustodian, e.note, e.at.toISOString(), e.by]),
  };
}

export const custodyChain = (evidenceId: string) => `custody/${evidenceId}`;

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
}

/** Judges and prosecutors of the jurisdiction; police for items they hold, testimony excepted. */
const custodianOf = basis<Entity<EvidenceRecord>>('police holding the item (not testimony)', 'CUSTODY', (ctx, e) => e.kind !== EvidenceKind.TESTIMONY && e.custodian === ctx.caller!.sub, {
  establishedBy: ['CUSTODY', 'NOT_TESTIMONY'],
});

/**
 * A joint investigation team opens an item to the members of other parties, except one
 * its provider restricted (H2: not disseminated without permission; H3: other
 * restrictions), which stays with its provider.
 */
const byTeam = establishedBy(
  ['TEAM', 'SHAREABLE'],
  linkedByTeam<Entity<EvidenceRecord>>(
    (e) => e.proceedingId,
    (e) => e.handlingCode === HandlingCode.H2 || e.handlingCode === HandlingCode.H3,
  ),
);

export const evidenceAccess = typeAccess<Entity<EvidenceRecord>>({
  typeName: 'Evidence',
  noun: 'this item of evidence',
  id: (e) => e.id,
  jurisdiction: (e) => e.jurisdiction,
  visibleOn: [byTeam],
  jurisdictionOf: async (id, ctx) => (isRecordId(id) ? ((await (ctx as ProceedingContext).loaders.evidence.load(id))?.jurisdiction ?? null) : null),
  open: ['id'],
  fields: Object.fromEntries(
    ['kind', 'description', 'contentHash', 'handlingCode', 'handlingConditions', 'sourceReliability', 'informationAccuracy', 'custodian', 'courtUsePermission', 'custody'].map((f) => [f, 'EVIDENCE']),
  ),
  rules: {
    EVIDENCE: {
      roles: ['judge', 'prosecutor', 'law_enforcement'],
      bases: [forRoles(['judge', 'prosecutor'], ownJurisdiction((e) => e.jurisdiction)), forRoles(['judge', 'prosecutor'], byTeam), forRoles(['law_enforcement'], custodianOf)],
    },
  },
});

@InputType()
export class RegisterEvidenceInput {
  @Field(() => EvidenceKind)
  kind!: EvidenceKind;

  @Field()
  description!: string;

  @Field({ description: 'SHA-256 of the content, 64 hexadecimal characters' })
  contentHash!: string;

  @Field(() => HandlingCode)
  handlingCode!: HandlingCode;

  @Field(() => String, { nullable: true })
  handlingConditions?: string;

  @Field(() => SourceReliability)
  sourceReliability!: SourceReliability;

  @Field(() => Int, { description: '1 to 4' })
  informationAccuracy!: number;
}

@InputType()
export class CustodyEventInput {
  @Field(() => CustodyAction)
  action!: CustodyAction;

  @Field()
  fromCustodian!: string;

  @Field()
  toCustodian!: string;

  @Field(() => String, { nullable: true })
  note?: string;
}

type EvidenceDoc = Entity<EvidenceRecord>;

@Resolver(() => Evidence)
export class EvidenceResolver {
  @Audited('EVIDENCE_REGISTERED')
  @Mutation(() => Evidence, { description: "Registers an item of evidence in a proceeding (prosecutor or police of its jurisdiction); the registrar holds it" })
  async registerEvidence(@Arg('proceedingId', () => ID) proceedingId: string, @Arg('input', () => RegisterEvidenceInput) input: RegisterEvidenceInput, @Ctx() ctx: ProceedingContext) {
    const proceeding = (await ctx.loaders.proceeding.load(recordId(proceedingId, 'proceedingId')))!; // the rule found it
    const checked = await checkAll({
      description: () => text(input.description, 'input.description', { max: 2000 }),
      contentHash: () => {
        const hash = typeof input.contentHash === 'string' ? input.contentHash.toLowerCase() : '';
        if (!/^[0-9a-f]{64}$/.test(hash)) throw badInput('input.contentHash', 'must be a SHA-256 in hexadecimal (64 characters)');
        return hash;
      },
      handlingConditions: () => (input.handlingConditions != null ? text(input.handlingConditions, 'input.handlingConditions', { max: 500 }) : null),
      informationAccuracy: () => {
        if (!Number.isInteger(input.informationAccuracy) || input.informationAccuracy < 1 || input.informationAccuracy > 4) throw badInput('input.informationAccuracy', 'must be 1, 2, 3 or 4');
        return input.informationAccuracy;
      },
    });
    const _id = newId();
    return ctx.audit.change('EVIDENCE_REGISTERED', 'Evidence', _id, ['kind', 'description', 'contentHash', 'handlingCode'], () =>
      ctx.models.evidence.create({
        _id,
        proceedingId: proceeding.id,
        jurisdiction: proceeding.jurisdiction,
        kind: input.kind,
        handlingCode: input.handlingCode,
        sourceReliability: input.sourceReliability,
        ...checked,
        custodian: ctx.caller!.sub,
        courtUse: null,
        registeredAt: ctx.now,
        registeredBy: ctx.caller!.sub,
      }),
    );
  }

  @Audited('CUSTODY_RECORDED')
  @Mutation(() => CustodyEvent, { description: 'Records a custody event, chained onto the item’s previous one (judge, prosecutor or police of its jurisdiction)' })
  async recordCustodyEvent(@Arg('evidenceId', () => ID) evidenceId: string, @Arg('input', () => CustodyEventInput) input: CustodyEventInput, @Ctx() ctx: ProceedingContext) {
    const id = recordId(evidenceId, 'evidenceId');
    const item = (await ctx.loaders.evidence.load(id))!;
    const checked = await checkAll({
      action: () => {
        if (input.action === CustodyAction.PRESENTED && item.handlingCode === HandlingCode.H1 && !item.courtUse) {
          throw badInput('input.action', 'H1 evidence is not presented in court without the provider’s permission: record it first with permitCourtUse');
        }
        return input.action;
      },
      fromCustodian: () => text(input.fromCustodian, 'input.fromCustodian', { max: 200 }),
      toCustodian: () => text(input.toCustodian, 'input.toCustodian', { max: 200 }),
      note: () => (input.note != null ? text(input.note, 'input.note', { max: 1000 }) : null),
    });
    const entry = { ...checked, at: ctx.now, by: ctx.caller!.sub };
    return ctx.audit.change('CUSTODY_RECORDED', 'Evidence', id, ['custody'], async () => {
      let event: Awaited<ReturnType<typeof ctx.models.custody.append>>[number] | undefined;
      // Custody passes only from whoever holds the item now, checked and chained under the
      // item's lock: two hand-overs from one holder cannot both be recorded.
      await ctx.models.evidence.update(id, async (current) => {
        if (current.custodian !== entry.fromCustodian) {
          throw conflict('input.fromCustodian: custody passes only from whoever holds the item now (the last custody event); this item is not held by them');
        }
        [event] = await ctx.models.custody.append(custodyChain(id), [entry]);
        return { custodian: entry.toCustodian };
      });
      return event!;
    });
  }

  @Audited('COURT_USE_PERMITTED')
  @Mutation(() => Evidence, { description: "Records the provider's permission to use an H1 item in court (prosecutor of its jurisdiction)" })
  async permitCourtUse(@Arg('evidenceId', () => ID) evidenceId: string, @Arg('reference') reference: string, @Ctx() ctx: ProceedingContext) {
    const id = recordId(evidenceId, 'evidenceId');
    const checked = await checkAll({ reference: () => text(reference, 'reference', { max: 200 }) });
    const courtUse = { reference: checked.reference, at: ctx.now, by: ctx.caller!.sub };
    return ctx.audit.change('COURT_USE_PERMITTED', 'Evidence', id, ['courtUsePermission'], async () => {
      const updated = await ctx.models.evidence.update(id, { courtUse });
      if (!updated) throw notFound('Evidence', evidenceId);
      return updated;
    });
  }

  @Query(() => CustodyCheck, { description: 'Recomputes an item’s chain of custody and finds any edited, removed or reordered event' })
  async verifyCustody(@Arg('evidenceId', () => ID) evidenceId: string, @Ctx() ctx: ProceedingContext): Promise<ChainCheckAnswer> {
    const check = await ctx.models.custody.verify(custodyChain(recordId(evidenceId, 'evidenceId')));
    return chainCheckAnswer(check);
  }

  @FieldResolver(() => String, { nullable: true })
  courtUsePermission(@Root() item: EvidenceDoc): string | null {
    return item.courtUse?.reference ?? null;
  }

  @FieldResolver(() => [CustodyEvent], { nullable: true })
  async custody(@Root() item: EvidenceDoc, @Ctx() ctx: ProceedingContext) {
    const chain = custodyChain(item.id);
    return (await ctx.models.custody.log.readAll([chain])).get(chain);
  }
}

export const evidenceReference = {
  __resolveReference: (reference: { id: string }, ctx: ProceedingContext) => (isRecordId(reference.id) ? ctx.loaders.evidence.load(reference.id) : null),
};

/** Used by Proceeding.evidence. */
export async function evidenceOf(proceedingId: string, ctx: ProceedingContext): Promise<EvidenceDoc[]> {
  return visibleOnly(evidenceAccess, ctx, await ctx.loaders.evidenceOfProceeding.load(proceedingId));
}
