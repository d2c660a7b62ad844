import { createHmac, randomBytes } from 'node:crypto';
import { badInput } from '../../../platform/errors';

/**
 * Cross-border duplicate detection without moving identities: every jurisdiction stores
 * only a keyed hash (HMAC-SHA256, hub-wide secret) of the normalized name, date of birth
 * and nationality. Equal hashes mean "possibly the same person"; the hash alone reveals
 * nothing without the key.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // strip diacritics: "José" = "Jose"
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .sort() // name order differs between cultures and forms
    .join(' ');
}

export function identityHash(key: string, legalName: string, dateOfBirth: string | null, nationality: string): string | null {
  if (!dateOfBirth) return null; // too weak to match on a name alone
  return createHmac('sha256', key).update(`${normalizeName(legalName)}|${dateOfBirth}|${nationality}`).digest('hex');
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud on the phone

/** Pseudonymous, unguessable, says nothing about the person: e.g. `DE-2026-7F3KQ9`. */
export function newCaseReference(jurisdiction: string, now: Date): string {
  const bytes = randomBytes(6);
  const suffix = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${jurisdiction}-${now.getUTCFullYear()}-${suffix}`;
}

const CASE_REFERENCE = /^[A-Z]{2}-[A-Z0-9]{4}-[A-Z0-9]{6}$/;

/** A case reference as a caller may type it (spaces around, lower case): `DE-2026-7F3KQ9`, or the demo's `DE-DEMO-000001`. */
export function caseReferenceOf(value: unknown, field: string): string {
  const reference = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!CASE_REFERENCE.test(reference)) throw badInput(field, 'is not a case reference such as DE-2026-7F3KQ9');
  return reference;
}
