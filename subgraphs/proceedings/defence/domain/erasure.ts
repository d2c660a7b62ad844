import type { ProceedingModels } from '../../models';

/**
 * A victim's erasure clears what her witness records hold of her (decision 117): the
 * profile (age group, gender), the identity a judge ordered disclosed, and the order's
 * reasons (they speak of her). The label stays (the court's record refers to W-n), as
 * does when and by whom the order was made.
 */
export const WITNESS_ERASED_FIELDS = ['Witness.ageGroup', 'Witness.gender', 'Witness.identity', 'Witness.identityDisclosureReasons'];

export async function eraseWitness(models: ProceedingModels, victimId: string): Promise<void> {
  for (const witness of await models.witnesses.loaderBy('victim').load(victimId)) {
    if (witness.ageGroup === null && witness.gender === null && witness.identity === null && (witness.identityOrder?.reasons ?? null) === null) continue;
    await models.witnesses.update(witness.id, (current) => ({
      ageGroup: null,
      gender: null,
      identity: null,
      identityOrder: current.identityOrder ? { ...current.identityOrder, reasons: null } : null,
    }));
  }
}
