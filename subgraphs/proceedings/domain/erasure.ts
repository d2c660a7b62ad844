import type { Erasure } from '../../common/erasure';
import type { ProceedingModels } from '../models';
import { eraseOrderTranslations, TRANSLATION_ERASED_FIELDS } from '../translations/domain/erasure';
import { eraseWitness, WITNESS_ERASED_FIELDS } from '../defence/domain/erasure';

/**
 * What proceedings remove when a victim's data is erased (common/erasure.ts): of each
 * protective order that protects her, what it says about her and the threat to her — the
 * grounds, where she is, and the decision's reasons, and the translations of these texts
 * (translations/domain/erasure.ts). Kept, as the CASE view and the
 * court's pseudonymous record: that she is a victim in the proceeding (by id), the order's
 * kind, urgency, status and dates. Also kept (docs/architecture.md, retention and erasure): hearings (how the
 * victims of a proceeding take part and whether transport is needed is the court's
 * record of the hearing, shared by all its victims), evidence and legal assistance
 * requests (linked to the proceeding, not to a victim, and hash-chained: their texts are
 * the investigators' and courts' records), precedents (published from five or more
 * victims, never one). The defence (defence/, decision 111) holds nothing of a victim:
 * appointments name a defendant by alias and a counsel by token subject (a practitioner),
 * disclosures and disclosure orders an item of evidence and a defendant; their note and
 * reasons are the prosecutor's and the judge's record about the item, kept with it.
 */
export const proceedingErasure: Erasure<ProceedingModels> = {
  fields: ['ProtectiveOrder.grounds', 'ProtectiveOrder.protectedPersonLocation', 'ProtectiveOrder.reasons', ...TRANSLATION_ERASED_FIELDS, ...WITNESS_ERASED_FIELDS],
  async erase(models, victimId) {
    const proceedings = await models.proceedings.loaderBy('victim').load(victimId);
    for (const orders of await models.protectiveOrders.loaderBy('proceeding').loadMany(proceedings.map((p) => p.id))) {
      if (orders instanceof Error) throw orders; // a failed read fails the erasure: it is tried again
      for (const order of orders) {
        if (order.protectedVictimId !== victimId) continue;
        if (order.grounds !== null || order.protectedPersonLocation !== null || order.reasons !== null) {
          await models.protectiveOrders.update(order.id, { grounds: null, protectedPersonLocation: null, reasons: null });
        }
        await eraseOrderTranslations(models, order.id);
      }
    }
    await eraseWitness(models, victimId);
  },
};
