import { badInput, notFound } from '../../../platform/errors';
import { visibleOnly } from '../../common/access';
import type { Entity } from '../../common/storage';
import { checkAll, newId, recordId, text } from '../../common/validate';
import { evidenceAccess } from '../access';
import type { EvidenceRecord, ProceedingContext } from '../models';
import type { RegisterEvidenceInput } from '../schema/inputs';

/**
 * Items of evidence: registered in a proceeding with the EU handling code and the 4x4
 * evaluation, held by their registrar until custody passes on (custody.ts). H1 items
 * (not to be disclosed in judicial proceedings without the provider's permission) need
 * that permission recorded, by reference, before they are PRESENTED in court.
 */

type EvidenceDoc = Entity<EvidenceRecord>;

export async function registerEvidence(ctx: ProceedingContext, proceedingId: string, input: RegisterEvidenceInput) {
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

/** Records the provider's permission to use an H1 item in court. */
export async function permitCourtUse(ctx: ProceedingContext, evidenceId: string, reference: string) {
  const id = recordId(evidenceId, 'evidenceId');
  const checked = await checkAll({ reference: () => text(reference, 'reference', { max: 200 }) });
  const courtUse = { reference: checked.reference, at: ctx.now, by: ctx.caller!.sub };
  return ctx.audit.change('COURT_USE_PERMITTED', 'Evidence', id, ['courtUsePermission'], async () => {
    const updated = await ctx.models.evidence.update(id, { courtUse });
    if (!updated) throw notFound('Evidence', evidenceId);
    return updated;
  });
}

/** Used by Proceeding.evidence. */
export async function evidenceOf(proceedingId: string, ctx: ProceedingContext): Promise<EvidenceDoc[]> {
  return visibleOnly(evidenceAccess, ctx, await ctx.loaders.evidenceOfProceeding.load(proceedingId));
}
