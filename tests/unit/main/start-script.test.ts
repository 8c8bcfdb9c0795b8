import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const START = resolve(__dirname, '../../../scripts/start.mjs');
let fakeElectron: string;
beforeEach(async () => {
  fakeElectron = await mkdtemp(join(tmpdir(), 'wf-fake-electron-'));
});
afterEach(async () => {
  await rm(fakeElectron, { recursive: true, force: true });
});

function start(env: Record<string, string> = {}) {
  const began = Date.now();
  const result = spawnSync(process.execPath, [START], {
    env: { ...process.env, WATCHFLOOR_ELECTRON_DIR: fakeElectron, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { ...result, ms: Date.now() - began };
}

const explainsInBothLanguages = (stderr: string): void => {
  expect(stderr).toContain('无法获取 Electron 程序文件');
  expect(stderr).toContain('The Electron binary could not be fetched');
  expect(stderr).toContain('npm run serve');
  expect(stderr).toContain('http://127.0.0.1:4500');
};

describe('scripts/start.mjs without an Electron binary', () => {
  it('runs install.js, and when it fails says so in zh-CN and English and exits 1', async () => {
    await writeFile(
      join(fakeElectron, 'install.js'),
      `console.error('getaddrinfo ENOTFOUND github.com'); process.exit(1);`,
    );
    const result = start();
    expect(result.status).toBe(1);
    explainsInBothLanguages(result.stderr);
    expect(result.stderr).toContain('install.js exited with code 1');
  });

  it('does not hang: an install that never finishes is killed at the timeout', async () => {
    await writeFile(join(fakeElectron, 'install.js'), `setInterval(() => {}, 1000);`);
    const result = start({ WATCHFLOOR_INSTALL_TIMEOUT_MS: '500' });
    expect(result.status).toBe(1);
    expect(result.ms).toBeLessThan(10_000);
    explainsInBothLanguages(result.stderr);
    expect(result.stderr).toContain('did not finish within 0.5 s');
  });

  it('an install that "succeeds" without producing the binary still counts as missing', async () => {
    await writeFile(join(fakeElectron, 'install.js'), `process.exit(0);`);
    await writeFile(join(fakeElectron, 'path.txt'), 'electron');
    const result = start();
    expect(result.status).toBe(1);
    explainsInBothLanguages(result.stderr);
  });

  it('no install.js at all', () => {
    const result = start();
    expect(result.status).toBe(1);
    explainsInBothLanguages(result.stderr);
  });
});
