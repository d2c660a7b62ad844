import { Arg, Ctx, Directive, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Audited } from '../../common/audited';
import { grantConsent, withdrawConsent } from '../domain/consent';
import { sharingOfVictims } from '../domain/sharing';
import type { VictimContext } from '../models';
import { Consent, VictimSharing } from '../schema/consent';
import { GrantConsentInput } from '../schema/inputs';

@Resolver(() => Consent)
export class ConsentResolver {
  /**
   * Consent decisions for the other subgraphs (common/consents.ts): asked with the
   * caller's own token, by the roles that may ever need one (permissions.ts), answered for
   * the caller's own jurisdiction only, and logged (domain/sharing.ts). Not exposed through the
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
    return (await sharingOfVictims(ctx, victimIds, grantee)) as VictimSharing[];
  }

  @Audited('CONSENT_GRANTED')
  @Mutation(() => Consent, { description: "Records the victim's consent to share categories of data with other jurisdictions" })
  async grantConsent(
    @Arg('victimId', () => ID) victimId: string,
    @Arg('input', () => GrantConsentInput) input: GrantConsentInput,
    @Ctx() ctx: VictimContext,
  ) {
    return grantConsent(ctx, victimId, input);
  }

  @Audited('CONSENT_WITHDRAWN')
  @Mutation(() => Consent, { description: 'Withdraws a consent; it stops applying from the next request' })
  async withdrawConsent(@Arg('consentId', () => ID) consentId: string, @Ctx() ctx: VictimContext) {
    return withdrawConsent(ctx, consentId);
  }
}
