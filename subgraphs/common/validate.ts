import { randomBytes } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { badInput, badInputs, type FieldProblem } from '../../platform/errors';
import { isCountryCode } from '../../platform/countries';

// Input checks shared by every subgraph. Each throws BAD_USER_INPUT naming the field,
// before anything is written.

const RECORD_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * A new record id: 128 random bits, base64url (22 characters). Ids cannot be guessed or
 * enumerated from one another (a MongoDB ObjectId is a timestamp and a counter).
 */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && RECORD_ID.test(value);
}

export function recordId(value: unknown, field: string): string {
  if (!isRecordId(value)) throw badInput(field, 'is not a valid id (22 characters of A-Z, a-z, 0-9, - and _)');
  return value;
}

export function countryCode(value: unknown, field: string): string {
  if (!isCountryCode(value)) {
    throw badInput(field, `${JSON.stringify(value)} is not an ISO 3166-1 alpha-2 country code`);
  }
  return value;
}

const LANGUAGE = /^[a-z]{2,3}$/;

/** An ISO 639 language code: two lower-case letters, or three where there is no two-letter code (`uk`, `sq`, `rom`). */
export function languageCode(value: unknown, field: string): string {
  if (typeof value !== 'string' || !LANGUAGE.test(value)) throw badInput(field, `${JSON.stringify(value)} is not an ISO 639 language code (e.g. en, uk)`);
  return value;
}

/** A list of language codes, each checked under `field[i]`. */
export function languageCodes(values: readonly unknown[] | null | undefined, field: string): string[] {
  return (values ?? []).map((value, i) => languageCode(value, `${field}[${i}]`));
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

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An RFC 3339 date-time with its offset (2030-01-31T12:00:00Z). Taken as a string and
 * checked here rather than as a custom scalar: a scalar rejected by a subgraph reaches
 * the caller through the gateway as an internal error, not as BAD_USER_INPUT.
 */
export function dateTime(value: unknown, field: string): Date {
  const m = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!m) throw badInput(field, 'must be a date-time such as 2030-01-31T12:00:00Z');
  localDate(m[1], field);
  if (+m[2] > 23 || +m[3] > 59 || +m[4] > 59 || (m[7] !== undefined && (+m[7] > 23 || +m[8] > 59))) {
    throw badInput(field, `${value} is not a valid time of day`);
  }
  const millis = (m[5] ?? '').slice(0, 4);
  return new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}${millis}${m[6]}`);
}

export function nonEmptyList<T>(value: T[] | undefined | null, field: string, max = 50): T[] {
  if (!Array.isArray(value) || value.length === 0) throw badInput(field, 'must list at least one value');
  if (value.length > max) throw badInput(field, `must list at most ${max} values`);
  return value;
}

/**
 * Checks every field of an input and answers all that are wrong at once (one
 * BAD_USER_INPUT with `extensions.fields`), before anything is written. Each check is one
 * of the checks above (or anything that throws `badInput`); the result holds each check's
 * value under its name. Any other error (the database) is thrown as it is.
 *
 *   const v = await checkAll({ name: () => text(input.name, 'input.name'), born: () => localDate(input.born, 'input.born') });
 */
export async function checkAll<T extends Record<string, () => unknown>>(checks: T): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const problems: FieldProblem[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, check] of Object.entries(checks)) {
    try {
      values[name] = await check();
    } catch (error) {
      if (!(error instanceof GraphQLError) || error.extensions.code !== 'BAD_USER_INPUT') throw error;
      problems.push(...((error.extensions.fields as FieldProblem[] | undefined) ?? [{ path: String(error.extensions.field), message: error.message }]));
    }
  }
  if (problems.length > 0) throw badInputs(problems);
  return values as { [K in keyof T]: Awaited<ReturnType<T[K]>> };
}

/** Each item of a list checked under its own path (`field[i]`): every wrong item is named, not only the first. */
export async function checkEach<T, R>(items: readonly T[], check: (item: T, i: number) => R): Promise<Array<Awaited<R>>> {
  const checked = await checkAll(Object.fromEntries(items.map((item, i) => [String(i), () => check(item, i)])));
  return items.map((_, i) => checked[String(i)] as Awaited<R>);
}

/**
 * The value of a field's check, or undefined when it is wrong: for a check of one field
 * that compares with another (endsOn after startsOn), where the other field's own entry
 * in `checkAll` names its problem, so it is not named twice.
 */
export function validOrUndefined<T>(check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') return undefined;
    throw error;
  }
}

/** The 183 two-letter codes of ISO 639-1 (as maintained by the Library of Congress, its registration authority). */
const ISO_639_1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu ' +
    'fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ' +
    'ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os ' +
    'pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ' +
    'ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

/** An ISO 639-1 language code: two lower-case letters that the standard assigns (`de`, `sq`; not `xx`, not `rom`). */
export function iso639_1(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ISO_639_1.has(value)) throw badInput(field, `${JSON.stringify(value)} is not an ISO 639-1 language code (two letters, e.g. en, de, sq)`);
  return value;
}
