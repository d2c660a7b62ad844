import { visibleOnly, visibleOrNull } from '../../../common/access';
import { checkAll, newId, recordId, text } from '../../../common/validate';
import { evidenceAccess } from '../../access';
import type { ProceedingContext } from '../../models';
import { disclosureAccess, disclosureOrderAccess } from '../access';
import type { DisclosureDoc } from '../models';
import type { DiscloseEvidenceInput } from '../schema/inputs';
import { checkDefendant, checkNotDisclosed, checkRestricted, orderNeeded } from './rules';

/**
 * Disclosure to the defence, per defendant: the prosecutor of the jurisdiction discloses
 * an item to one defendant, whose counsel then reads it with its chain of custody; an H2
 * or H3 item only after a judge ordered it (orderDisclosure).
 */

export async function orderDisclosure(ctx: ProceedingContext, evidenceId: string, reasons: string) {
  const item = (await ctx.loaders.evidence.load(recordId(evidenceId, 'evidenceId')))!; // the rule found it
  const checked = await checkAll({
    evidenceId: () => checkRestricted(item.handlingCode, 'evidenceId'),
    reasons: () => text(reasons, 'reasons', { max: 2000 }),
  });
  const _id = newId();
  return ctx.audit.change('DISCLOSURE_ORDERED', 'DisclosureOrder', _id, ['evidenceId', 'reasons'], () =>
    ctx.models.disclosureOrders.create({ _id, evidenceId: item.id, proceedingId: item.proceedingId, jurisdiction: item.jurisdiction, reasons: checked.reasons, orderedAt: ctx.now, orderedBy: ctx.caller!.sub }),
  );
}

export async function discloseEvidence(ctx: ProceedingContext, evidenceId: string, input: DiscloseEvidenceInput) {
  const item = (await ctx.loaders.evidence.load(recordId(evidenceId, 'evidenceId')))!; // the rule found it
  const proceeding = (await ctx.loaders.proceeding.load(item.proceedingId))!;
  const checked = await checkAll({
    defendant: () => checkDefendant(proceeding.defendants.map((d) => d.alias), text(input.defendant, 'input.defendant', { max: 100 }), 'input.defendant'),
    note: () => (input.note != null ? text(input.note, 'input.note', { max: 1000 }) : null),
  });
  const order = orderNeeded(item.id, item.handlingCode, await ctx.loaders.disclosureOrdersOfEvidence.load(item.id));
  const { disclosures } = ctx.models;
  // One writer per item, so that the same item cannot be disclosed twice to one defendant by racing requests.
  return disclosures.lists.exclusive(`defence/disclosures/${item.id}`, async () => {
    checkNotDisclosed(await disclosures.loaderBy('evidence').load(item.id), checked.defendant, 'input.defendant');
    const _id = newId();
    return ctx.audit.change('EVIDENCE_DISCLOSED', 'Disclosure', _id, ['evidence', 'defendant', 'note', 'order'], () =>
      disclosures.create({
        _id,
        evidenceId: item.id,
        proceedingId: item.proceedingId,
        jurisdiction: item.jurisdiction,
        ...checked,
        disclosedAt: ctx.now,
        disclosedBy: ctx.caller!.sub,
        orderId: order?._id ?? null,
      }),
    );
  });
}

/** Proceeding.disclosures: every one for the court and the prosecution; to a counsel those to her defendant. */
export async function disclosuresOf(ctx: ProceedingContext, proceedingId: string) {
  return visibleOnly(disclosureAccess, ctx, await ctx.loaders.disclosuresOfProceeding.load(proceedingId));
}

export async function evidenceOfDisclosure(ctx: ProceedingContext, disclosure: DisclosureDoc) {
  return visibleOrNull(evidenceAccess, ctx, await ctx.loaders.evidence.load(disclosure.evidenceId));
}

export async function orderOfDisclosure(ctx: ProceedingContext, disclosure: DisclosureDoc) {
  return disclosure.orderId ? visibleOrNull(disclosureOrderAccess, ctx, await ctx.loaders.disclosureOrder.load(disclosure.orderId)) : null;
}
