import type { EventEmitter as NodeEventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '@common/bridge';

/** A whole fake Electron, enough for src-main/index.ts to run its lifecycle under Node. */
const h = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EventEmitter: Emitter } = require('node:events') as { EventEmitter: typeof NodeEventEmitter };
  const state = {
    lock: true,
    userData: '',
    windows: [] as Array<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
    forks: [] as Array<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipc: new Map<string, unknown>(),
    privileged: [] as Array<unknown>,
  };
  class FakeWebContents extends Emitter {
    reload = vi.fn();
    setWindowOpenHandler = vi.fn();
    isDestroyed = () => false;
  }
  class FakeWindow extends Emitter {
    webContents = new FakeWebContents();
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => true;
    isDestroyed = () => false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      state.windows.push(this);
    }
  }
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    requestSingleInstanceLock: vi.fn(() => state.lock),
    whenReady: vi.fn(async () => undefined),
    getPath: vi.fn(() => state.userData),
    enableSandbox: vi.fn(),
    commandLine: { appendSwitch: vi.fn() },
    exit: vi.fn(),
    quit: vi.fn(),
  });
  app.quit.mockImplementation(() => {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    app.emit('before-quit', event);
  });
  const utilityProcess = {
    fork: vi.fn((entry: string, args: Array<string>) => {
      const child = Object.assign(new Emitter(), { entry, args, pid: 4242, kill: vi.fn(), postMessage: vi.fn() });
      child.kill.mockImplementation(() => setImmediate(() => child.emit('exit', 0)));
      state.forks.push(child);
      setImmediate(() => child.emit('message', { type: 'ready', port: 45678, url: 'http://127.0.0.1:45678' }));
      return child;
    }),
  };
  return { state, app, FakeWindow, utilityProcess };
});

vi.mock('electron', () => ({
  app: h.app,
  BrowserWindow: h.FakeWindow,
  utilityProcess: h.utilityProcess,
  ipcMain: { handle: (channel: string, fn: unknown) => h.state.ipc.set(channel, fn), removeHandler: vi.fn() },
  protocol: {
    registerSchemesAsPrivileged: (schemes: Array<unknown>) => h.state.privileged.push(...schemes),
    handle: (scheme: string, fn: (request: Request) => Promise<Response>) => h.state.protocolHandlers.set(scheme, fn),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    },
  },
  shell: { openExternal: vi.fn() },
  Notification: Object.assign(vi.fn(), { isSupported: () => false }),
}));

beforeEach(async () => {
  vi.resetModules();
  h.state.userData = await mkdtemp(join(tmpdir(), 'wf-userdata-'));
  h.state.windows.length = 0;
  h.state.forks.length = 0;
  h.state.ipc.clear();
  h.state.protocolHandlers.clear();
  h.state.privileged.length = 0;
  h.app.removeAllListeners();
  h.app.quit.mockClear();
  h.utilityProcess.fork.mockClear();
  process.env.WATCHFLOOR_LOG_LEVEL = 'silent';
});
afterEach(async () => {
  await rm(h.state.userData, { recursive: true, force: true });
});

describe('main lifecycle (packaged)', () => {
  it('ready → settings → embedded hub → window; quit stops the hub first', async () => {
    await import('../../../src-main/index');
    expect(h.app.enableSandbox).toHaveBeenCalled();
    // WebGL (the map) on PCs without a GPU
    expect(h.app.commandLine.appendSwitch).toHaveBeenCalledWith('enable-unsafe-swiftshader');
    expect(h.state.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, supportFetchAPI: true }) },
    ]);

    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));
    // the embedded hub was started before the window, in a utility process, with the demo data folder
    expect(h.utilityProcess.fork).toHaveBeenCalledTimes(1);
    const [entry, args] = h.utilityProcess.fork.mock.calls[0] as [string, Array<string>];
    expect(entry).toMatch(/hub\.cjs$/);
    expect(args).toEqual(['serve', '--port', '0', '--data', join(h.state.userData, 'hub-data'), '--demo']);

    const win = h.state.windows[0];
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(win.options.webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledWith('app://watchfloor/index.html');
    expect([...h.state.ipc.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());

    // every app:// response carries the CSP naming the embedded hub
    const serve = h.state.protocolHandlers.get('app');
    const response = await serve?.(new Request('app://watchfloor/index.html'));
    expect(response?.headers.get('content-security-policy')).toContain(
      "connect-src 'self' http://127.0.0.1:45678 ws://127.0.0.1:45678",
    );

    // the renderer (our own origin) asks where the hub is
    const getHub = h.state.ipc.get(IPC_CHANNELS.hubConnectionGet) as (e: unknown) => Promise<unknown>;
    await expect(getHub({ senderFrame: { url: 'app://watchfloor/index.html', parent: null } })).resolves.toEqual({
      ok: true,
      hubUrl: 'http://127.0.0.1:45678',
      embedded: true,
    });

    // a second instance focuses the first window
    h.app.emit('second-instance');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();

    // quit: held until the hub is stopped, then quits for real
    h.app.quit();
    const child = h.state.forks[0];
    await vi.waitFor(() => expect(h.app.quit).toHaveBeenCalledTimes(2));
    expect(child.kill).toHaveBeenCalledTimes(1);
    expect(child.postMessage).toHaveBeenCalledWith({ type: 'shutdown' });
    expect(child.kill.mock.invocationCallOrder[0]).toBeLessThan(h.app.quit.mock.invocationCallOrder[1] ?? 0);
  });

  it('a second instance quits at once, touching nothing', async () => {
    h.state.lock = false;
    try {
      await import('../../../src-main/index');
      expect(h.app.quit).toHaveBeenCalledTimes(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(h.utilityProcess.fork).not.toHaveBeenCalled();
      expect(h.state.windows).toHaveLength(0);
    } finally {
      h.state.lock = true;
    }
  });
});
