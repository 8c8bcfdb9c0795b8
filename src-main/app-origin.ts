/**
 * Where the renderer lives. Packaged and `electron-vite build` runs load it from our own privileged
 * scheme (`app://watchfloor/...`, served by protocol/app-protocol.ts); `electron-vite dev` loads it
 * from the Vite dev server named in ELECTRON_RENDERER_URL. Everything that decides "is this our own
 * page?" (IPC sender check, navigation lock, permissions) asks this module, never a string literal.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'watchfloor';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

export type RendererLocation = {
  /** the URL the window loads */
  readonly entryUrl: string;
  /** origins whose documents count as our own renderer */
  readonly trustedOrigins: ReadonlyArray<string>;
  /** the dev server URL when running under `electron-vite dev`, else null */
  readonly devServerUrl: string | null;
};

/** Parses a URL's origin; null for anything unparsable or opaque (`data:`, `about:blank`, `file:`). */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // NOTE: WHATWG URL gives non-special schemes an opaque "null" origin; our `app:` scheme is
    // registered as standard in Electron, so rebuild it the way Chromium sees it.
    if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === '' ? null : `${APP_SCHEME}://${parsed.host}`;
    return parsed.origin === 'null' ? null : parsed.origin;
  } catch {
    return null;
  }
}

/**
 * Decides where the renderer comes from. The dev server URL is honoured only when the app is not
 * packaged: a packaged build must never be pointed at another page by an environment variable.
 */
export function resolveRendererLocation(env: {
  devServerUrl: string | undefined;
  isPackaged: boolean;
}): RendererLocation {
  const dev = !env.isPackaged && env.devServerUrl ? originOf(env.devServerUrl) : null;
  if (dev && (dev.startsWith('http://') || dev.startsWith('https://')) && env.devServerUrl) {
    return { entryUrl: env.devServerUrl, trustedOrigins: [dev], devServerUrl: env.devServerUrl };
  }
  return { entryUrl: APP_INDEX_URL, trustedOrigins: [APP_ORIGIN], devServerUrl: null };
}

/** True when `url` is a document of our own renderer. */
export function isTrustedRendererUrl(url: string, location: RendererLocation): boolean {
  const origin = originOf(url);
  return origin !== null && location.trustedOrigins.includes(origin);
}
