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
    const docs = (await model.find({ _id: { $in: ids } }).lean()) as unknown as T[];
    const byId = new Map(docs.map((doc) => [String(doc._id), asEntity(doc)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
