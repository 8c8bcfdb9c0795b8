import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEmbeddedHub, endpointFromReady } from '../../../src-main/embedded-hub';
import type { EmbeddedHubOptions, HubExit, HubProcess, HubSpawner } from '../../../src-main/embedded-hub';
import { recordingLogger } from './helpers';

vi.mock('electron', () => ({}));

/** A hub process the test drives by hand. */
class FakeHub implements HubProcess {
  static nextPid = 1000;
  readonly pid = FakeHub.nextPid++;
  readonly signals: Array<string> = [];
  private messageListeners: Array<(m: unknown) => void> = [];
  private exitListeners: Array<(e: HubExit) => void> = [];
  /** how the fake reacts to SIGTERM: exit at once, or ignore it */
  obeysSigterm = true;
  exited = false;
  constructor(
    readonly entry: string,
    readonly args: ReadonlyArray<string>,
  ) {}
  onMessage(listener: (m: unknown) => void): void {
    this.messageListeners.push(listener);
  }
  onExit(listener: (e: HubExit) => void): void {
    this.exitListeners.push(listener);
  }
  kill(signal: 'SIGTERM' | 'SIGKILL'): void {
    this.signals.push(signal);
    if (signal === 'SIGKILL' || this.obeysSigterm) this.exit({ code: null, signal });
  }
  send(message: unknown): void {
    for (const l of this.messageListeners) l(message);
  }
  ready(port: number): void {
    this.send({ type: 'ready', port, url: `http://127.0.0.1:${port}` });
  }
  exit(exit: HubExit): void {
    if (this.exited) return;
    this.exited = true;
    for (const l of this.exitListeners) l(exit);
  }
}

function setup(overrides: Partial<EmbeddedHubOptions> = {}) {
  const spawned: Array<FakeHub> = [];
  const spawn: HubSpawner = vi.fn((entry, args) => {
    const hub = new FakeHub(entry, args);
    spawned.push(hub);
    return hub;
  });
  const logger = recordingLogger();
  const hub = createEmbeddedHub({
    spawn,
    entry: '/app/out/main/hub.cjs',
    dataDir: '/data/hub-data',
    logger,
    readyTimeoutMs: 5_000,
    stopGraceMs: 2_000,
    maxRestarts: 3,
    restartWindowMs: 60_000,
    restartDelayMs: (n) => 100 * n,
    ...overrides,
  });
  const last = (): FakeHub => {
    const h = spawned.at(-1);
    if (!h) throw new Error('nothing spawned');
    return h;
  };
  return { hub, spawn, spawned, last, logger };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('embedded hub', () => {
  it('spawns the built hub entry with serve --port 0 --data <dir> --demo and waits for ready', async () => {
    const { hub, spawned, last } = setup();
    let settled: unknown = null;
    const started = hub.start().then((e) => (settled = e));
    expect(spawned).toHaveLength(1);
    expect(last().entry).toBe('/app/out/main/hub.cjs');
    expect(last().args).toEqual(['serve', '--port', '0', '--data', '/data/hub-data', '--demo']);
    expect(hub.state()).toMatchObject({ status: 'starting' });

    last().send({ type: 'log', line: 'listening soon' });
    last().send({ type: 'ready', port: 'nope' });
    await vi.advanceTimersByTimeAsync(10);
    expect(settled).toBeNull();

    last().ready(49152);
    await started;
    expect(settled).toEqual({ url: 'http://127.0.0.1:49152', port: 49152 });
    expect(hub.state()).toMatchObject({ status: 'running', url: 'http://127.0.0.1:49152', pid: last().pid });
    await expect(hub.ready()).resolves.toEqual({ url: 'http://127.0.0.1:49152', port: 49152 });
    // a second start while running spawns nothing
    await hub.start();
    expect(spawned).toHaveLength(1);
  });

  it('times out cleanly: kills a hub that never reports ready and rejects, leaving no process', async () => {
    const { hub, spawned, last, logger } = setup({ maxRestarts: 0 });
    const started = hub.start();
    const outcome = started.then(
      () => 'resolved',
      (e: Error) => e.message,
    );
    last().obeysSigterm = false;
    await vi.advanceTimersByTimeAsync(4_999);
    expect(last().signals).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(last().signals).toEqual(['SIGTERM']);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(last().signals).toEqual(['SIGTERM', 'SIGKILL']);
    expect(await outcome).toMatch(/embedded hub failed: exited before it was ready/);
    expect(hub.state()).toMatchObject({ status: 'failed' });
    expect(spawned).toHaveLength(1);
    expect(logger.lines.some((l) => l.message === 'embedded hub did not report ready in time')).toBe(true);
  });

  it('restarts a hub that crashes, on the same port so the URL (and CSP) stay put', async () => {
    const { hub, spawned, last } = setup();
    const urlChanges = vi.fn();
    hub.onUrlChange(urlChanges);
    const started = hub.start();
    last().ready(50000);
    await started;

    last().exit({ code: 1, signal: null });
    expect(hub.state()).toMatchObject({ status: 'restarting' });
    const waiting = hub.ready();
    await vi.advanceTimersByTimeAsync(99);
    expect(spawned).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(spawned).toHaveLength(2);
    expect(last().args).toEqual(['serve', '--port', '50000', '--data', '/data/hub-data', '--demo']);
    last().ready(50000);
    await expect(waiting).resolves.toEqual({ url: 'http://127.0.0.1:50000', port: 50000 });
    expect(urlChanges).not.toHaveBeenCalled();

    // the port was taken meanwhile: that start fails, the next asks for any port, and listeners hear the new URL
    last().exit({ code: 1, signal: null });
    await vi.advanceTimersByTimeAsync(200);
    expect(last().args[2]).toBe('50000');
    last().exit({ code: 1, signal: null });
    await vi.advanceTimersByTimeAsync(300);
    expect(last().args[2]).toBe('0');
    last().ready(50123);
    await vi.advanceTimersByTimeAsync(0);
    expect(urlChanges).toHaveBeenCalledWith('http://127.0.0.1:50123');
  });

  it('gives up after the restart budget and reports why', async () => {
    const { hub, spawned, last } = setup({ maxRestarts: 2 });
    const outcome = hub.start().then(
      () => 'resolved',
      (e: Error) => e.message,
    );
    for (let i = 0; i < 3; i += 1) {
      last().exit({ code: 3, signal: null });
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(spawned).toHaveLength(3);
    expect(await outcome).toMatch(/code 3/);
    expect(hub.state()).toMatchObject({ status: 'failed', reason: expect.stringMatching(/gave up after 2 restarts/) });
    await expect(hub.ready()).rejects.toThrow(/failed/);
    // an explicit start after failing tries again
    void hub.start().catch(() => undefined);
    expect(spawned).toHaveLength(4);
  });

  it('treats a spawner that throws (Node missing) as a failed start, not a crash of main', async () => {
    const { hub } = setup({
      maxRestarts: 0,
      spawn: () => {
        throw new Error('spawn node ENOENT');
      },
    });
    await expect(hub.start()).rejects.toThrow(/could not start: spawn node ENOENT/);
  });

  it('stops with SIGTERM, and SIGKILL after the grace period; no restart afterwards', async () => {
    const { hub, spawned, last } = setup();
    const started = hub.start();
    last().ready(40000);
    await started;
    last().obeysSigterm = false;
    let stopped = false;
    const stopping = hub.stop().then(() => (stopped = true));
    expect(last().signals).toEqual(['SIGTERM']);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await stopping;
    expect(last().signals).toEqual(['SIGTERM', 'SIGKILL']);
    expect(hub.state()).toEqual({ status: 'stopped' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(spawned).toHaveLength(1);
    await expect(hub.start()).rejects.toThrow(/stopping/);
  });

  it('a hub that obeys SIGTERM is not SIGKILLed; stop while starting rejects the waiters', async () => {
    const { hub, last } = setup();
    const started = hub.start().catch((e: Error) => e.message);
    await hub.stop();
    expect(last().signals).toEqual(['SIGTERM']);
    expect(await started).toBe('embedded hub stopped');
  });

  it('uses a loopback URL from ready, and never a wildcard or remote one', () => {
    expect(endpointFromReady({ type: 'ready', port: 4500 })).toEqual({ url: 'http://127.0.0.1:4500', port: 4500 });
    expect(endpointFromReady({ type: 'ready', port: 4500, url: 'http://0.0.0.0:4500' }).url).toBe(
      'http://127.0.0.1:4500',
    );
    expect(endpointFromReady({ type: 'ready', port: 4500, url: 'http://evil.example:4500' }).url).toBe(
      'http://127.0.0.1:4500',
    );
    expect(endpointFromReady({ type: 'ready', port: 4500, url: 'http://localhost:4500/' }).url).toBe(
      'http://localhost:4500',
    );
  });
});
