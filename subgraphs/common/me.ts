import 'reflect-metadata';
import { Directive, Field, ObjectType } from 'type-graphql';
import type { RequestContext } from './context';
import { allow, type Permissions } from './rules';

/**
 * `me`: the caller's own view of the hub, one entity every subgraph may add to (its
 * practitioner record, its attorney record, its shelters, the handoffs offered to it).
 * Keyed by the token's subject, and resolved only for the caller itself: a representation
 * naming anyone else answers null, so no one reads another person's `me`.
 */

export interface MeRecord {
  subject: string;
}

/**
 * A subgraph's own `Me` class (each subgraph calls this once): type-graphql keeps field
 * resolvers per class, so one class shared by all subgraphs would carry every subgraph's
 * fields into every schema.
 */
export function meEntity() {
  @Directive('@key(fields: "subject")')
  @ObjectType('Me', { description: "The caller's own view of the hub: who the token says it is, and its own records in each subgraph" })
  class Me implements MeRecord {
    @Field({ description: "The token's subject" })
    subject!: string;
  }
  return Me;
}

/** The caller as `Me`, or null without a token. */
export function meOf(ctx: RequestContext): MeRecord | null {
  return ctx.caller ? { subject: ctx.caller.sub } : null;
}

/** `Me` by reference: the caller only. */
export const meReference = {
  __resolveReference: (reference: { subject?: unknown }, ctx: RequestContext): MeRecord | null =>
    ctx.caller && reference.subject === ctx.caller.sub ? { subject: ctx.caller.sub } : null,
};

/** Every field of `Me` is the caller's own (each field resolver answers only the caller's records). */
export const mePermissions: Permissions = { Me: allow };
