import { useSyncExternalStore } from 'react';

// NOTE: one shared one-second timer for every countdown on screen; it runs only while something
// subscribes, so a closed workspace costs nothing.
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time in ms, re-rendering once a second from the shared clock. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
