import { Types } from 'mongoose';
import { badInput } from './errors';
import { isCountryCode } from './countries';

// Input checks shared by every subgraph. Each throws BAD_USER_INPUT naming the field,
// before anything is written.

export function objectId(value: unknown, field: string): Types.ObjectId {
  if (typeof value !== 'string' || !/^[0-9a-f]{24}$/i.test(value)) {
    throw badInput(field, 'is not a valid id (24 hexadecimal characters)');
  }
  return new Types.ObjectId(value);
}

export function countryCode(value: unknown, field: string): string {
  if (!isCountryCode(value)) {
    throw badInput(field, `${JSON.stringify(value)} is not an ISO 3166-1 alpha-2 country code`);
  }
  return value;
}

export function text(value: unknown, field: string, { min = 1, max = 500 } = {}): string {
  if (typeof value !== 'string') throw badInput(field, 'must be a string');
  const trimmed = value.trim();
  if (trimmed.length < min) throw badInput(field, min === 1 ? 'must not be empty' : `must have at least ${min} characters`);
  if (trimmed.length > max) throw badInput(field, `must have at most ${max} characters`);
  return trimmed;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (no 2023-02-30). */
export function localDate(value: unknown, field: string): string {
  const m = typeof value === 'string' ? LOCAL_DATE.exec(value) : null;
  if (!m) throw badInput(field, 'must be a date in the form YYYY-MM-DD');
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw badInput(field, `${value} is not a calendar date`);
  }
  return value as string;
}

export function nonEmptyList<T>(value: T[] | undefined | null, field: string, max = 50): T[] {
  if (!Array.isArray(value) || value.length === 0) throw badInput(field, 'must list at least one value');
  if (value.length > max) throw badInput(field, `must list at most ${max} values`);
  return value;
}
