import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { IPC_CHANNELS, SettingsPatchSchema, SettingsSchema } from '@common/bridge';
import { APP_INDEX_URL, isTrustedRendererUrl, resolveRendererLocation } from '../../../src-main/app-origin';
import { createIpcRegistrar, senderRefusal } from '../../../src-main/ipc/handle';
import type { SenderEvent } from '../../../src-main/ipc/handle';
import { registerIpcHandlers } from '../../../src-main/ipc/handlers';
import { recordingLogger } from './helpers';

type Listener = (event: SenderEvent, ...args: Array<unknown>) => Promise<unknown>;

/** A stand-in for ipcMain that lets a test play the renderer's invoke. */
function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  return {
    handle: vi.fn((channel: string, listener: Listener) => void listeners.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => void listeners.delete(channel)),
    invoke(channel: string, event: SenderEvent, ...args: Array<unknown>): Promise<unknown> {
      const listener = listeners.get(channel);
      if (!listener) throw new Error(`no handler for ${channel}`);
      return listener(event, ...args);
    },
    channels: () => [...listeners.keys()],
  };
}

const frame = (url: string, parent: unknown = null): SenderEvent =>
  ({ senderFrame: { url, parent } }) as unknown as SenderEvent;

const packaged = resolveRendererLocation({ devServerUrl: undefined, isPackaged: true });
const OWN = frame(APP_INDEX_URL);

function setup() {
  const ipcMain = fakeIpcMain();
  const logger = recordingLogger();
  const ipc = createIpcRegistrar({ ipcMain, isTrustedUrl: (url) => isTrustedRendererUrl(url, packaged), logger });
  return { ipcMain, ipc, logger };
}

describe('handle(): sender check', () => {
  it('refuses a foreign page, a subframe and a vanished frame without running the handler', async () => {
    const { ipcMain, ipc, logger } = setup();
    const fn = vi.fn(() => ({ ok: true as const, settings: SettingsSchema.parse({}) }));
    ipc.handle(IPC_CHANNELS.settingsGet, z.undefined(), fn);

    for (const event of [
      frame('https://evil.example/index.html'),
      frame('app://watchfloor.evil/index.html'),
      frame('file:///work/main/out/renderer/index.html'),
      frame(APP_INDEX_URL, { url: APP_INDEX_URL }),
      { senderFrame: null } as unknown as SenderEvent,
    ]) {
      const answer = await ipcMain.invoke(IPC_CHANNELS.settingsGet, event);
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(fn).not.toHaveBeenCalled();
    expect(logger.lines.filter((l) => l.message === 'IPC call refused')).toHaveLength(5);

    await expect(ipcMain.invoke(IPC_CHANNELS.settingsGet, OWN)).resolves.toMatchObject({ ok: true });
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('trusts the dev server only in an unpackaged run', () => {
    const dev = resolveRendererLocation({ devServerUrl: 'http://localhost:5173', isPackaged: false });
    expect(senderRefusal(frame('http://localhost:5173/'), (u) => isTrustedRendererUrl(u, dev))).toBeNull();
    expect(senderRefusal(frame(APP_INDEX_URL), (u) => isTrustedRendererUrl(u, dev))).not.toBeNull();
    const shipped = resolveRendererLocation({ devServerUrl: 'http://localhost:5173', isPackaged: true });
    expect(shipped.entryUrl).toBe(APP_INDEX_URL);
    expect(senderRefusal(frame('http://localhost:5173/'), (u) => isTrustedRendererUrl(u, shipped))).not.toBeNull();
  });

  it('treats a frame that throws on access (disposed) as gone', () => {
    const disposed = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    } as unknown as SenderEvent;
    expect(senderRefusal(disposed, () => true)).toBe('sender frame is gone');
  });
});

describe('handle(): input validation and results', () => {
  it('refuses invalid input with invalid_payload naming the field', async () => {
    const { ipcMain, ipc } = setup();
    const fn = vi.fn(() => ({ ok: true as const, settings: SettingsSchema.parse({}) }));
    ipc.handle(IPC_CHANNELS.settingsSet, SettingsPatchSchema, fn);

    const bad = await ipcMain.invoke(IPC_CHANNELS.settingsSet, OWN, { hubUrl: 'javascript:alert(1)' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect((bad as { error: { message: string } }).error.message).toMatch(/^hubUrl: /);

    const unknownKey = await ipcMain.invoke(IPC_CHANNELS.settingsSet, OWN, { nodeIntegration: true });
    expect((unknownKey as { error: { message: string } }).error.message).toMatch(/nodeIntegration/);

    const twoArgs = await ipcMain.invoke(IPC_CHANNELS.settingsSet, OWN, {}, {});
    expect(twoArgs).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(fn).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into an internal error result, never a rejection', async () => {
    const { ipcMain, ipc, logger } = setup();
    ipc.handle(IPC_CHANNELS.hubConnectionGet, z.undefined(), async () => {
      throw new Error('disk on fire at /secret/path');
    });
    const answer = await ipcMain.invoke(IPC_CHANNELS.hubConnectionGet, OWN);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'internal', message: 'the desktop app could not complete this request' },
    });
    // the detail goes to the log, not across IPC
    expect(JSON.stringify(answer)).not.toContain('/secret/path');
    expect(logger.lines.some((l) => l.level === 'error' && JSON.stringify(l.fields).includes('disk on fire'))).toBe(
      true,
    );
  });

  it('refuses registering a channel twice and removes every handler on dispose', () => {
    const { ipcMain, ipc } = setup();
    ipc.handle(IPC_CHANNELS.settingsGet, z.undefined(), () => ({ ok: true, settings: SettingsSchema.parse({}) }));
    expect(() =>
      ipc.handle(IPC_CHANNELS.settingsGet, z.undefined(), () => ({ ok: true, settings: SettingsSchema.parse({}) })),
    ).toThrow(/twice/);
    ipc.dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(IPC_CHANNELS.settingsGet);
    expect(ipcMain.channels()).toEqual([]);
  });
});

describe('registerIpcHandlers', () => {
  function wired() {
    const { ipcMain, ipc } = setup();
    const settings = SettingsSchema.parse({ muted: true });
    const deps = {
      settings: {
        get: () => settings,
        update: vi.fn(async (patch: unknown) => ({
          ok: true as const,
          settings: { ...settings, ...(patch as object) },
        })),
      },
      notify: vi.fn(() => ({ ok: true as const })),
      hubConnection: vi.fn(async () => ({ ok: true as const, hubUrl: 'http://127.0.0.1:4500', embedded: true })),
      saveDocument: vi.fn(async () => ({ ok: true as const, saved: false })),
    };
    registerIpcHandlers(ipc, deps);
    return { ipcMain, deps };
  }

  it('wires every channel of IPC_CHANNELS', () => {
    const { ipcMain } = wired();
    expect(ipcMain.channels().sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it('settings get/set, notification (validated, defaults filled, muted respected), hub connection', async () => {
    const { ipcMain, deps } = wired();
    await expect(ipcMain.invoke(IPC_CHANNELS.settingsGet, OWN)).resolves.toMatchObject({
      ok: true,
      settings: { muted: true },
    });
    await expect(ipcMain.invoke(IPC_CHANNELS.settingsGet, OWN, 'extra')).resolves.toMatchObject({ ok: false });

    await ipcMain.invoke(IPC_CHANNELS.settingsSet, OWN, { language: 'en' });
    expect(deps.settings.update).toHaveBeenCalledWith({ language: 'en' });

    const tooLong = await ipcMain.invoke(IPC_CHANNELS.notificationShow, OWN, { title: 'x'.repeat(201) });
    expect(tooLong).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', message: expect.stringMatching(/^title:/) },
    });
    await ipcMain.invoke(IPC_CHANNELS.notificationShow, OWN, { title: '新事件' });
    expect(deps.notify).toHaveBeenCalledWith({ title: '新事件', body: '', urgency: 'normal' }, { silent: true });

    await expect(ipcMain.invoke(IPC_CHANNELS.hubConnectionGet, OWN)).resolves.toEqual({
      ok: true,
      hubUrl: 'http://127.0.0.1:4500',
      embedded: true,
    });
  });
});
