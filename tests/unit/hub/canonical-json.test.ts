import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, chainHash } from '../../../src-hub/store/canonical-json';

function shuffleKeys(value: unknown, rnd: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, rnd));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    entries.sort(() => rnd() - 0.5);
    return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, rnd)]));
  }
  return value;
}

describe('canonical JSON', () => {
  it('sorts keys at every level, leaves arrays in order, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, 2], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1,2]},"b":1}');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson('é"\n')).toBe('"é\\"\\n"');
    expect(canonicalJson({ 中: 1, a: 2 })).toBe('{"a":2,"中":1}');
  });

  it('leaves out undefined members, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson([undefined])).toBe('[null]');
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow();
    expect(() => canonicalJson(() => 1)).toThrow();
    expect(() => canonicalJson(BigInt(1))).toThrow();
  });

  it('does not depend on key order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        let s = seed;
        const rnd = (): number => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
        expect(canonicalJson(shuffleKeys(value, rnd))).toBe(canonicalJson(value));
      }),
    );
  });

  it('round-trips through JSON.parse to the same canonical text (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('chains: hash = SHA-256(prev ‖ canonical), any change to either changes it', () => {
    const c = canonicalJson({ seq: 1, type: 'x' });
    const expected = createHash('sha256')
      .update(GENESIS_HASH + c)
      .digest('hex');
    expect(chainHash(GENESIS_HASH, c)).toBe(expected);
    expect(chainHash(GENESIS_HASH, c)).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash('1'.repeat(64), c)).not.toBe(expected);
    expect(chainHash(GENESIS_HASH, canonicalJson({ seq: 1, type: 'y' }))).not.toBe(expected);
  });
});
