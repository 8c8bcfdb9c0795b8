import type { Session } from 'electron';

/**
 * Under `electron-vite dev` the renderer comes from the Vite dev server, not from our `app:`
 * handler; put the (dev-relaxed, see csp.ts) policy on its responses too, so a CSP violation shows
 * up while developing rather than first in a packaged build.
 */
export function applyDevServerCsp(
  session: Pick<Session, 'webRequest'>,
  devServerOrigin: string,
  csp: () => string,
): void {
  session.webRequest.onHeadersReceived({ urls: [`${devServerOrigin}/*`] }, (details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [csp()];
    callback({ responseHeaders: headers });
  });
}
