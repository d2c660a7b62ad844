import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Audited } from '../common/audited';
import type { Entity } from '../common/storage';
import { attorneyToRegister, deactivation, isActive, providerToRegister, writeAttorney, writeDeactivation, writeProvider } from './directory';
import type { AttorneyRecord, LegalAidContext } from './models';
import { RegisterAttorneyInput, RegisterLegalAidProviderInput } from './directory-inputs';
import { Attorney, LegalAidProvider } from './types';

/** The directory's writes: a registrar of the provider's jurisdiction (directory.ts). */
@Resolver(() => LegalAidProvider)
export class ProviderRegistrationResolver {
  @Audited('LEGAL_AID_PROVIDER_REGISTERED')
  @Mutation(() => LegalAidProvider, {
    description: "Registers a legal aid provider (a registrar of its jurisdiction): its id is its organisation, the `org` claim of its attorneys' tokens; taken: CONFLICT",
  })
  async registerLegalAidProvider(@Arg('input', () => RegisterLegalAidProviderInput) input: RegisterLegalAidProviderInput, @Ctx() ctx: LegalAidContext) {
    const record = await providerToRegister(ctx, input);
    return ctx.audit.change('LEGAL_AID_PROVIDER_REGISTERED', 'LegalAidProvider', record._id, ['name', 'kind', 'jurisdiction'], () => writeProvider(ctx, record));
  }
}

@Resolver(() => Attorney)
export class AttorneyRegistrationResolver {
  @Audited('ATTORNEY_REGISTERED')
  @Mutation(() => Attorney, {
    description: "Registers an attorney of a provider (a registrar of the provider's jurisdiction); she signs in with `subject` as the token's sub and the provider as its org. A bar number or subject taken at the provider: CONFLICT",
  })
  async registerAttorney(@Arg('input', () => RegisterAttorneyInput) input: RegisterAttorneyInput, @Ctx() ctx: LegalAidContext) {
    const record = await attorneyToRegister(ctx, input);
    const fields = ['provider', 'name', 'barNumber', 'jurisdictions', 'languages', 'practitionerId', 'acceptingCases'];
    return ctx.audit.change('ATTORNEY_REGISTERED', 'Attorney', record._id, fields, () => writeAttorney(ctx, record));
  }

  @Audited('ATTORNEY_DEACTIVATED')
  @Mutation(() => Attorney, {
    description: "Deactivates an attorney (a registrar of the provider's jurisdiction): no new assignments or handoffs, not matched; her open assignments stay hers until handed on or closed",
  })
  async deactivateAttorney(@Arg('attorneyId', () => ID) attorneyId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: LegalAidContext) {
    const v = await deactivation(ctx, attorneyId, reason);
    const updated = await ctx.audit.change('ATTORNEY_DEACTIVATED', 'Attorney', v.attorney.id, ['active', 'deactivatedAt', 'deactivationReason'], () =>
      writeDeactivation(ctx, v.attorney.id, v.reason, ctx.now),
    );
    ctx.loaders.attorney.clear(updated.id).prime(updated.id, updated);
    return updated;
  }

  @FieldResolver(() => Boolean)
  active(@Root() attorney: Entity<AttorneyRecord>): boolean {
    return isActive(attorney);
  }
}
