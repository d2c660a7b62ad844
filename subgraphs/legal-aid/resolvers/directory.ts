import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import type { Entity } from '../../common/storage';
import { deactivateAttorney, isActive, registerAttorney, registerProvider } from '../domain/directory';
import type { AttorneyRecord, LegalAidContext } from '../models';
import { Attorney } from '../schema/attorney';
import { RegisterAttorneyInput, RegisterLegalAidProviderInput } from '../schema/inputs';
import { LegalAidProvider } from '../schema/provider';

/** The directory's writes: a registrar of the provider's jurisdiction (domain/directory.ts). */
@Resolver(() => LegalAidProvider)
export class ProviderRegistrationResolver {
  @Audited('LEGAL_AID_PROVIDER_REGISTERED')
  @Mutation(() => LegalAidProvider, {
    description: "Registers a legal aid provider (a registrar of its jurisdiction): its id is its organisation, the `org` claim of its attorneys' tokens; taken: CONFLICT",
  })
  registerLegalAidProvider(@Arg('input', () => RegisterLegalAidProviderInput) input: RegisterLegalAidProviderInput, @Ctx() ctx: LegalAidContext) {
    return registerProvider(ctx, input);
  }
}

@Resolver(() => Attorney)
export class AttorneyRegistrationResolver {
  @Audited('ATTORNEY_REGISTERED')
  @Mutation(() => Attorney, {
    description: "Registers an attorney of a provider (a registrar of the provider's jurisdiction); she signs in with `subject` as the token's sub and the provider as its org. A bar number or subject taken at the provider: CONFLICT",
  })
  registerAttorney(@Arg('input', () => RegisterAttorneyInput) input: RegisterAttorneyInput, @Ctx() ctx: LegalAidContext) {
    return registerAttorney(ctx, input);
  }

  @Audited('ATTORNEY_DEACTIVATED')
  @Mutation(() => Attorney, {
    description: "Deactivates an attorney (a registrar of the provider's jurisdiction): no new assignments or handoffs, not matched; her open assignments stay hers until handed on or closed",
  })
  deactivateAttorney(@Arg('attorneyId', () => ID) attorneyId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: LegalAidContext) {
    return deactivateAttorney(ctx, attorneyId, reason);
  }

  @FieldResolver(() => Boolean)
  active(@Root() attorney: Entity<AttorneyRecord>): boolean {
    return isActive(attorney);
  }
}
