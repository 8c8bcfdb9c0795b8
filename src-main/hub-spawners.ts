import { fork } from 'node:child_process';
import type { UtilityProcess, utilityProcess as UtilityProcessModule } from 'electron';
import type { HubExit, HubProcess, HubSpawner } from './embedded-hub';

/**
 * The two ways the embedded hub is made (see docs/DEVELOPMENT.md):
 * - development (`!app.isPackaged`): a plain Node child via child_process.fork with an IPC channel,
 *   run by the Node that installed the project, so better-sqlite3's native build (compiled by
 *   `npm ci` for that Node's ABI) loads. Electron's own Node has a different ABI.
 * - packaged: Electron's utilityProcess. NOTE: packaging must rebuild native modules for
 *   Electron's ABI (electron-builder/forge do this via @electron/rebuild), which is what makes
 *   better-sqlite3 load inside a utility process.
 */

/**
 * src-hub/cli.ts stops gracefully on this message as on SIGTERM. Sent first because on Windows
 * there is no SIGTERM to send: `kill('SIGTERM')` there ends the process outright.
 */
export const SHUTDOWN_MESSAGE = { type: 'shutdown' } as const;

function askToShutDown(send: () => unknown): void {
  try {
    send();
  } catch {
    // channel already closed: the process is on its way out
  }
}

/** The Node to run the hub with in development. */
export function resolveDevNodePath(env: NodeJS.ProcessEnv): string {
  // WATCHFLOOR_NODE: explicit override (scripts/start.mjs sets it to the Node running npm start).
  // npm_node_execpath: set by npm for every `npm run`/`npm start` child.
  return env.WATCHFLOOR_NODE || env.npm_node_execpath || 'node';
}

/** Environment for the hub child: ours, minus what would turn a Node into something else. */
export function hubChildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy: NodeJS.ProcessEnv = { ...env, WATCHFLOOR_EMBEDDED: '1' };
  delete copy.ELECTRON_RUN_AS_NODE;
  return copy;
}

export function createNodeForkSpawner(options: { nodePath: string; env: NodeJS.ProcessEnv }): HubSpawner {
  return (entry, args) => {
    const child = fork(entry, [...args], {
      execPath: options.nodePath,
      env: hubChildEnv(options.env),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'json',
    });
    const exitListeners: Array<(exit: HubExit) => void> = [];
    let exited: HubExit | null = null;
    const finish = (exit: HubExit): void => {
      if (exited) return;
      exited = exit;
      for (const listener of exitListeners) listener(exit);
    };
    child.on('exit', (code, signal) => finish({ code, signal }));
    // 'error' without 'exit' happens when the Node binary cannot be started at all (ENOENT).
    // NOTE: 'exit' never fires then (only 'error' and 'close'); no pid means nothing was started.
    child.on('error', (error) => {
      if (child.pid === undefined) finish({ code: null, signal: null, error: error.message });
    });
    const handle: HubProcess = {
      get pid() {
        return child.pid;
      },
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) => {
        if (exited) listener(exited);
        else exitListeners.push(listener);
      },
      kill: (signal) => {
        if (signal === 'SIGKILL') {
          child.kill('SIGKILL');
          return;
        }
        askToShutDown(() => child.connected && child.send(SHUTDOWN_MESSAGE));
        // NOTE: on Windows a "SIGTERM" is TerminateProcess, not a request: rely on the message there.
        if (process.platform !== 'win32') child.kill('SIGTERM');
      },
    };
    return handle;
  };
}

export function createUtilityProcessSpawner(options: {
  utilityProcess: Pick<typeof UtilityProcessModule, 'fork'>;
  env: NodeJS.ProcessEnv;
}): HubSpawner {
  return (entry, args) => {
    const child: UtilityProcess = options.utilityProcess.fork(entry, [...args], {
      serviceName: 'Watchfloor hub',
      env: hubChildEnv(options.env),
      stdio: 'inherit',
    });
    let exited: HubExit | null = null;
    const exitListeners: Array<(exit: HubExit) => void> = [];
    child.on('exit', (code) => {
      exited = { code, signal: null };
      for (const listener of exitListeners) listener(exited);
    });
    return {
      get pid() {
        return child.pid;
      },
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) => {
        if (exited) listener(exited);
        else exitListeners.push(listener);
      },
      kill: (signal) => {
        if (signal === 'SIGTERM') {
          askToShutDown(() => child.postMessage(SHUTDOWN_MESSAGE));
          if (process.platform !== 'win32') child.kill();
          return;
        }
        // utilityProcess.kill() only ever sends SIGTERM; the hard stop goes through the pid.
        if (child.pid === undefined) child.kill();
        else process.kill(child.pid, 'SIGKILL');
      },
    };
  };
}
