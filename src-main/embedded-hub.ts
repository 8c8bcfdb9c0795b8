import { z } from 'zod';
import type { Logger } from './logger';
import { errorFields } from './logger';

/**
 * Runs the embedded hub (out/main/hub.cjs, built from src-hub/cli.ts) in its own process when no
 * hubUrl is configured: start, wait for its `ready` message, restart it (bounded, with backoff) if
 * it dies, stop it on quit. How the process is made is injected (`HubSpawner`): the app passes a
 * child_process or utilityProcess spawner (hub-spawners.ts), the tests a fake.
 */

/** One hub process as the supervisor sees it. */
export type HubProcess = {
  readonly pid: number | undefined;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once, when the process has gone (or could not be started at all). */
  onExit(listener: (exit: HubExit) => void): void;
  kill(signal: 'SIGTERM' | 'SIGKILL'): void;
};
export type HubExit = { code: number | null; signal: string | null; error?: string };
export type HubSpawner = (entry: string, args: ReadonlyArray<string>) => HubProcess;

/** What src-hub/cli.ts sends once it listens: `{type:'ready', port, url}`. */
export const HubReadyMessageSchema = z.object({
  type: z.literal('ready'),
  port: z.int().min(1).max(65535),
  url: z.string().max(500).optional(),
});

export type EmbeddedHubOptions = {
  spawn: HubSpawner;
  /** absolute path of the built hub entry */
  entry: string;
  /** the hub's data folder (`<userData>/hub-data`) */
  dataDir: string;
  logger: Logger;
  /** first start seeds the demo county into SQLite: allow it time */
  readyTimeoutMs?: number;
  /** after SIGTERM, how long to wait before SIGKILL */
  stopGraceMs?: number;
  /** at most this many restarts within `restartWindowMs`, then give up and report */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** delay before the n-th restart in the window (n from 1) */
  restartDelayMs?: (n: number) => number;
};

export type HubEndpoint = { url: string; port: number };

export type EmbeddedHubState =
  | { status: 'idle' }
  | { status: 'starting'; attempt: number }
  | { status: 'running'; url: string; port: number; pid: number | undefined }
  | { status: 'restarting'; attempt: number; reason: string }
  | { status: 'failed'; reason: string }
  | { status: 'stopped' };

export type EmbeddedHub = {
  /** Starts the hub if it is not running; resolves when it is ready, rejects when it cannot be. */
  start(): Promise<HubEndpoint>;
  /** Resolves with the endpoint once running (waits through a start or restart). */
  ready(): Promise<HubEndpoint>;
  state(): EmbeddedHubState;
  /** Fires each time the hub becomes ready at a URL different from the last one. */
  onUrlChange(listener: (url: string) => void): () => void;
  /** SIGTERM, then SIGKILL after the grace period. Resolves when the process is gone. */
  stop(): Promise<void>;
};

export const DEFAULT_READY_TIMEOUT_MS = 30_000;
export const DEFAULT_STOP_GRACE_MS = 5_000;
export const DEFAULT_MAX_RESTARTS = 5;
export const DEFAULT_RESTART_WINDOW_MS = 10 * 60_000;
export const defaultRestartDelayMs = (n: number): number => Math.min(1_000 * 2 ** (n - 1), 30_000);

/** The hub's address as the renderer should use it: its own URL when it is loopback, else 127.0.0.1. */
export function endpointFromReady(message: z.infer<typeof HubReadyMessageSchema>): HubEndpoint {
  const fallback = `http://127.0.0.1:${message.port}`;
  if (!message.url) return { url: fallback, port: message.port };
  try {
    const parsed = new URL(message.url);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
    if (parsed.protocol !== 'http:' || !loopback) return { url: fallback, port: message.port };
    return { url: parsed.origin, port: message.port };
  } catch {
    return { url: fallback, port: message.port };
  }
}

type Waiter = { resolve: (endpoint: HubEndpoint) => void; reject: (error: Error) => void };

export function createEmbeddedHub(options: EmbeddedHubOptions): EmbeddedHub {
  const log = options.logger;
  const readyTimeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const stopGraceMs = options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS;
  const maxRestarts = options.maxRestarts ?? DEFAULT_MAX_RESTARTS;
  const restartWindowMs = options.restartWindowMs ?? DEFAULT_RESTART_WINDOW_MS;
  const restartDelayMs = options.restartDelayMs ?? defaultRestartDelayMs;

  let state: EmbeddedHubState = { status: 'idle' };
  let child: { process: HubProcess; exited: Promise<HubExit>; ready: boolean } | null = null;
  let readyTimer: ReturnType<typeof setTimeout> | null = null;
  let restartTimer: ReturnType<typeof setTimeout> | null = null;
  let restarts: Array<number> = [];
  let attempt = 0;
  let lastEndpoint: HubEndpoint | null = null;
  /** the port to ask for: 0 first, then the last one so a restart keeps the same URL (and CSP) */
  let nextPort = 0;
  let stopping: Promise<void> | null = null;
  let waiters: Array<Waiter> = [];
  const urlListeners = new Set<(url: string) => void>();

  const settleWaiters = (outcome: { endpoint: HubEndpoint } | { error: Error }): void => {
    const pending = waiters;
    waiters = [];
    for (const waiter of pending) {
      if ('endpoint' in outcome) waiter.resolve(outcome.endpoint);
      else waiter.reject(outcome.error);
    }
  };

  const clearReadyTimer = (): void => {
    if (readyTimer) clearTimeout(readyTimer);
    readyTimer = null;
  };

  function launch(): void {
    attempt += 1;
    state = { status: 'starting', attempt };
    const args = ['serve', '--port', String(nextPort), '--data', options.dataDir, '--demo'];
    log.info({ entry: options.entry, args, attempt }, 'starting embedded hub');
    let spawned: HubProcess;
    try {
      spawned = options.spawn(options.entry, args);
    } catch (error) {
      log.error(errorFields(error), 'embedded hub could not be spawned');
      onGone({ code: null, signal: null, error: (error as Error).message ?? String(error) }, false);
      return;
    }
    let resolveExit: (exit: HubExit) => void = () => undefined;
    const exited = new Promise<HubExit>((resolve) => (resolveExit = resolve));
    const current = { process: spawned, exited, ready: false };
    child = current;

    spawned.onMessage((message) => {
      if (child !== current) return;
      const parsed = HubReadyMessageSchema.safeParse(message);
      if (!parsed.success) {
        log.debug({ message }, 'embedded hub message ignored');
        return;
      }
      if (current.ready) return;
      current.ready = true;
      clearReadyTimer();
      const endpoint = endpointFromReady(parsed.data);
      nextPort = endpoint.port;
      state = { status: 'running', url: endpoint.url, port: endpoint.port, pid: spawned.pid };
      log.info({ url: endpoint.url, pid: spawned.pid }, 'embedded hub ready');
      const changed = lastEndpoint !== null && lastEndpoint.url !== endpoint.url;
      lastEndpoint = endpoint;
      settleWaiters({ endpoint });
      if (changed) for (const listener of urlListeners) listener(endpoint.url);
    });

    let gone = false;
    spawned.onExit((exit) => {
      if (gone) return;
      gone = true;
      resolveExit(exit);
      if (child !== current) return;
      child = null;
      clearReadyTimer();
      onGone(exit, current.ready);
    });

    readyTimer = setTimeout(() => {
      readyTimer = null;
      if (child !== current || current.ready) return;
      log.error({ timeoutMs: readyTimeoutMs, pid: spawned.pid }, 'embedded hub did not report ready in time');
      // Its exit then goes through onGone like any other failure.
      void terminate(current);
    }, readyTimeoutMs);
  }

  function onGone(exit: HubExit, wasReady: boolean): void {
    if (stopping) return;
    const reason = exit.error
      ? `could not start: ${exit.error}`
      : `exited ${wasReady ? 'unexpectedly' : 'before it was ready'} (code ${exit.code}, signal ${exit.signal})`;
    log.error({ ...exit, wasReady }, `embedded hub ${reason}`);
    // If the remembered port is what failed (taken by someone else meanwhile), ask for any port.
    if (!wasReady) nextPort = 0;
    const now = Date.now();
    restarts = restarts.filter((at) => now - at < restartWindowMs);
    if (restarts.length >= maxRestarts) {
      state = { status: 'failed', reason: `${reason}; gave up after ${restarts.length} restarts` };
      log.error({ restarts: restarts.length }, 'embedded hub keeps failing; not restarting it again');
      settleWaiters({ error: new Error(`embedded hub failed: ${reason}`) });
      return;
    }
    restarts.push(now);
    const delay = restartDelayMs(restarts.length);
    state = { status: 'restarting', attempt: attempt + 1, reason };
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (!stopping) launch();
    }, delay);
  }

  async function terminate(target: { process: HubProcess; exited: Promise<HubExit> }): Promise<void> {
    const sleep = (ms: number): Promise<'timeout'> =>
      new Promise((resolve) => {
        const timer = setTimeout(() => resolve('timeout'), ms);
        void target.exited.then(() => clearTimeout(timer));
      });
    try {
      target.process.kill('SIGTERM');
    } catch (error) {
      log.warn(errorFields(error), 'SIGTERM to embedded hub failed');
    }
    if ((await Promise.race([target.exited, sleep(stopGraceMs)])) !== 'timeout') return;
    log.warn({ pid: target.process.pid, graceMs: stopGraceMs }, 'embedded hub ignored SIGTERM; killing it');
    try {
      target.process.kill('SIGKILL');
    } catch (error) {
      log.warn(errorFields(error), 'SIGKILL to embedded hub failed');
    }
    // NOTE: never hang quitting on a process that will not report its exit.
    await Promise.race([target.exited, sleep(stopGraceMs)]);
  }

  function ready(): Promise<HubEndpoint> {
    if (state.status === 'running') return Promise.resolve({ url: state.url, port: state.port });
    if (state.status === 'failed') return Promise.reject(new Error(`embedded hub failed: ${state.reason}`));
    if (state.status === 'stopped' || state.status === 'idle') {
      return Promise.reject(new Error(`embedded hub is ${state.status}`));
    }
    return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  }

  return {
    start() {
      if (stopping) return Promise.reject(new Error('embedded hub is stopping'));
      if (state.status === 'idle' || state.status === 'failed') {
        restarts = [];
        launch();
      }
      return ready();
    },
    ready,
    state: () => state,
    onUrlChange(listener) {
      urlListeners.add(listener);
      return () => urlListeners.delete(listener);
    },
    stop() {
      if (stopping) return stopping;
      stopping = (async () => {
        if (restartTimer) clearTimeout(restartTimer);
        restartTimer = null;
        clearReadyTimer();
        const target = child;
        settleWaiters({ error: new Error('embedded hub stopped') });
        if (target) {
          log.info({ pid: target.process.pid }, 'stopping embedded hub');
          await terminate(target);
        }
        child = null;
        state = { status: 'stopped' };
      })();
      return stopping;
    },
  };
}
