import { randomInt } from 'node:crypto';
import { badInput } from '../../../platform/errors';

/**
 * Certificate codes people read aloud and type: `WB-2026-7KQ4-M9XD` — the issuing body,
 * the year of issue, seven random characters and a check character. The alphabet is
 * Crockford's base 32 (no I, L, O or U, which are misread as 1, 0 and V), and the check
 * character is Luhn mod 32 over every character of the code: it catches any single
 * mistyped character and most swaps of neighbours, so a typo answers "mistyped", never
 * another person's certificate.
 */

export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = ALPHABET.length;
const RANDOM_LENGTH = 7;

const BODY = `[${ALPHABET}]{2,4}`;
const CODE = new RegExp(`^(${BODY})-(\\d{4})-([${ALPHABET}]{4})-([${ALPHABET}]{4})$`);
const BODY_ID = new RegExp(`^${BODY}$`);

/** An accreditation body's id is its code prefix: 2–4 characters of the alphabet (e.g. WB). */
export function isBodyId(value: unknown): value is string {
  return typeof value === 'string' && BODY_ID.test(value);
}

/** Luhn mod N: from the right, every second value doubled and its "digits" in base N added. */
function luhnSum(values: number[], doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let i = values.length - 1; i >= 0; i--) {
    let v = values[i];
    if (double) {
      v *= 2;
      v = Math.floor(v / N) + (v % N);
    }
    sum += v;
    double = !double;
  }
  return sum % N;
}

const valuesOf = (code: string) => [...code.replace(/-/g, '')].map((c) => ALPHABET.indexOf(c));

function checkCharacter(withoutCheck: string): string {
  return ALPHABET[(N - luhnSum(valuesOf(withoutCheck), true)) % N];
}

/** A fresh code of a body for a year (`draw`: a random whole number below n; the demo seed's is repeatable). */
export function newCertificateCode(bodyId: string, year: number, draw: (n: number) => number = randomInt): string {
  const random = Array.from({ length: RANDOM_LENGTH }, () => ALPHABET[draw(N)]).join('');
  const body = `${bodyId}-${year}-${random.slice(0, 4)}-${random.slice(4)}`;
  return body + checkCharacter(body);
}

/**
 * A code as typed (spaces and case forgiven): BAD_USER_INPUT naming the field when it
 * is not shaped like a code, or when its check character does not match.
 */
export function certificateCode(value: unknown, field = 'code'): string {
  const code = typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : '';
  if (!CODE.test(code)) {
    const outside = [...code.replace(/-/g, '')].find((c) => !ALPHABET.includes(c));
    const hint = outside ? ` (${JSON.stringify(outside)} is never used in codes: I, L, O and U are left out)` : '';
    throw badInput(field, `is not a certificate code such as WB-2026-7KQ4-M9XD${hint}`);
  }
  if (luhnSum(valuesOf(code), false) !== 0) throw badInput(field, 'the check character does not match: a character of the code was mistyped');
  return code;
}

const CATALOG_CODE = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;

/** A program or module code as typed (case forgiven), e.g. WB-VA-101: BAD_USER_INPUT naming the field otherwise. */
export function catalogCode(value: unknown, field: string): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!CATALOG_CODE.test(code) || code.length > 40) throw badInput(field, 'is not a program or module code such as WB-VA-101 (letters, digits and hyphens, at most 40)');
  return code;
}

/** A body id from the arguments: BAD_USER_INPUT naming the field otherwise. */
export function bodyId(value: unknown, field: string): string {
  if (!isBodyId(value)) throw badInput(field, 'is not the id of an accreditation body (2–4 capital letters or digits, e.g. WB)');
  return value;
}
