import { badInput } from '../../../../platform/errors';
import { isCountryCode } from '../../../../platform/countries';

/**
 * European Case Law Identifier (Council conclusions 2011/C 127/01):
 * `ECLI:<country>:<court>:<year>:<ordinal>`. The country is 2 letters (an ISO 3166-1 code,
 * or EU for the Union's courts and CE for the Council of Europe's), the court code 1–7
 * letters or digits starting with a letter, the year 4 digits, the ordinal 1–25 letters,
 * digits and dots. ECLIs are upper case; one given in lower case is taken in upper case.
 */
const PARTS = /^ECLI:([A-Z]{2}):([A-Z0-9]{1,7}):(\d{4}):([A-Z0-9.]{1,25})$/;

/** Codes an ECLI may carry besides ISO countries: the European Union and the Council of Europe. */
export const SUPRANATIONAL = ['EU', 'CE'] as const;

export interface Ecli {
  value: string;
  country: string;
  court: string;
  year: number;
  ordinal: string;
}

export function isJurisdictionCode(code: string): boolean {
  return isCountryCode(code) || (SUPRANATIONAL as readonly string[]).includes(code);
}

/** Parses and checks an ECLI; BAD_USER_INPUT naming the part that is wrong. */
export function ecli(value: unknown, field: string): Ecli {
  if (typeof value !== 'string') throw badInput(field, 'must be a string');
  const upper = value.trim().toUpperCase();
  const parts = upper.split(':');
  const example = 'e.g. ECLI:DE:BGH:2023:123456';
  if (parts.length !== 5 || parts[0] !== 'ECLI') throw badInput(field, `${JSON.stringify(value)} is not an ECLI: five parts ECLI:<country>:<court>:<year>:<ordinal> separated by colons, ${example}`);
  const [, country, court, year, ordinal] = parts;
  if (!/^[A-Z]{2}$/.test(country) || !isJurisdictionCode(country)) throw badInput(field, `${JSON.stringify(country)} is not a country code (2 letters: ISO 3166-1, EU or CE)`);
  if (!/^[A-Z][A-Z0-9]{0,6}$/.test(court)) throw badInput(field, `${JSON.stringify(court)} is not a court code (1–7 letters or digits, starting with a letter)`);
  if (!/^\d{4}$/.test(year)) throw badInput(field, `${JSON.stringify(year)} is not a year (4 digits)`);
  if (!/^[A-Z0-9.]{1,25}$/.test(ordinal)) throw badInput(field, `${JSON.stringify(ordinal)} is not an ordinal (1–25 letters, digits and dots)`);
  if (!PARTS.test(upper)) throw badInput(field, `${JSON.stringify(value)} is not an ECLI, ${example}`);
  return { value: upper, country, court, year: Number(year), ordinal };
}
