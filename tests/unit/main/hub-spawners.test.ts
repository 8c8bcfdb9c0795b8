import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEmbeddedHub } from '../../../src-main/embedded-hub';
import { createNodeForkSpawner, hubChildEnv, resolveDevNodePath } from '../../../src-main/hub-spawners';
import { recordingLogger } from './helpers';

vi.mock('electron', () => ({}));

// Real child processes (plain Node, as in development) standing in for out/main/hub.cjs.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wf-spawn-'));
  await writeFile(
    join(dir, 'good-hub.cjs'),
    `const port = Number(process.argv[process.argv.indexOf('--port') + 1]) || 43210;
     process.send({ type: 'ready', port, url: 'http://127.0.0.1:' + port, args: process.argv.slice(2), embedded: process.env.WATCHFLOOR_EMBEDDED });
     setInterval(() => {}, 1000);`,
  );
  await writeFile(
    join(dir, 'stubborn-hub.cjs'),
    `process.on('SIGTERM', () => {}); process.send({ type: 'ready', port: 43211 }); setInterval(() => {}, 1000);`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('node fork spawner (development)', () => {
  it('picks the Node that ran npm, then an override, then PATH', () => {
    expect(resolveDevNodePath({ npm_node_execpath: '/opt/node20/bin/node' })).toBe('/opt/node20/bin/node');
    expect(resolveDevNodePath({ npm_node_execpath: '/a', WATCHFLOOR_NODE: '/b' })).toBe('/b');
    expect(resolveDevNodePath({})).toBe('node');
    expect(hubChildEnv({ ELECTRON_RUN_AS_NODE: '1', PATH: '/bin' })).toEqual({
      PATH: '/bin',
      WATCHFLOOR_EMBEDDED: '1',
    });
  });

  it('starts a real child, receives ready over IPC, and stops it with SIGTERM', async () => {
    const spawn = createNodeForkSpawner({ nodePath: process.execPath, env: process.env });
    const hub = createEmbeddedHub({ spawn, entry: join(dir, 'good-hub.cjs'), dataDir: dir, logger: recordingLogger() });
    await expect(hub.start()).resolves.toEqual({ url: 'http://127.0.0.1:43210', port: 43210 });
    const state = hub.state();
    expect(state.status === 'running' && typeof state.pid).toBe('number');
    await hub.stop();
    const pid = state.status === 'running' ? state.pid : undefined;
    expect(() => process.kill(pid as number, 0)).toThrow();
  });

  it('SIGKILLs a child that ignores SIGTERM after the grace period', async () => {
    const spawn = createNodeForkSpawner({ nodePath: process.execPath, env: process.env });
    const logger = recordingLogger();
    const hub = createEmbeddedHub({
      spawn,
      entry: join(dir, 'stubborn-hub.cjs'),
      dataDir: dir,
      logger,
      stopGraceMs: 300,
    });
    await hub.start();
    await hub.stop();
    expect(logger.lines.some((l) => l.message === 'embedded hub ignored SIGTERM; killing it')).toBe(true);
  });

  it('reports a Node binary that does not exist as a failed start', async () => {
    const spawn = createNodeForkSpawner({ nodePath: join(dir, 'no-such-node'), env: process.env });
    const hub = createEmbeddedHub({
      spawn,
      entry: join(dir, 'good-hub.cjs'),
      dataDir: dir,
      logger: recordingLogger(),
      maxRestarts: 0,
    });
    await expect(hub.start()).rejects.toThrow(/ENOENT/);
  });
});
