import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import type { Entity } from '../../common/storage';
import { transportsTo } from '../domain/known';
import { arrangeTransport } from '../domain/transport';
import type { ShelterContext, TransportRecord } from '../models';
import { TransportInput } from '../schema/inputs';
import { HearingReference, VictimReference } from '../schema/references';
import { Transport } from '../schema/transport';

type TransportDoc = Entity<TransportRecord>;

/** Transport to hearings of the proceedings subgraph: the field this subgraph adds to Hearing, and arranging a trip. */
@Resolver(() => HearingReference)
export class HearingTransportResolver {
  @FieldResolver(() => [Transport], {
    nullable: true,
    description: 'Safe transport of victims to this hearing that the caller may read (shelter staff, social workers and police, for a stated purpose; contributed by the shelters subgraph)',
  })
  transport(@Root() hearing: HearingReference, @Ctx() ctx: ShelterContext): Promise<TransportDoc[]> {
    return transportsTo(ctx, hearing.id);
  }

  @Audited('TRANSPORT_ARRANGED')
  @Mutation(() => Transport, {
    description: "Arranges safe transport of a placed victim to a hearing (the victim's shelter's staff, or a social worker of that shelter's jurisdiction)",
  })
  arrangeTransport(
    @Arg('hearingId', () => ID) hearingId: string,
    @Arg('victimId', () => ID) victimId: string,
    @Arg('input', () => TransportInput) input: TransportInput,
    @Ctx() ctx: ShelterContext,
  ) {
    return arrangeTransport(ctx, hearingId, victimId, input);
  }
}

@Resolver(() => Transport)
export class TransportResolver {
  @FieldResolver(() => VictimReference, { nullable: true })
  victim(@Root() transport: TransportDoc): VictimReference {
    return { id: transport.victimId };
  }
}
