import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_BYTES, MAX_JSON_DEPTH } from '@common/protocol/limits';
import { guardInput } from '../../../src-hub/guards';

function nest(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? { k: v } : [v];
  return v;
}

describe('payload guards', () => {
  it('accepts ordinary input', () => {
    expect(guardInput({ id: 'x', type: 'y', payload: { a: [1, 2, { b: 'c' }] } })).toBeNull();
    expect(guardInput(null)).toBeNull();
    expect(guardInput('text')).toBeNull();
  });

  it('caps nesting depth, with the exact boundary', () => {
    expect(guardInput(nest(MAX_JSON_DEPTH))).toBeNull();
    expect(guardInput(nest(MAX_JSON_DEPTH + 1))).toMatchObject({ code: 'invalid_payload' });
  });

  it('survives nesting far beyond the stack (iterative walk)', () => {
    expect(guardInput(nest(200_000))).toMatchObject({
      code: 'invalid_payload',
      message: expect.stringMatching(/deeper/),
    });
  });

  it('refuses __proto__, constructor and prototype keys anywhere, naming the path', () => {
    const own = JSON.parse('{"a":{"b":[{"__proto__":{"polluted":true}}]}}') as unknown;
    expect(guardInput(own)).toEqual({
      code: 'invalid_payload',
      message: expect.stringMatching(/a\.b\[0\]\.__proto__/),
    });
    expect(guardInput({ constructor: 1 })).toMatchObject({ code: 'invalid_payload' });
    expect(guardInput({ x: { prototype: {} } })).toMatchObject({ code: 'invalid_payload' });
    expect(guardInput({ constructorName: 1, proto: 2 })).toBeNull();
  });

  it('caps size in UTF-8 bytes, not characters', () => {
    const limit = { maxBytes: 1000, maxDepth: MAX_JSON_DEPTH };
    expect(guardInput({ t: 'x'.repeat(980) }, limit)).toBeNull();
    // 400 CJK characters are 1200 bytes
    expect(guardInput({ t: '字'.repeat(400) }, limit)).toMatchObject({ code: 'payload_too_large' });
    expect(guardInput({ t: 'x'.repeat(MAX_COMMAND_BYTES) })).toMatchObject({ code: 'payload_too_large' });
  });

  it('refuses very wide input before serialising it', () => {
    const wide = Array.from({ length: 200_000 }, () => ({}));
    expect(guardInput(wide)).toMatchObject({ code: 'payload_too_large' });
  });

  it('never throws, whatever JSON arrives (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 40 }), (v) => {
        const r = guardInput(v);
        expect(r === null || typeof r.code === 'string').toBe(true);
      }),
    );
  });
});
