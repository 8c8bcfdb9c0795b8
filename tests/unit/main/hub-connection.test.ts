import { describe, expect, it, vi } from 'vitest';
import { SettingsSchema } from '@common/bridge';
import type { Settings } from '@common/bridge';
import type { EmbeddedHub, HubEndpoint } from '../../../src-main/embedded-hub';
import { createHubConnectionManager } from '../../../src-main/hub-connection';
import type { SettingsChange } from '../../../src-main/settings/settings-store';
import { recordingLogger } from './helpers';

vi.mock('electron', () => ({}));

function fakeSettings(initial: Partial<Settings>) {
  let current = SettingsSchema.parse(initial);
  const listeners: Array<(c: SettingsChange) => void> = [];
  return {
    get: () => current,
    onChange: (l: (c: SettingsChange) => void) => {
      listeners.push(l);
      return () => undefined;
    },
    set(patch: Partial<Settings>) {
      const previous = current;
      current = { ...current, ...patch };
      for (const l of listeners) l({ previous, current });
    },
  };
}

function fakeEmbedded(endpoint: HubEndpoint | Error) {
  const urlListeners: Array<(url: string) => void> = [];
  const hub: EmbeddedHub & { stopped: boolean; changeUrl(url: string): void } = {
    stopped: false,
    start: vi.fn(async () => {
      if (endpoint instanceof Error) throw endpoint;
      return endpoint;
    }),
    ready: vi.fn(async () => {
      if (endpoint instanceof Error) throw endpoint;
      return endpoint;
    }),
    state: () => ({ status: 'idle' }),
    onUrlChange: (l) => {
      urlListeners.push(l);
      return () => undefined;
    },
    stop: vi.fn(async () => {
      hub.stopped = true;
    }),
    changeUrl: (url) => urlListeners.forEach((l) => l(url)),
  };
  return hub;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('hub connection', () => {
  it('uses the configured hub and starts nothing', async () => {
    const settings = fakeSettings({ hubUrl: 'http://10.0.0.2:4500' });
    const createEmbeddedHub = vi.fn(() => fakeEmbedded({ url: 'x', port: 1 }));
    const m = createHubConnectionManager({ settings, createEmbeddedHub, logger: recordingLogger() });
    await m.start();
    expect(createEmbeddedHub).not.toHaveBeenCalled();
    expect(m.effectiveHubUrl()).toBe('http://10.0.0.2:4500');
    await expect(m.connection()).resolves.toEqual({ ok: true, hubUrl: 'http://10.0.0.2:4500', embedded: false });
  });

  it('with no hubUrl, starts the embedded hub and reports its URL', async () => {
    const settings = fakeSettings({});
    const embedded = fakeEmbedded({ url: 'http://127.0.0.1:50000', port: 50000 });
    const m = createHubConnectionManager({ settings, createEmbeddedHub: () => embedded, logger: recordingLogger() });
    const changes = vi.fn();
    m.onEffectiveUrlChange(changes);
    await m.start();
    expect(m.effectiveHubUrl()).toBe('http://127.0.0.1:50000');
    expect(changes).toHaveBeenCalledWith('http://127.0.0.1:50000');
    await expect(m.connection()).resolves.toEqual({ ok: true, hubUrl: 'http://127.0.0.1:50000', embedded: true });
    embedded.changeUrl('http://127.0.0.1:50001');
    expect(m.effectiveHubUrl()).toBe('http://127.0.0.1:50001');
    await m.stop();
    expect(embedded.stopped).toBe(true);
  });

  it('an embedded hub that fails gives an error result, not a throw', async () => {
    const m = createHubConnectionManager({
      settings: fakeSettings({}),
      createEmbeddedHub: () => fakeEmbedded(new Error('embedded hub failed: exited (code 1)')),
      logger: recordingLogger(),
    });
    await m.start();
    await expect(m.connection()).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'embedded hub failed: exited (code 1)' },
    });
    expect(m.effectiveHubUrl()).toBeNull();
  });

  it('follows hubUrl changes: configured → stop embedded; back to null → start a new one', async () => {
    const settings = fakeSettings({});
    const hubs: Array<ReturnType<typeof fakeEmbedded>> = [];
    const m = createHubConnectionManager({
      settings,
      createEmbeddedHub: () => {
        const h = fakeEmbedded({ url: `http://127.0.0.1:${5000 + hubs.length}`, port: 5000 + hubs.length });
        hubs.push(h);
        return h;
      },
      logger: recordingLogger(),
    });
    const changes = vi.fn();
    m.onEffectiveUrlChange(changes);
    await m.start();
    settings.set({ hubUrl: 'https://hub.county.cn' });
    await flush();
    expect(hubs[0]?.stopped).toBe(true);
    expect(m.effectiveHubUrl()).toBe('https://hub.county.cn');
    settings.set({ muted: true });
    settings.set({ hubUrl: null });
    await flush();
    expect(hubs).toHaveLength(2);
    expect(m.effectiveHubUrl()).toBe('http://127.0.0.1:5001');
    expect(changes.mock.calls.map((c) => c[0])).toEqual([
      'http://127.0.0.1:5000',
      'https://hub.county.cn',
      null,
      'http://127.0.0.1:5001',
    ]);
  });
});
