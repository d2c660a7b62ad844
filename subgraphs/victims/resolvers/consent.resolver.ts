import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { badInput, notFound } from '../../../platform/errors';
import { countryCode, dateTime, nonEmptyList, objectId, text } from '../../common/validate';
import { consentIsActive } from '../access';
import { refreshSharing } from '../sharing';
import type { VictimContext } from '../loaders';
import { Consent } from '../types/consent';
import { GrantConsentInput } from '../types/inputs';

@Resolver(() => Consent)
export class ConsentResolver {
  @Mutation(() => Consent, { description: "Records the victim's consent to share categories of data with other jurisdictions" })
  async grantConsent(
    @Arg('victimId', () => ID) victimId: string,
    @Arg('input', () => GrantConsentInput) input: GrantConsentInput,
    @Ctx() ctx: VictimContext,
  ) {
    const id = objectId(victimId, 'victimId');
    const categories = [...new Set(nonEmptyList(input.categories, 'input.categories'))];
    const granteeJurisdictions = [
      ...new Set(nonEmptyList(input.granteeJurisdictions, 'input.granteeJurisdictions').map((j, i) => countryCode(j, `input.granteeJurisdictions[${i}]`))),
    ];
    const purpose = text(input.purpose, 'input.purpose', { max: 500 });
    const expiresAt = input.expiresAt != null ? dateTime(input.expiresAt, 'input.expiresAt') : null;
    if (expiresAt && expiresAt <= ctx.now) throw badInput('input.expiresAt', 'must be in the future');
    const consent = await ctx.models.consents.create({
      victimId: id,
      categories,
      granteeJurisdictions,
      purpose,
      grantedBy: ctx.caller!.sub,
      grantedAt: ctx.now,
      expiresAt,
      withdrawnAt: null,
      withdrawnBy: null,
    });
    await refreshSharing(ctx.models, victimId, ctx.now);
    ctx.audit.noteChange('CONSENT_GRANTED', 'Victim', victimId, categories);
    return { ...consent, active: true };
  }

  @Mutation(() => Consent, { description: 'Withdraws a consent; it stops applying from the next request' })
  async withdrawConsent(@Arg('consentId', () => ID) consentId: string, @Ctx() ctx: VictimContext) {
    const id = objectId(consentId, 'consentId');
    // Under the consent's lock: of two concurrent withdrawals exactly one wins.
    let already = false;
    const consent = await ctx.models.consents.update(String(id), (current) => {
      already = current.withdrawnAt !== null;
      return already ? null : { withdrawnAt: ctx.now, withdrawnBy: ctx.caller!.sub };
    });
    if (!consent) throw notFound('Consent', consentId);
    if (already) throw badInput('consentId', `consent was already withdrawn at ${consent.withdrawnAt!.toISOString()}`);
    await refreshSharing(ctx.models, String(consent.victimId), ctx.now);
    ctx.audit.noteChange('CONSENT_WITHDRAWN', 'Victim', String(consent.victimId), consent.categories);
    return { ...consent, active: consentIsActive(consent, ctx.now) };
  }
}
