import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import type { PasswordRecord } from '../store/types';

const ParamsSchema = z.strictObject({
  N: z
    .int()
    .min(1024)
    .max(1 << 20),
  r: z.int().min(1).max(32),
  p: z.int().min(1).max(16),
  keylen: z.int().min(16).max(128),
});
type ScryptParams = z.infer<typeof ParamsSchema>;

/** OWASP's scrypt minimum (N=2^17, r=8, p=1) costs ~128 MiB; 2^15 keeps logins < 100 ms on a small hub. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 1 << 15, r: 8, p: 1, keylen: 32 };

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, params.keylen, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<PasswordRecord> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return { hash: key.toString('base64'), salt: salt.toString('base64'), params: JSON.stringify(params) };
}

/** Constant-time comparison of the derived key; a malformed record never matches. */
export async function verifyPassword(password: string, record: PasswordRecord): Promise<boolean> {
  let params: ScryptParams;
  try {
    params = ParamsSchema.parse(JSON.parse(record.params));
  } catch {
    return false;
  }
  const expected = Buffer.from(record.hash, 'base64');
  if (expected.length !== params.keylen) return false;
  const key = await derive(password, Buffer.from(record.salt, 'base64'), params);
  return timingSafeEqual(key, expected);
}

// A record for an unknown user name: the same work is done, so timing does not tell names apart.
let dummy: Promise<PasswordRecord> | undefined;
export function dummyPasswordRecord(): Promise<PasswordRecord> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}
