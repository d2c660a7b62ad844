import DataLoader from 'dataloader';
import type { Model } from 'mongoose';

/** A stored document as resolvers see it: plain object with a string `id`. */
export type Entity<T> = T & { id: string };

export function asEntity<T extends { _id: unknown }>(doc: T): Entity<T> {
  return Object.assign(doc, { id: String(doc._id) });
}

/**
 * The one loader factory: per request, all `load(key)` calls of one tick become a single
 * `find({ key: { $in: keys } })`, whatever the number of keys. `many: true` groups
 * several documents per key (one-to-many), otherwise one document or null per key.
 */
export function loaderBy<T extends { _id: unknown }>(model: Model<any>, key: string, options: { many: true }): DataLoader<string, Entity<T>[]>;
export function loaderBy<T extends { _id: unknown }>(model: Model<any>, key?: string): DataLoader<string, Entity<T> | null>;
export function loaderBy<T extends { _id: unknown }>(model: Model<any>, key = '_id', options: { many?: boolean } = {}) {
  return new DataLoader<string, unknown>(async (keys) => {
    const docs = (await model.find({ [key]: { $in: keys } }).lean()) as unknown as T[];
    const byKey = new Map<string, Entity<T>[]>();
    for (const doc of docs) {
      const k = String((doc as Record<string, unknown>)[key]);
      const group = byKey.get(k);
      const entity = asEntity(doc);
      if (group) group.push(entity);
      else byKey.set(k, [entity]);
    }
    return keys.map((k) => (options.many ? byKey.get(k) ?? [] : byKey.get(k)?.[0] ?? null));
  });
}
