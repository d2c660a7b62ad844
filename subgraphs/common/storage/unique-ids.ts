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
