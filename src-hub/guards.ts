import { MAX_COMMAND_BYTES, MAX_JSON_DEPTH } from '@common/protocol/limits';
import type { ErrorBody } from '@common/protocol/errors';

/** Keys that could reach an object's prototype if some code later merged the input. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type GuardLimits = { maxBytes: number; maxDepth: number };
const DEFAULT_LIMITS: GuardLimits = { maxBytes: MAX_COMMAND_BYTES, maxDepth: MAX_JSON_DEPTH };

/**
 * Checks untrusted input before any schema sees it: nesting depth (iteratively, so a deep input
 * cannot overflow the stack), forbidden keys anywhere, and the size of its JSON in UTF-8 bytes.
 * Returns null when the input is acceptable.
 */
export function guardInput(input: unknown, limits: GuardLimits = DEFAULT_LIMITS): ErrorBody | null {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value: input, depth: 0, path: '' }];
  let nodes = 0;
  // An upper bound of the UTF-8 JSON size (6 bytes per UTF-16 unit covers even `\uXXXX`
  // escapes): most inputs are far below the cap and need no JSON.stringify to prove it.
  let bound = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as { value: unknown; depth: number; path: string };
    if (typeof value === 'string') {
      bound += value.length * 6 + 2;
      continue;
    }
    if (value === null || typeof value !== 'object') {
      bound += 24;
      continue;
    }
    bound += 2;
    if (depth >= limits.maxDepth) {
      return { code: 'invalid_payload', message: `${path || '(root)'}: nested deeper than ${limits.maxDepth} levels` };
    }
    // NOTE: a node count bound as well, so a wide input is refused before it is serialised.
    nodes += 1;
    if (nodes > limits.maxBytes / 2) {
      return { code: 'payload_too_large', message: `more than ${limits.maxBytes} bytes` };
    }
    if (Array.isArray(value)) {
      bound += value.length;
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i], depth: depth + 1, path: `${path}[${i}]` });
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      const child = path === '' ? key : `${path}.${key}`;
      bound += key.length * 6 + 4;
      if (FORBIDDEN_KEYS.has(key)) {
        return { code: 'invalid_payload', message: `${child}: the key "${key}" is not allowed` };
      }
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: child });
    }
  }
  if (bound <= limits.maxBytes) return null;
  let bytes: number;
  try {
    bytes = Buffer.byteLength(JSON.stringify(input) ?? '', 'utf8');
  } catch {
    return { code: 'invalid_payload', message: 'not JSON-serialisable' };
  }
  if (bytes > limits.maxBytes) {
    return { code: 'payload_too_large', message: `${bytes} bytes; the limit is ${limits.maxBytes}` };
  }
  return null;
}
