import type { Erasure } from '../../common/erasure';
import type { LegalAidModels } from '../models';

/**
 * What legal aid removes when a victim's data is erased (common/erasure.ts): what an
 * assignment says about the person — the representation consent (when, in which language,
 * with an interpreter), interpretations, accommodations and the closing reason — and the
 * attorneys' notes on each handoff of her file (reason, refusal reason). Kept: who
 * represented her, in which matter and jurisdiction, when and in which status, and which
 * categories a handoff carried, as the providers' pseudonymous record of representation
 * (and the gaps in it). The regional indicators count those kept facts (domain/indicators.ts:
 * the victim, the jurisdiction, when an assignment opened and when it became ACTIVE, when
 * a handoff was accepted), so an erasure changes no published figure.
 */
export const legalAidErasure: Erasure<LegalAidModels> = {
  fields: [
    'LegalAidAssignment.representationConsent',
    'LegalAidAssignment.interpretations',
    'LegalAidAssignment.accommodations',
    'LegalAidAssignment.closingReason',
    'Handoff.reason',
    'Handoff.refusalReason',
  ],
  async erase(models, victimId) {
    const assignments = await models.assignments.loaderBy('victim').load(victimId);
    for (const a of assignments) {
      const holds = a.representationConsent !== null || a.interpretations.length > 0 || a.accommodations.length > 0 || a.closingReason !== null;
      if (holds) await models.assignments.update(a.id, { representationConsent: null, interpretations: [], accommodations: [], closingReason: null });
    }
    // A handoff is listed under the assignments at both ends: each once. A failed read fails the erasure (tried again).
    const handoffs = new Map<string, { id: string; reason: string | null; refusalReason: string | null }>();
    for (const list of await models.handoffs.loaderBy('assignment').loadMany(assignments.map((a) => a.id))) {
      if (list instanceof Error) throw list;
      for (const h of list) handoffs.set(h.id, h);
    }
    for (const handoff of handoffs.values()) {
      if (handoff.reason !== null || handoff.refusalReason !== null) await models.handoffs.update(handoff.id, { reason: null, refusalReason: null });
    }
  },
};
