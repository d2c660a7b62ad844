import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { badInput, notFound } from '../../common/errors';
import { asEntity } from '../../common/loaders';
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
    // Conditional update: of two concurrent withdrawals exactly one wins.
    const withdrawn = await ctx.models.Consent.findOneAndUpdate(
      { _id: id, withdrawnAt: null },
      { $set: { withdrawnAt: ctx.now, withdrawnBy: ctx.caller!.sub } },
      { returnDocument: 'after' },
    ).lean();
    if (!withdrawn) {
      const existing = await ctx.models.Consent.findById(id).lean();
      if (!existing) throw notFound('Consent', consentId);
      throw badInput('consentId', `consent was already withdrawn at ${existing.withdrawnAt!.toISOString()}`);
    }
    await refreshSharing(ctx.models, String(withdrawn.victimId), ctx.now);
    ctx.audit.noteChange('CONSENT_WITHDRAWN', 'Victim', String(withdrawn.victimId), withdrawn.categories);
    return { ...asEntity(withdrawn), active: consentIsActive(withdrawn, ctx.now) };
  }
}
