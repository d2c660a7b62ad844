import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where deliveries may go (decision 116). Production: https only. Development: http too,
 * to loopback only. Never to loopback (in production), link-local, private, unique-local,
 * shared, multicast or unspecified addresses — by address, or by name once resolved —
 * unless WEBHOOK_ALLOWED_NETWORKS names the range. Checked when a subscription is made
 * and again before each attempt (a name may resolve elsewhere later); a refused address
 * is never called.
 */

export interface UrlPolicy {
  mode: 'production' | 'development';
  /** CIDR ranges allowed although special (e.g. a partner's address on a private network). */
  allowed: string[];
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const SPECIAL: Array<[string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'shared (carrier-grade NAT)'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['fc00::', 7, 'ipv6', 'unique-local (private)'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
];

function familyOf(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

/** An IPv4 address mapped into IPv6 (`::ffff:10.0.0.1`) is judged as the IPv4 one. */
function unmapped(address: string): string {
  const dotted = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1];
  // As a URL writes it: [::ffff:a00:1]
  const hex = /^(?:0*:)*:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return address;
  const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

export function parseNetworks(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function allowedList(policy: UrlPolicy): BlockList {
  const list = new BlockList();
  for (const cidr of policy.allowed) {
    const [address, bits] = cidr.split('/');
    list.addSubnet(address, Number(bits), familyOf(address));
  }
  return list;
}

/** Why an address may not be called, or null when it may. */
export function addressRefusal(raw: string, policy: UrlPolicy): string | null {
  const address = unmapped(raw);
  const family = familyOf(address);
  if (allowedList(policy).check(address, family)) return null;
  if (LOOPBACK.check(address, family)) return policy.mode === 'development' ? null : `${address} is a loopback address`;
  for (const [network, bits, fam, kind] of SPECIAL) {
    if (fam !== family) continue;
    const range = new BlockList();
    range.addSubnet(network, bits, fam);
    if (range.check(address, family)) return `${address} is a ${kind} address`;
  }
  return null;
}

/** Why the URL may not be called (in words for BAD_USER_INPUT), or null; resolves names, calls nothing. */
export async function urlRefusal(raw: string, policy: UrlPolicy): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.username || url.password) return 'must not carry a user name or password';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : await lookup(host, { all: true, verbatim: true }).then((found) => found.map((a) => a.address), () => null);
  if (!addresses || addresses.length === 0) return `names a host that does not resolve (${host})`;
  if (url.protocol === 'http:') {
    if (policy.mode === 'production') return 'must be https';
    if (!addresses.every((a) => LOOPBACK.check(unmapped(a), familyOf(unmapped(a))))) return 'must be https (http only to loopback, in development)';
  } else if (url.protocol !== 'https:') return 'must be https';
  for (const address of addresses) {
    const refusal = addressRefusal(address, policy);
    if (refusal) return `may not be called: ${refusal} (WEBHOOK_ALLOWED_NETWORKS names the ranges allowed)`;
  }
  return null;
}
