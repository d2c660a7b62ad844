import { badInput, notFound } from '../../../platform/errors';
import { emitEvent } from '../../common/outbox';
import { checkAll, countryCode, dateTime, nonEmptyList, recordId, text } from '../../common/validate';
import { consentIsActive } from '../access';
import type { ConsentRecord, VictimContext } from '../models';
import type { GrantConsentInput } from '../schema/inputs';
import { refuseIfClosed } from './registration';
import { refreshSharing } from './sharing';

/**
 * A victim's consents to share categories of her data with other jurisdictions: granted
 * and withdrawn by the professionals who record them (permissions.ts), each write audited
 * and followed by the jurisdictions the victim is listed for (sharing.ts).
 */

/** Records a consent, checked whole first; a closed record takes none. */
export async function grantConsent(ctx: VictimContext, victimId: string, input: GrantConsentInput) {
  const id = recordId(victimId, 'victimId');
  const { categories, granteeJurisdictions, purposes, note, expiresAt } = await checkAll({
    categories: () => [...new Set(nonEmptyList(input.categories, 'input.categories'))],
    granteeJurisdictions: () => {
      const listed = nonEmptyList(input.granteeJurisdictions, 'input.granteeJurisdictions');
      return [...new Set(listed.map((j, i) => countryCode(j, `input.granteeJurisdictions[${i}]`)))];
    },
    purposes: () => [...new Set(nonEmptyList(input.purposes, 'input.purposes'))],
    note: () => (input.note != null ? text(input.note, 'input.note', { max: 500 }) : null),
    expiresAt: () => {
      const at = input.expiresAt != null ? dateTime(input.expiresAt, 'input.expiresAt') : null;
      if (at && at <= ctx.now) throw badInput('input.expiresAt', 'must be in the future');
      return at;
    },
  });
  refuseIfClosed(await ctx.loaders.victim.load(id));
  const consent = await ctx.audit.change('CONSENT_GRANTED', 'Victim', victimId, categories, async () => {
    const created = await ctx.models.consents.create({
      victimId: id,
      categories,
      granteeJurisdictions,
      purposes,
      note,
      grantedBy: ctx.caller!.sub,
      grantedAt: ctx.now,
      expiresAt,
      withdrawnAt: null,
      withdrawnBy: null,
    });
    await refreshSharing(ctx.models, victimId, ctx.now);
    return created;
  });
  return { ...consent, active: true };
}

/** Withdraws a consent once: withdrawing it again is BAD_USER_INPUT, naming when it was. */
export async function withdrawConsent(ctx: VictimContext, consentId: string) {
  const id = recordId(consentId, 'consentId');
  const found = await ctx.models.Consent.findById(id).lean();
  if (!found) throw notFound('Consent', consentId);
  const alreadyWithdrawn = (at: Date) => badInput('consentId', `consent was already withdrawn at ${at.toISOString()}`);
  if (found.withdrawnAt) throw alreadyWithdrawn(found.withdrawnAt);
  // For the jurisdictions it named (webhooks): their access ends with it.
  const event = { ids: { consentId: id, victimId: String(found.victimId) }, jurisdictions: found.granteeJurisdictions };
  const consent = await ctx.audit.change('CONSENT_WITHDRAWN', 'Victim', String(found.victimId), found.categories, () => emitEvent(ctx, 'consent.withdrawn', event, async () => {
    // Under the consent's lock: of two concurrent withdrawals exactly one wins (the other is not applied).
    let already: Date | null = null;
    const withdrawn = await ctx.models.consents.update(id, (current) => {
      already = current.withdrawnAt;
      return already ? null : { withdrawnAt: ctx.now, withdrawnBy: ctx.caller!.sub };
    });
    if (!withdrawn) throw notFound('Consent', consentId);
    if (already) throw alreadyWithdrawn(already);
    await refreshSharing(ctx.models, String(withdrawn.victimId), ctx.now);
    return withdrawn;
  }));
  return { ...consent, active: consentIsActive(consent, ctx.now) };
}

/**
 * The consents of a victim as the caller may see them (`Victim.consents`): all of them for
 * the victim's own jurisdiction and its auditors; for another jurisdiction only the
 * consents that name it, as they concern it: the grantee list narrowed to it, and not who
 * recorded them.
 */
export function consentsShownTo<C extends ConsentRecord>(
  caller: { jurisdiction: string; oversight: string[] },
  victim: { jurisdiction: string },
  consents: C[],
  now: Date,
) {
  const whole = caller.jurisdiction === victim.jurisdiction || caller.oversight.includes(victim.jurisdiction);
  return consents
    .filter((c) => whole || c.granteeJurisdictions.includes(caller.jurisdiction))
    .map((c) => ({
      ...c,
      active: consentIsActive(c, now),
      ...(whole ? {} : { granteeJurisdictions: [caller.jurisdiction], grantedBy: null, note: null }),
    }));
}
