import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_INDEX_URL, resolveRendererLocation } from '../../../src-main/app-origin';
import { createCrashBackoff } from '../../../src-main/windows/crash-backoff';
import {
  applySessionPermissions,
  hardenWebContents,
  isSafeExternalUrl,
} from '../../../src-main/windows/web-contents-security';
import {
  createWorkstationWindow,
  watchRenderer,
  workstationWindowOptions,
} from '../../../src-main/windows/workstation-window';
import { recordingLogger } from './helpers';

// The modules under test take Electron objects as parameters; the mock only guarantees that nothing
// reaches for the real (unloadable under Node) electron module behind the test's back.
vi.mock('electron', () => ({}));

const packaged = resolveRendererLocation({ devServerUrl: undefined, isPackaged: true });
const dev = resolveRendererLocation({ devServerUrl: 'http://localhost:5173/', isPackaged: false });

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return APP_INDEX_URL;
  }
}

const navigationEvent = () => ({ preventDefault: vi.fn() });

describe('workstation window options', () => {
  it('isolates and sandboxes the renderer, with no Node and web security on', () => {
    const options = workstationWindowOptions({ preloadPath: '/app/out/preload/index.cjs', devTools: false });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(options.show).toBe(false);
  });

  it('creates the window with those options, loads the app entry and shows it when ready', () => {
    const created: Array<{ options: BrowserWindowConstructorOptions; window: FakeWindow }> = [];
    class FakeWindow extends EventEmitter {
      webContents = new FakeContents();
      loadURL = vi.fn(async () => undefined);
      show = vi.fn();
      isDestroyed = () => false;
      constructor(options: BrowserWindowConstructorOptions) {
        super();
        created.push({ options, window: this });
      }
    }
    createWorkstationWindow({
      BrowserWindow: FakeWindow as never,
      location: packaged,
      preloadPath: '/p/index.cjs',
      devTools: false,
      logger: recordingLogger(),
      isQuitting: () => false,
    });
    expect(created).toHaveLength(1);
    const [{ options, window }] = created as [(typeof created)[number]];
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(window.loadURL).toHaveBeenCalledWith('app://watchfloor/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });
});

describe('navigation and new windows', () => {
  function hardened(location = packaged) {
    const contents = new FakeContents();
    const shell = { openExternal: vi.fn(async () => undefined) };
    const logger = recordingLogger();
    hardenWebContents(contents as never, { location, shell, logger });
    return { contents, shell, logger };
  }

  it('blocks navigation and redirects away from the app origin', () => {
    const { contents, logger } = hardened();
    for (const kind of ['will-navigate', 'will-redirect']) {
      for (const url of [
        'https://evil.example/',
        'file:///etc/passwd',
        'app://watchfloor.evil/',
        'http://localhost:5173/',
        'javascript:alert(1)',
      ]) {
        const event = navigationEvent();
        contents.emit(kind, event, url);
        expect(event.preventDefault, `${kind} ${url}`).toHaveBeenCalled();
      }
      const own = navigationEvent();
      contents.emit(kind, own, 'app://watchfloor/incidents');
      expect(own.preventDefault).not.toHaveBeenCalled();
    }
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(10);
  });

  it('in dev, the dev server is our origin and app:// is not', () => {
    const { contents } = hardened(dev);
    const toDev = navigationEvent();
    contents.emit('will-navigate', toDev, 'http://localhost:5173/#/x');
    expect(toDev.preventDefault).not.toHaveBeenCalled();
    const toOther = navigationEvent();
    contents.emit('will-navigate', toOther, 'http://localhost:5174/');
    expect(toOther.preventDefault).toHaveBeenCalled();
  });

  it('denies every window.open; only http(s) links go to the system browser', () => {
    const { contents, shell } = hardened();
    const open = (url: string) => contents.openHandler?.({ url });
    expect(open('https://www.mem.gov.cn/plan.pdf')).toEqual({ action: 'deny' });
    expect(open('http://10.0.0.9/doc')).toEqual({ action: 'deny' });
    expect(shell.openExternal.mock.calls).toEqual([['https://www.mem.gov.cn/plan.pdf'], ['http://10.0.0.9/doc']]);
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'smb://host/share',
      'javascript:alert(1)',
      'ms-msdt:/id',
      'https://user:pw@host/',
      APP_INDEX_URL,
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).toHaveBeenCalledTimes(2);
  });

  it('refuses webviews', () => {
    const { contents } = hardened();
    const event = navigationEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
    expect(isSafeExternalUrl('https://x.cn/' + 'a'.repeat(3000))).toBe(false);
  });
});

describe('permissions', () => {
  function secured() {
    let request: ((...args: Array<unknown>) => void) | null = null;
    let check: ((...args: Array<unknown>) => boolean) | null = null;
    const session = {
      setPermissionRequestHandler: vi.fn((h) => (request = h)),
      setPermissionCheckHandler: vi.fn((h) => (check = h)),
    };
    applySessionPermissions(session as never, { location: packaged, logger: recordingLogger() });
    const ask = (permission: string, requestingUrl: string): boolean => {
      let granted: boolean | null = null;
      request?.(new FakeContents(), permission, (g: boolean) => (granted = g), { requestingUrl });
      if (granted === null) throw new Error('callback not called');
      return granted;
    };
    const checks = (permission: string, origin: string): boolean => check?.(null, permission, origin, {}) ?? true;
    return { ask, checks };
  }

  it('denies everything by default, including web notifications, camera and geolocation', () => {
    const { ask, checks } = secured();
    for (const permission of [
      'notifications',
      'media',
      'geolocation',
      'clipboard-read',
      'display-capture',
      'midi',
      'openExternal',
      'unknown',
    ]) {
      expect(ask(permission, APP_INDEX_URL), permission).toBe(false);
      expect(checks(permission, 'app://watchfloor'), permission).toBe(false);
    }
  });

  it('allows fullscreen to our own page only', () => {
    const { ask, checks } = secured();
    expect(ask('fullscreen', APP_INDEX_URL)).toBe(true);
    expect(checks('fullscreen', 'app://watchfloor')).toBe(true);
    expect(ask('fullscreen', 'https://evil.example/')).toBe(false);
    expect(checks('fullscreen', 'https://evil.example')).toBe(false);
  });
});

describe('renderer crashes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('backs off: doubling, capped, reset after a quiet period', () => {
    let now = 0;
    const backoff = createCrashBackoff({ baseMs: 1_000, maxMs: 8_000, resetAfterMs: 60_000, now: () => now });
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next(), backoff.next()]).toEqual([
      1_000, 2_000, 4_000, 8_000, 8_000,
    ]);
    now += 60_001;
    expect(backoff.next()).toBe(1_000);
  });

  it('logs a dead renderer and reloads it after the backoff, not in a tight loop', () => {
    const contents = new FakeContents();
    const reload = vi.fn();
    const logger = recordingLogger();
    let quitting = false;
    watchRenderer(contents as never, { logger, reload, isQuitting: () => quitting, backoff: { baseMs: 1_000 } });

    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 }); // while one is pending
    vi.advanceTimersByTime(999);
    expect(reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(reload).toHaveBeenCalledTimes(1);

    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    vi.advanceTimersByTime(1_999);
    expect(reload).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(reload).toHaveBeenCalledTimes(2);
    expect(logger.lines.filter((l) => l.message === 'renderer gone; reloading').map((l) => l.fields)).toMatchObject([
      { reason: 'crashed', delayMs: 1_000 },
      { reason: 'oom', delayMs: 2_000 },
    ]);

    contents.emit('unresponsive');
    expect(logger.lines.at(-1)).toMatchObject({ level: 'warn', message: 'renderer unresponsive' });

    quitting = true;
    contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 0 });
    vi.advanceTimersByTime(120_000);
    expect(reload).toHaveBeenCalledTimes(2);
  });

  it('retries a failed main-frame load, but not an aborted one', () => {
    const contents = new FakeContents();
    const reload = vi.fn();
    watchRenderer(contents as never, { logger: recordingLogger(), reload, isQuitting: () => false });
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', APP_INDEX_URL, true);
    contents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', 'http://x/', false);
    vi.advanceTimersByTime(60_000);
    expect(reload).not.toHaveBeenCalled();
    contents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', 'http://localhost:5173/', true);
    vi.advanceTimersByTime(1_000);
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
