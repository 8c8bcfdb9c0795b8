import type { WatchfloorBridge } from '@common/bridge';
import { webBridge } from './web-bridge';

declare global {
  interface Window {
    /** set by the Electron preload; absent in a plain browser */
    watchfloor?: WatchfloorBridge;
  }
}

/** The native bridge inside the desktop app, the web fallback anywhere else. */
export function bridge(): WatchfloorBridge {
  return window.watchfloor ?? webBridge;
}
