import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src-hub/auth/passwords';

const FAST = { N: 1024, r: 8, p: 1, keylen: 32 };

describe('scrypt passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const record = await hashPassword('duty123', FAST);
    expect(await verifyPassword('duty123', record)).toBe(true);
    expect(await verifyPassword('duty124', record)).toBe(false);
    expect(await verifyPassword('', record)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const a = await hashPassword('same', FAST);
    const b = await hashPassword('same', FAST);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('keeps its parameters with the hash (default is strong)', async () => {
    const record = await hashPassword('x');
    expect(JSON.parse(record.params)).toMatchObject({ N: 32768, r: 8, p: 1, keylen: 32 });
    expect(await verifyPassword('x', record)).toBe(true);
  });

  it('treats Unicode forms alike (NFC)', async () => {
    const record = await hashPassword('密码é', FAST);
    expect(await verifyPassword('密码e\u0301', record)).toBe(true);
  });

  it('never matches a malformed record', async () => {
    const record = await hashPassword('pw', FAST);
    expect(await verifyPassword('pw', { ...record, params: 'not json' })).toBe(false);
    expect(await verifyPassword('pw', { ...record, params: JSON.stringify({ N: 3, r: 1, p: 1, keylen: 32 }) })).toBe(
      false,
    );
    expect(await verifyPassword('pw', { ...record, hash: 'c2hvcnQ=' })).toBe(false);
  });
});
