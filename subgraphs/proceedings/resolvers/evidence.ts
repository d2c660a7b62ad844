import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import type { ChainCheckAnswer } from '../../common/chain';
import type { Entity } from '../../common/storage';
import { isRecordId } from '../../common/validate';
import { custodyOf, recordCustodyEvent, verifyCustody } from '../domain/custody';
import { permitCourtUse, registerEvidence } from '../domain/evidence';
import type { EvidenceRecord, ProceedingContext } from '../models';
import { CustodyCheck, CustodyEvent, Evidence } from '../schema/evidence';
import { CustodyEventInput, RegisterEvidenceInput } from '../schema/inputs';

type EvidenceDoc = Entity<EvidenceRecord>;

@Resolver(() => Evidence)
export class EvidenceResolver {
  @Audited('EVIDENCE_REGISTERED')
  @Mutation(() => Evidence, { description: "Registers an item of evidence in a proceeding (prosecutor or police of its jurisdiction); the registrar holds it" })
  async registerEvidence(@Arg('proceedingId', () => ID) proceedingId: string, @Arg('input', () => RegisterEvidenceInput) input: RegisterEvidenceInput, @Ctx() ctx: ProceedingContext) {
    return registerEvidence(ctx, proceedingId, input);
  }

  @Audited('CUSTODY_RECORDED')
  @Mutation(() => CustodyEvent, { description: 'Records a custody event, chained onto the item’s previous one (judge, prosecutor or police of its jurisdiction)' })
  async recordCustodyEvent(@Arg('evidenceId', () => ID) evidenceId: string, @Arg('input', () => CustodyEventInput) input: CustodyEventInput, @Ctx() ctx: ProceedingContext) {
    return recordCustodyEvent(ctx, evidenceId, input);
  }

  @Audited('COURT_USE_PERMITTED')
  @Mutation(() => Evidence, { description: "Records the provider's permission to use an H1 item in court (prosecutor of its jurisdiction)" })
  async permitCourtUse(@Arg('evidenceId', () => ID) evidenceId: string, @Arg('reference') reference: string, @Ctx() ctx: ProceedingContext) {
    return permitCourtUse(ctx, evidenceId, reference);
  }

  @Query(() => CustodyCheck, { description: 'Recomputes an item’s chain of custody and finds any edited, removed or reordered event' })
  async verifyCustody(@Arg('evidenceId', () => ID) evidenceId: string, @Ctx() ctx: ProceedingContext): Promise<ChainCheckAnswer> {
    return verifyCustody(ctx, evidenceId);
  }

  @FieldResolver(() => String, { nullable: true })
  courtUsePermission(@Root() item: EvidenceDoc): string | null {
    return item.courtUse?.reference ?? null;
  }

  @FieldResolver(() => [CustodyEvent], { nullable: true })
  async custody(@Root() item: EvidenceDoc, @Ctx() ctx: ProceedingContext) {
    return custodyOf(ctx, item.id);
  }

  @FieldResolver(() => CustodyCheck, { nullable: true })
  custodyCheck(@Root() item: EvidenceDoc, @Ctx() ctx: ProceedingContext): Promise<ChainCheckAnswer> {
    return verifyCustody(ctx, item.id);
  }
}

export const evidenceReference = {
  __resolveReference: (reference: { id: string }, ctx: ProceedingContext) => (isRecordId(reference.id) ? ctx.loaders.evidence.load(reference.id) : null),
};
