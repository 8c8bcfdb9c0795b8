import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '@common/bridge';
import type { WatchfloorBridge } from '@common/bridge';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (..._args: Array<unknown>): Promise<unknown> => ({ ok: true }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke: (...args: Array<unknown>) => invoke(...args), send: vi.fn(), on: vi.fn() },
}));

async function loadBridge(): Promise<WatchfloorBridge> {
  vi.resetModules();
  exposed.clear();
  await import('../../../src-main/preload/index');
  return exposed.get('watchfloor') as WatchfloorBridge;
}

beforeEach(() => invoke.mockClear());

describe('preload bridge', () => {
  it('exposes only window.watchfloor: the bridge methods, no ipcRenderer, frozen', async () => {
    const bridge = await loadBridge();
    expect([...exposed.keys()]).toEqual(['watchfloor']);
    expect(Object.keys(bridge).sort()).toEqual(
      ['getHubConnection', 'getSettings', 'notify', 'platform', 'saveDocument', 'setSettings'].sort(),
    );
    expect(bridge.platform).toBe('electron');
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.values(bridge).some((v) => v && typeof v === 'object' && 'invoke' in v)).toBe(false);
  });

  it('each method is one invoke on its fixed channel', async () => {
    const bridge = await loadBridge();
    await bridge.setSettings({ muted: true });
    await bridge.notify({ title: 't' });
    await bridge.getHubConnection();
    const doc = { suggestedName: 'a.docx', type: 'docx' as const, data: new Uint8Array([0x50, 0x4b, 3, 4]) };
    await bridge.saveDocument(doc);
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.settingsSet, { muted: true }],
      [IPC_CHANNELS.notificationShow, { title: 't' }],
      [IPC_CHANNELS.hubConnectionGet],
      [IPC_CHANNELS.documentSave, doc],
    ]);
  });

  it('getSettings unwraps the result, and throws the refusal as an Error', async () => {
    const bridge = await loadBridge();
    invoke.mockResolvedValueOnce({ ok: true, settings: { muted: true } });
    await expect(bridge.getSettings()).resolves.toEqual({ muted: true });
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'forbidden', message: 'no' } });
    await expect(bridge.getSettings()).rejects.toThrow('forbidden: no');
  });

  it('imports nothing at runtime but electron and the import-free channel list (sandboxed preloads cannot require)', () => {
    const root = join(__dirname, '../../..');
    const source = readFileSync(join(root, 'src-main/preload/index.ts'), 'utf8');
    const runtimeImports = [...source.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gm)].map((m) => m[1]);
    expect(runtimeImports.sort()).toEqual(['@common/ipc-channels', 'electron']);
    const channels = readFileSync(join(root, 'src-common/ipc-channels.ts'), 'utf8');
    expect(channels).not.toMatch(/^import /m);
  });
});
