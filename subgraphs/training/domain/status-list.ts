import { gunzipSync, gzipSync } from 'node:zlib';
import { positionOf, type DenseLog } from '../../common/storage';
import type { StatusPositionRecord } from '../models';

/**
 * The W3C Bitstring Status List v1.0 (https://www.w3.org/TR/vc-bitstring-status-list/):
 * each certificate holds one index in its body's lists, given once and never again
 * (`StatusIndexes`, models.ts: the position of an entry of the body's dense log), and each
 * body publishes per purpose a list credential whose bit at that index is 1 while the
 * certificate is revoked (for good) or suspended (until it is reinstated). The lists are
 * built from the certificates' status on each request, so a status change flips its bit
 * in the next list served.
 */

export const STATUS_PURPOSES = ['revocation', 'suspension'] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

/** 16 KB uncompressed, the specification's minimum (131,072 entries): a list this long hides which bit is whose. */
export const LIST_BITS = 131_072;

/** Where one certificate's bits are: list number (1, 2, …) and index in it, from the position its body gave it (1, 2, …). */
export function statusSlotOf(position: number): { list: number; index: number } {
  if (!Number.isInteger(position) || position < 1) throw new Error(`not a status position: ${position}`);
  return { list: Math.floor((position - 1) / LIST_BITS) + 1, index: (position - 1) % LIST_BITS };
}

/**
 * The list's `encodedList`: the bitstring (index 0 the first byte's most significant bit,
 * as the specification orders it), GZIP-compressed, base64url without padding, with the
 * multibase prefix `u`.
 */
export function encodedList(setIndexes: Iterable<number>): string {
  const bytes = new Uint8Array(LIST_BITS / 8);
  for (const index of setIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= LIST_BITS) throw new Error(`status index out of the list: ${index}`);
    bytes[index >> 3] |= 0x80 >> (index & 7);
  }
  return `u${gzipSync(bytes).toString('base64url')}`;
}

/** Whether the bit at `index` of an `encodedList` is set (the hub's own reading; tests check it with an independent library too). */
export function bitOf(encoded: string, index: number): boolean {
  if (!encoded.startsWith('u')) throw new Error('an encodedList starts with the multibase prefix "u"');
  const bytes = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'), { maxOutputLength: 16 * LIST_BITS }); // bounded: a list is no zip bomb
  if (index < 0 || index >= bytes.length * 8) throw new Error(`status index ${index} is outside a list of ${bytes.length * 8} entries`);
  return (bytes[index >> 3] & (0x80 >> (index & 7))) !== 0;
}

/**
 * The next position in a body's status lists, for the certificate `code`: one entry
 * appended to the body's dense log (common/storage/dense-log.ts), whose unique `_id`
 * refuses a position already given, so no two certificates share one, in any process.
 * A position whose certificate was never written (its issuance failed) stays unused.
 */
export async function takeStatusPosition(log: DenseLog<StatusPositionRecord>, bodyId: string, code: string, at: Date): Promise<number> {
  const [id] = await log.append(`status/${bodyId}`, [{ certificate: code, at }]);
  return positionOf(id);
}
