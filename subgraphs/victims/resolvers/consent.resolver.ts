import { Arg, Ctx, Directive, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Audited } from '../../common/audited';
import { badInput, notFound } from '../../../platform/errors';
import { refuseIfClosed } from '../domain/registration';
import { checkAll, countryCode, dateTime, nonEmptyList, recordId, text } from '../../common/validate';
import { consentIsActive } from '../access';
import { refreshSharing, sharingOf } from '../domain/sharing';
import type { VictimContext } from '../models';
import { Consent, VictimSharing } from '../schema/consent';
import { GrantConsentInput } from '../schema/inputs';

const MAX_SHARING_BATCH = 500;

@Resolver(() => Consent)
export class ConsentResolver {
  /**
   * Consent decisions for the other subgraphs (common/consents.ts): asked with the
   * caller's own token, by the roles that may ever need one (permissions.ts), answered for
   * the caller's own jurisdiction only, and logged (sharing.ts). Not exposed through the
   * gateway. An unknown id, and a victim the caller may not see, answer alike: a victim
   * that shares nothing, of no jurisdiction.
   */
  @Directive('@inaccessible')
  @Query(() => [VictimSharing], {
    description: "What each victim shares with the caller's jurisdiction, or with `grantee` when the caller is of the victim's own jurisdiction (for other subgraphs)",
  })
  async victimSharing(
    @Arg('victimIds', () => [ID]) victimIds: string[],
    @Ctx() ctx: VictimContext,
    @Arg('grantee', () => String, { nullable: true }) grantee?: string,
  ): Promise<VictimSharing[]> {
    if (victimIds.length > MAX_SHARING_BATCH) throw badInput('victimIds', `at most ${MAX_SHARING_BATCH} at once`);
    const ids = [...new Set(victimIds.map((id, i) => recordId(id, `victimIds[${i}]`)))];
    const jurisdiction = grantee != null ? countryCode(grantee, 'grantee') : undefined;
    return Promise.all(
      ids.map(async (victimId) => {
        const answer = await sharingOf(ctx, victimId, jurisdiction);
        return answer as VictimSharing;
      }),
    );
  }

  @Audited('CONSENT_GRANTED')
  @Mutation(() => Consent, { description: "Records the victim's consent to share categories of data with other jurisdictions" })
  async grantConsent(
    @Arg('victimId', () => ID) victimId: string,
    @Arg('input', () => GrantConsentInput) input: GrantConsentInput,
    @Ctx() ctx: VictimContext,
  ) {
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

  @Audited('CONSENT_WITHDRAWN')
  @Mutation(() => Consent, { description: 'Withdraws a consent; it stops applying from the next request' })
  async withdrawConsent(@Arg('consentId', () => ID) consentId: string, @Ctx() ctx: VictimContext) {
    const id = recordId(consentId, 'consentId');
    const found = await ctx.models.Consent.findById(id).lean();
    if (!found) throw notFound('Consent', consentId);
    const alreadyWithdrawn = (at: Date) => badInput('consentId', `consent was already withdrawn at ${at.toISOString()}`);
    if (found.withdrawnAt) throw alreadyWithdrawn(found.withdrawnAt);
    const consent = await ctx.audit.change('CONSENT_WITHDRAWN', 'Victim', String(found.victimId), found.categories, async () => {
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
    });
    return { ...consent, active: consentIsActive(consent, ctx.now) };
  }
}
