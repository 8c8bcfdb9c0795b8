import { useEffect, useState } from 'react';
import { logger } from '../../logger';
import { connectionStore } from '../../sync/connection-store';
import { currentEngine } from '../../sync/runtime';

/**
 * True once this session's first catch-up has been applied to the replica: connected, then the
 * engine's event pump idle. What arrives after that arrived live (the new-incident alert, the
 * first unread baseline). It stays true through later reconnects.
 */
export function useCaughtUp(): boolean {
  const [caughtUp, setCaughtUp] = useState(false);
  useEffect(() => {
    let cancelled = false;
    let started = false;
    const settle = () => {
      if (started) return;
      started = true;
      // NOTE: the status turns online just before the engine starts its catch-up pump; waiting a
      // tick lets idle() see that pump instead of resolving at once.
      setTimeout(() => {
        void (async () => {
          try {
            await currentEngine().idle();
          } catch (error) {
            logger.warn('catch-up: engine not running', error);
          }
          if (!cancelled) setCaughtUp(true);
        })();
      }, 0);
    };
    if (connectionStore.getState().status === 'online') settle();
    const unsubscribe = connectionStore.subscribe((s) => {
      if (s.status === 'online') settle();
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, []);
  return caughtUp;
}
