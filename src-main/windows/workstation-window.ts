import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import type { RendererLocation } from '../app-origin';
import type { Logger } from '../logger';
import { createCrashBackoff } from './crash-backoff';
import type { CrashBackoffOptions } from './crash-backoff';

/** The duty officer's / liaison's main window. */
export function workstationWindowOptions(options: {
  preloadPath: string;
  devTools: boolean;
}): BrowserWindowConstructorOptions {
  return {
    title: 'Watchfloor 应急指挥一张图',
    width: 1600,
    height: 1000,
    minWidth: 1280,
    minHeight: 720,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      // The renderer only reaches native features through window.watchfloor (preload bridge).
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.devTools,
    },
  };
}

export type WorkstationWindowDeps = {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  location: RendererLocation;
  preloadPath: string;
  devTools: boolean;
  logger: Logger;
  /** true once the app is quitting: a renderer that goes away then is not brought back */
  isQuitting: () => boolean;
  backoff?: CrashBackoffOptions;
};

export function createWorkstationWindow(deps: WorkstationWindowDeps): BrowserWindow {
  const log = deps.logger.child({ window: 'workstation' });
  const window = new deps.BrowserWindow(
    workstationWindowOptions({ preloadPath: deps.preloadPath, devTools: deps.devTools }),
  );
  window.once('ready-to-show', () => window.show());
  watchRenderer(window.webContents, {
    logger: log,
    reload: () => void load(window, deps.location.entryUrl, log),
    isQuitting: deps.isQuitting,
    backoff: deps.backoff,
  });
  void load(window, deps.location.entryUrl, log);
  return window;
}

async function load(window: BrowserWindow, url: string, log: Logger): Promise<void> {
  if (window.isDestroyed()) return;
  try {
    await window.loadURL(url);
  } catch (error) {
    // e.g. the dev server is not up yet, or out/renderer is missing; the crash/failed-load
    // handling below decides what to do next.
    log.error({ url, error: String(error) }, 'renderer failed to load');
  }
}

/**
 * Crash handling: a renderer that dies is logged and reloaded after a growing delay; a hung one is
 * logged (and logged again when it recovers). A wall screen must come back without anyone there.
 */
export function watchRenderer(
  contents: Pick<WebContents, 'on' | 'isDestroyed'>,
  deps: { logger: Logger; reload: () => void; isQuitting: () => boolean; backoff?: CrashBackoffOptions },
): void {
  const backoff = createCrashBackoff(deps.backoff);
  let pending: ReturnType<typeof setTimeout> | null = null;
  const scheduleReload = (why: object): void => {
    if (deps.isQuitting() || contents.isDestroyed() || pending) return;
    const delayMs = backoff.next();
    deps.logger.error({ ...why, delayMs, crashesInARow: backoff.count() }, 'renderer gone; reloading');
    pending = setTimeout(() => {
      pending = null;
      if (!deps.isQuitting() && !contents.isDestroyed()) deps.reload();
    }, delayMs);
  };
  contents.on('render-process-gone', (_event, details) => {
    scheduleReload({ reason: details.reason, exitCode: details.exitCode });
  });
  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    // -3 is ERR_ABORTED: a navigation we blocked or superseded, not a failure.
    if (!isMainFrame || errorCode === -3) return;
    scheduleReload({ reason: 'did-fail-load', errorCode, errorDescription, url: validatedURL });
  });
  contents.on('unresponsive', () => deps.logger.warn({}, 'renderer unresponsive'));
  contents.on('responsive', () => deps.logger.info({}, 'renderer responsive again'));
}
