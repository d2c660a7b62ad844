import { isRecordId } from './validate';

/**
 * Resolves a reference to another subgraph's entity without a lookup (a victim, a
 * hearing): this subgraph knows it by id only and adds its own fields to it; whether it
 * exists, and what the caller sees of it, is the owning subgraph's to say. (Each
 * subgraph declares its own stub class for such an entity: type-graphql keeps field
 * resolvers per class, and the fields it adds are its own.)
 */
export const referenceById = {
  __resolveReference: (reference: { id: string }): { id: string } | null => (isRecordId(reference.id) ? { id: reference.id } : null),
};
