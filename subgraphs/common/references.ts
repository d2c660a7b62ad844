import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { isRecordId } from './validate';

/** Another subgraph's entity as this one knows it: by id. */
export interface EntityReference {
  id: string;
}

/**
 * The stub class of another subgraph's entity (a `Victim` in shelters, a `Hearing`, an
 * `Attorney`): this subgraph knows it by id and adds its own fields to it. Each subgraph
 * calls this once per entity, because type-graphql keeps field resolvers per class: one
 * class shared by two subgraphs would carry each one's fields into the other's schema.
 * `resolvable: false` when this subgraph only points at the entity and adds nothing.
 */
export function entityStub(typeName: string, options: { resolvable?: boolean } = {}) {
  const key = options.resolvable === false ? '@key(fields: "id", resolvable: false)' : '@key(fields: "id")';
  @Directive(key)
  @ObjectType(typeName)
  class Stub implements EntityReference {
    @Field(() => ID)
    id!: string;
  }
  return Stub;
}

/**
 * Resolves a reference to another subgraph's entity without a lookup (a victim, a
 * hearing): whether it exists, and what the caller sees of it, is the owning subgraph's
 * to say.
 */
export const referenceById = {
  __resolveReference: (reference: { id: string }): EntityReference | null => (isRecordId(reference.id) ? { id: reference.id } : null),
};
