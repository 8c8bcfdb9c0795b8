import { createHash } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID-shaped id derived from a name (SHA-256), so that the same external reference always
 * maps to the same command and incident. It does not sort by time like a fresh ULID.
 */
export function deterministicUlid(namespace: string, name: string): string {
  const digest = createHash('sha256').update(`${namespace}\u0000${name}`, 'utf8').digest();
  let out = CROCKFORD.charAt((digest[0] ?? 0) & 7); // first char 0-7 keeps it a valid ULID
  for (let i = 1; i < 26; i++) out += CROCKFORD.charAt((digest[i] ?? 0) & 31);
  return out;
}
