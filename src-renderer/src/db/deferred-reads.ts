import { useEffect, useState } from 'react';

/**
 * The big tables (50,000 enterprises and their plans) are read whole on the page's thread only
 * after the map has drawn its data: the map's own worker reads them for the map, and on a 2-core
 * desk PC the page reading them at the same time delayed the first picture by seconds.
 * Without a map to wait for (it failed, or a screen has none), they are read after FALLBACK_MS.
 */
const FALLBACK_MS = 8000;

let released = false;
const listeners = new Set<() => void>();
let fallback: ReturnType<typeof setTimeout> | null = null;

/** The map has drawn its data: read the deferred tables now. Once per page; later calls do nothing. */
export function releaseDeferredReads(): void {
  if (released) return;
  released = true;
  if (fallback !== null) clearTimeout(fallback);
  fallback = null;
  for (const listener of [...listeners]) listener();
  listeners.clear();
}

/** Calls `listener` once, when deferred reads are released (at once if they are); returns an unsubscribe. */
export function onDeferredReadsReleased(listener: () => void): () => void {
  if (released) {
    listener();
    return () => {};
  }
  listeners.add(listener);
  fallback ??= setTimeout(releaseDeferredReads, FALLBACK_MS);
  return () => {
    listeners.delete(listener);
  };
}

/** Whether deferred reads may start; `deferred: false` is always released. */
export function useDeferredReadsReleased(deferred: boolean): boolean {
  const [ready, setReady] = useState(() => !deferred || released);
  useEffect(() => {
    if (ready) return;
    return onDeferredReadsReleased(() => setReady(true));
  }, [ready]);
  return ready;
}
