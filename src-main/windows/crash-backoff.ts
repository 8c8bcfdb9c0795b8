/**
 * Delay before reloading a renderer that died: doubles with each crash in a row, capped, and
 * forgets old crashes once the renderer has stayed up for a while. Keeps a crash loop from
 * spinning a CPU while an unattended wall screen still comes back on its own.
 */
export type CrashBackoffOptions = {
  baseMs?: number;
  maxMs?: number;
  /** a crash this long after the previous one starts the count again */
  resetAfterMs?: number;
  now?: () => number;
};

export type CrashBackoff = {
  /** Records a crash and returns how long to wait before reloading. */
  next(): number;
  /** crashes counted in the current run */
  count(): number;
};

export function createCrashBackoff(options: CrashBackoffOptions = {}): CrashBackoff {
  const baseMs = options.baseMs ?? 1_000;
  const maxMs = options.maxMs ?? 60_000;
  const resetAfterMs = options.resetAfterMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  let crashes = 0;
  let last = -Infinity;
  return {
    next() {
      const at = now();
      if (at - last > resetAfterMs) crashes = 0;
      last = at;
      crashes += 1;
      return Math.min(baseMs * 2 ** (crashes - 1), maxMs);
    },
    count: () => crashes,
  };
}
