/**
 * Every guarantee of this layer rests on one refusal that every backend makes atomically:
 * an insert whose `_id` (or other unique field) is taken fails with code 11000. An
 * unordered or ordered batch says which of its documents were refused.
 */
export interface DuplicateKeyError {
  code: number;
  writeErrors?: Array<{ index: number }>;
  result?: { insertedCount?: number };
}

export function isDuplicateKey(error: unknown): error is DuplicateKeyError {
  return (error as { code?: number }).code === 11000;
}

/**
 * Inserts `docs` in one unordered write and returns those refused because their `_id` is
 * taken (the others are written); any other failure is thrown. A driver reports one refusal
 * as an object and several as an array: both are read.
 */
export async function insertUnlessTaken<T>(collection: { insertMany(docs: never[], options: { ordered: false }): Promise<unknown> }, docs: T[]): Promise<T[]> {
  if (docs.length === 0) return [];
  try {
    await collection.insertMany(docs as never[], { ordered: false });
    return [];
  } catch (error) {
    const { writeErrors } = error as { writeErrors?: Array<{ index: number; code?: number }> | { index: number; code?: number } };
    const refused = writeErrors === undefined ? null : Array.isArray(writeErrors) ? writeErrors : [writeErrors];
    if (!isDuplicateKey(error) || !refused || refused.some((e) => e.code !== undefined && e.code !== 11000)) throw error;
    return refused.map(({ index }) => docs[index]);
  }
}
