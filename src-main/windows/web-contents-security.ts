import type { Session, Shell, WebContents } from 'electron';
import { isTrustedRendererUrl, originOf } from '../app-origin';
import type { RendererLocation } from '../app-origin';
import type { Logger } from '../logger';

/**
 * Locks down every WebContents and the session they share: no navigation away from our renderer,
 * no new windows, no webviews, and permissions denied by default. index.ts applies
 * `hardenWebContents` from `app.on('web-contents-created')`, so it covers contents we did not
 * expect to exist as well as the workstation window.
 */

/** http(s) links the renderer may hand to the system browser; nothing else leaves the app. */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > 2_000) return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

type HardenTarget = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function hardenWebContents(
  contents: HardenTarget,
  deps: { location: RendererLocation; shell: Pick<Shell, 'openExternal'>; logger: Logger },
): void {
  const log = deps.logger;
  const guard = (kind: string) => (event: { preventDefault(): void }, url: string) => {
    if (isTrustedRendererUrl(url, deps.location)) return;
    event.preventDefault();
    log.warn({ kind, url }, 'navigation away from the app blocked');
  };
  contents.on('will-navigate', guard('will-navigate'));
  contents.on('will-redirect', guard('will-redirect'));
  // NOTE: <webview> is off (webviewTag: false); refuse attaching one anyway, whatever asks.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn({}, 'webview attach blocked');
  });
  contents.setWindowOpenHandler((details) => {
    // The app never opens a second window of its own. An http(s) link (a plan's document, a map
    // attribution) goes to the system browser, outside our origin, session and bridge; any other
    // scheme (file:, smb:, custom protocol handlers) could run something local, so it is refused.
    if (isSafeExternalUrl(details.url) && !isTrustedRendererUrl(details.url, deps.location)) {
      log.info({ url: details.url }, 'opening link in the system browser');
      deps.shell.openExternal(details.url).catch((error: unknown) => {
        log.warn({ url: details.url, error: String(error) }, 'system browser could not open link');
      });
    } else {
      log.warn({ url: details.url }, 'window.open blocked');
    }
    return { action: 'deny' };
  });
}

/**
 * Permissions our own renderer may have. Everything else — camera, microphone, geolocation, MIDI,
 * HID/serial/USB, clipboard reading, screen capture, web notifications — is denied:
 * - notifications: the renderer asks for a native one through the bridge (validated, rate-limited,
 *   respects "muted"), so the web Notification permission would only be a second, unchecked path;
 * - fullscreen: allowed, the wall view and MapLibre's fullscreen control use element.requestFullscreen.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen']);

export function isPermissionAllowed(permission: string, requestingUrl: string, location: RendererLocation): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrustedRendererUrl(requestingUrl, location);
}

type SecuredSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

export function applySessionPermissions(
  session: SecuredSession,
  deps: { location: RendererLocation; logger: Logger },
): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const url = details.requestingUrl || contents.getURL();
    const allowed = isPermissionAllowed(permission, url, deps.location);
    if (!allowed) deps.logger.warn({ permission, url }, 'permission request denied');
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    // Checks carry an origin, not a URL; compare origins.
    const origin = originOf(requestingOrigin) ?? requestingOrigin;
    return ALLOWED_PERMISSIONS.has(permission) && deps.location.trustedOrigins.includes(origin);
  });
}
