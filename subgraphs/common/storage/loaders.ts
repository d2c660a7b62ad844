import DataLoader from 'dataloader';
import type { Model } from 'mongoose';

/** A stored document as resolvers see it: plain object with a string `id`. */
export type Entity<T> = T & { id: string };

export function asEntity<T extends { _id: unknown }>(doc: T): Entity<T> {
  return Object.assign(doc, { id: String(doc._id) });
}

/**
 * The loader factory for records by id: per request, all `load(id)` calls of one tick
 * become a single `find({ _id: { $in: ids } })`, an index lookup on MongoDB and on the
 * embedded database alike. Records by any other key come from their lists
 * (`ListedCollection.loaderBy`), never from a filter on the collection.
 */
export function loaderById<T extends { _id: unknown }>(model: Model<any>): DataLoader<string, Entity<T> | null> {
  return new DataLoader<string, Entity<T> | null>(async (ids) => {
    const byId = new Map((await byIds<T>(model, ids)).map((doc) => [String(doc._id), asEntity(doc)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * The records with these ids, in no particular order (an id without a record is left
 * out): one `_id` batch, which every backend answers from its index. For code that holds
 * the ids already, e.g. read from a list, outside a request's loaders. With `fields`, only
 * those (and `_id`) are sent back.
 */
export async function byIds<T>(model: Model<any>, ids: readonly string[], fields?: Record<string, 1>): Promise<T[]> {
  if (ids.length === 0) return [];
  return (await model.find({ _id: { $in: ids } }, fields).lean()) as unknown as T[];
}
