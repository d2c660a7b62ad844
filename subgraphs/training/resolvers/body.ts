import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../common/audited';
import type { Entity } from '../../common/storage';
import { establishAccreditationBody, rotateSigningKey } from '../domain/bodies';
import { bodyId } from '../domain/code';
import { jwksUrlOf, statusListUrlOf } from '../domain/credential';
import { signingKeysOf } from '../domain/keys';
import type { BodyRecord, TrainingContext } from '../models';
import { AccreditationBody, SigningKey } from '../schema/body';
import { EstablishAccreditationBodyInput } from '../schema/inputs';

type BodyDoc = Entity<BodyRecord>;

@Resolver(() => AccreditationBody)
export class AccreditationBodyResolver {
  @Query(() => [AccreditationBody], { description: 'Every accreditation body (public)' })
  accreditationBodies(@Ctx() ctx: TrainingContext): Promise<BodyDoc[]> {
    return ctx.loaders.allBodies.load('all');
  }

  @Query(() => AccreditationBody, { nullable: true, description: 'One accreditation body (public)' })
  accreditationBody(@Arg('id', () => ID) id: string, @Ctx() ctx: TrainingContext): Promise<BodyDoc | null> {
    return ctx.loaders.body.load(bodyId(id, 'id'));
  }

  @Audited('ACCREDITATION_BODY_ESTABLISHED')
  @Mutation(() => AccreditationBody, {
    description: "Establishes a region's accreditation body with its first signing key, made here (a registrar of one of its jurisdictions); an id already taken: CONFLICT",
  })
  establishAccreditationBody(@Arg('input', () => EstablishAccreditationBodyInput) input: EstablishAccreditationBodyInput, @Ctx() ctx: TrainingContext): Promise<BodyDoc> {
    return establishAccreditationBody(ctx, input);
  }

  @Audited('SIGNING_KEY_ROTATED')
  @Mutation(() => AccreditationBody, { description: 'A new signing key for the body (its officers); older keys stay published as retired, so what they signed before keeps verifying' })
  rotateSigningKey(@Arg('bodyId', () => ID) bodyId: string, @Ctx() ctx: TrainingContext): Promise<BodyDoc> {
    return rotateSigningKey(ctx, bodyId);
  }

  @FieldResolver(() => String)
  jwksUrl(@Root() body: BodyDoc, @Ctx() ctx: TrainingContext): string {
    return jwksUrlOf(ctx.models.publicUrl, body.id);
  }

  @FieldResolver(() => String)
  revocationListUrl(@Root() body: BodyDoc, @Ctx() ctx: TrainingContext): string {
    return statusListUrlOf(ctx.models.publicUrl, body.id, 'revocation');
  }

  @FieldResolver(() => String)
  suspensionListUrl(@Root() body: BodyDoc, @Ctx() ctx: TrainingContext): string {
    return statusListUrlOf(ctx.models.publicUrl, body.id, 'suspension');
  }

  @FieldResolver(() => [SigningKey])
  signingKeys(@Root() body: BodyDoc): SigningKey[] {
    return signingKeysOf(body);
  }
}
