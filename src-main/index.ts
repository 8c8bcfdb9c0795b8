import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Notification, protocol, session, shell, utilityProcess } from 'electron';
import type { BrowserWindow as BrowserWindowType } from 'electron';
import { APP_SCHEME, isTrustedRendererUrl, originOf, resolveRendererLocation } from './app-origin';
import { buildCsp } from './csp';
import { createEmbeddedHub, DEFAULT_READY_TIMEOUT_MS } from './embedded-hub';
import { createHubConnectionManager } from './hub-connection';
import type { HubConnectionManager } from './hub-connection';
import { createNodeForkSpawner, createUtilityProcessSpawner, resolveDevNodePath } from './hub-spawners';
import { createIpcRegistrar } from './ipc/handle';
import { registerIpcHandlers } from './ipc/handlers';
import { createNativeNotifier } from './ipc/notifications';
import { createDocumentSaver } from './ipc/save-document';
import { createLogger, errorFields } from './logger';
import { createAppProtocolHandler } from './protocol/app-protocol';
import { applyDevServerCsp } from './protocol/dev-csp';
import { createSettingsStore } from './settings/settings-store';
import { applySessionPermissions, hardenWebContents } from './windows/web-contents-security';
import { createWorkstationWindow } from './windows/workstation-window';

/**
 * Main-process lifecycle only: single instance → ready → settings → embedded hub (when no hubUrl)
 * → workstation window; quit stops the embedded hub. Everything else lives in the modules above.
 */
const log = createLogger('main');
const location = resolveRendererLocation({
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  isPackaged: app.isPackaged,
});

// NOTE: out/main/index.cjs sits next to hub.cjs; ../preload and ../renderer are its siblings.
const HUB_ENTRY = join(__dirname, 'hub.cjs');
const PRELOAD = join(__dirname, '../preload/index.cjs');
const RENDERER_ROOT = join(__dirname, '../renderer');

// Must happen before 'ready'. `standard` gives the renderer a real origin (storage for Dexie,
// relative URLs); fetch and CORS are allowed for its own assets. NOTE: not `secure` — a secure
// origin would block plain http:/ws: to a hub on the county LAN as mixed content, and the renderer
// already has to work in a non-secure context (the browser build served over LAN http).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, supportFetchAPI: true, corsEnabled: true, stream: true } },
]);
// Every renderer sandboxed, whatever its webPreferences say.
app.enableSandbox();
// The map is WebGL2. On a PC without a usable GPU (old wall-screen PCs, remote desktops) Chromium
// draws WebGL with SwiftShader only when allowed to, and newer Chromiums no longer allow it by
// default. "unsafe" is about exposing SwiftShader's JIT to arbitrary web pages; this renderer runs
// only our own bundle (CSP). Compositing stays Chromium's choice: software on such a PC.
app.commandLine.appendSwitch('enable-unsafe-swiftshader');

let workstation: BrowserWindowType | null = null;
let hubs: HubConnectionManager | null = null;
let quitting = false;
let cleanedUp = false;

function focusWorkstation(): void {
  if (!workstation || workstation.isDestroyed()) return;
  if (workstation.isMinimized()) workstation.restore();
  workstation.show();
  workstation.focus();
}

function openWorkstation(): void {
  workstation = createWorkstationWindow({
    BrowserWindow,
    location,
    preloadPath: PRELOAD,
    devTools: !app.isPackaged,
    logger: log,
    isQuitting: () => quitting,
  });
  workstation.on('closed', () => (workstation = null));
}

async function start(): Promise<void> {
  await app.whenReady();
  const userData = app.getPath('userData');
  const settings = createSettingsStore({ dir: userData, logger: log.child({ module: 'settings' }) });
  await settings.load();

  const hubData = join(userData, 'hub-data');
  const spawn = app.isPackaged
    ? createUtilityProcessSpawner({ utilityProcess, env: process.env })
    : createNodeForkSpawner({ nodePath: resolveDevNodePath(process.env), env: process.env });
  const manager = createHubConnectionManager({
    settings,
    logger: log.child({ module: 'hub-connection' }),
    createEmbeddedHub: () => {
      mkdirSync(hubData, { recursive: true });
      return createEmbeddedHub({ spawn, entry: HUB_ENTRY, dataDir: hubData, logger: log.child({ module: 'hub' }) });
    },
  });
  hubs = manager;

  const csp = (): string => buildCsp({ hubUrl: manager.effectiveHubUrl(), devServerUrl: location.devServerUrl });
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: RENDERER_ROOT, csp }));
  const devOrigin = location.devServerUrl ? originOf(location.devServerUrl) : null;
  if (devOrigin) applyDevServerCsp(session.defaultSession, devOrigin, csp);
  applySessionPermissions(session.defaultSession, { location, logger: log });

  const ipc = createIpcRegistrar({
    ipcMain,
    isTrustedUrl: (url) => isTrustedRendererUrl(url, location),
    logger: log.child({ module: 'ipc' }),
  });
  registerIpcHandlers(ipc, {
    settings,
    hubConnection: () => manager.connection(),
    notify: createNativeNotifier({ Notification, onClick: focusWorkstation, logger: log }),
    saveDocument: createDocumentSaver({
      // NOTE: modal to the workstation window when it exists, so the dialog cannot hide behind it.
      showSaveDialog: (options) =>
        workstation && !workstation.isDestroyed()
          ? dialog.showSaveDialog(workstation, options)
          : dialog.showSaveDialog(options),
      writeFile: (path, data) => writeFile(path, data),
      defaultDir: () => app.getPath('documents'),
    }),
  });

  // The renderer's CSP names the hub it may connect to, so the page is reloaded whenever that
  // changes (hubUrl edited in settings, or the embedded hub came up late or on a new port).
  manager.onEffectiveUrlChange((url) => {
    log.info({ url }, 'effective hub changed; reloading the renderer for its new CSP');
    if (workstation && !workstation.isDestroyed()) workstation.webContents.reload();
  });

  // Wait for the embedded hub before the first page load, but never longer than one ready timeout:
  // a hub that is still restarting must not keep the window from appearing.
  await Promise.race([manager.start(), new Promise((resolve) => setTimeout(resolve, DEFAULT_READY_TIMEOUT_MS))]);
  if (!quitting) openWorkstation();

  app.on('activate', () => {
    if (!workstation && !quitting) openWorkstation();
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Watchfloor owns this profile (settings, embedded hub data): hand over to it.
  app.quit();
} else {
  app.on('second-instance', focusWorkstation);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { location, shell, logger: log }));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    quitting = true;
    if (cleanedUp || !hubs) return;
    // Hold the quit until the embedded hub has shut down (SIGTERM, then SIGKILL after its grace).
    event.preventDefault();
    const manager = hubs;
    hubs = null;
    manager
      .stop()
      .catch((error: unknown) => log.error(errorFields(error), 'embedded hub did not stop cleanly'))
      .finally(() => {
        cleanedUp = true;
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  start().catch((error: unknown) => {
    log.error(errorFields(error), 'Watchfloor failed to start');
    quitting = true;
    void (hubs?.stop() ?? Promise.resolve()).finally(() => app.exit(1));
  });
}
