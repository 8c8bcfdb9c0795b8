import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SettingsSchema } from '@common/bridge';
import { badFileName, createSettingsStore, SETTINGS_FILE } from '../../../src-main/settings/settings-store';
import type { SettingsFs } from '../../../src-main/settings/settings-store';
import { recordingLogger } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wf-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NOW = new Date('2025-03-01T08:15:30.123Z');
const store = (fs?: SettingsFs) =>
  createSettingsStore({ dir, logger: recordingLogger(), now: () => NOW, ...(fs ? { fs } : {}) });
const defaults = SettingsSchema.parse({});

describe('settings store: reading', () => {
  it('gives defaults when there is no file, and does not create one', async () => {
    await expect(store().load()).resolves.toEqual(defaults);
    expect(await readdir(dir)).toEqual([]);
  });

  it('reads a valid file', async () => {
    const saved = { ...defaults, hubUrl: 'http://10.1.2.3:4500', workstation: '值班台1', muted: true };
    await writeFile(join(dir, SETTINGS_FILE), JSON.stringify(saved));
    await expect(store().load()).resolves.toEqual(saved);
  });

  it.each([
    ['not JSON', '{"hubUrl": '],
    ['wrong type', JSON.stringify({ muted: 'yes' })],
    ['bad hubUrl', JSON.stringify({ hubUrl: 'file:///etc/passwd' })],
    ['unknown key', JSON.stringify({ nodeIntegration: true })],
    ['an array', '[]'],
  ])('a corrupt file (%s) gives defaults and is kept aside, never a crash', async (_name, content) => {
    await writeFile(join(dir, SETTINGS_FILE), content);
    const s = store();
    await expect(s.load()).resolves.toEqual(defaults);
    expect(s.get()).toEqual(defaults);
    const files = await readdir(dir);
    expect(files).toEqual([badFileName(NOW)]);
    expect(badFileName(NOW)).toBe('settings.json.bad-2025-03-01T08-15-30-123Z');
    expect(await readFile(join(dir, badFileName(NOW)), 'utf8')).toBe(content);
  });
});

describe('settings store: writing', () => {
  it('validates the patch and refuses a bad hubUrl, naming the field, without touching the file', async () => {
    const s = store();
    await s.load();
    for (const hubUrl of [
      'ftp://hub.local',
      'http://user:pw@hub.local',
      'not a url',
      'http://' + 'a'.repeat(600) + '.cn',
    ]) {
      const result = await s.update({ hubUrl });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      expect(!result.ok && result.error.message).toMatch(/^hubUrl: /);
    }
    expect(await readdir(dir)).toEqual([]);
    expect(s.get()).toEqual(defaults);
  });

  it('merges a partial patch without resetting the other fields, and persists it', async () => {
    const s = store();
    await s.load();
    await s.update({ hubUrl: 'https://hub.rongan.gov.cn', workstation: '  指挥大厅  ' });
    const result = await s.update({ muted: true });
    expect(result).toEqual({
      ok: true,
      settings: { ...defaults, hubUrl: 'https://hub.rongan.gov.cn', workstation: '指挥大厅', muted: true },
    });
    const onDisk = JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8'));
    expect(onDisk).toEqual(result.ok && result.settings);
    await expect(store().load()).resolves.toEqual(result.ok && result.settings);
  });

  it('writes atomically: temp file then rename, and no temp file left behind', async () => {
    const calls: Array<string> = [];
    const fs: SettingsFs = {
      ...nodeFs,
      writeFile: (async (path: string, ...rest: [string, object]) => {
        calls.push(`write ${path.slice(dir.length + 1)}`);
        return nodeFs.writeFile(path, ...rest);
      }) as SettingsFs['writeFile'],
      rename: async (from, to) => {
        calls.push(`rename ${String(from).slice(dir.length + 1)} -> ${String(to).slice(dir.length + 1)}`);
        return nodeFs.rename(from, to);
      },
    };
    const s = store(fs);
    await s.load();
    await s.update({ language: 'en' });
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatch(/^write settings\.json\.tmp-\d+-[0-9a-f]{8}$/);
    expect(calls[1]).toMatch(/^rename settings\.json\.tmp-\d+-[0-9a-f]{8} -> settings\.json$/);
    expect(await readdir(dir)).toEqual([SETTINGS_FILE]);
  });

  it('a failed write keeps the old file and the old settings, and answers internal', async () => {
    const s0 = store();
    await s0.update({ workstation: 'A' });
    const fs: SettingsFs = {
      ...nodeFs,
      rename: async () => {
        throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
      },
    };
    const s = store(fs);
    await s.load();
    const result = await s.update({ workstation: 'B' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(s.get().workstation).toBe('A');
    expect(JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8')).workstation).toBe('A');
    expect(await readdir(dir)).toEqual([SETTINGS_FILE]);
  });

  it('tells listeners about changes, with the previous value, and applies updates in order', async () => {
    const s = store();
    await s.load();
    const listener = vi.fn();
    s.onChange(listener);
    const [a, b] = await Promise.all([s.update({ workstation: '1' }), s.update({ workstation: '2' })]);
    expect(a.ok && b.ok).toBe(true);
    expect(s.get().workstation).toBe('2');
    expect(JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8')).workstation).toBe('2');
    expect(listener).toHaveBeenCalledTimes(2);
    expect(listener.mock.calls[1]?.[0]).toMatchObject({
      previous: { workstation: '1' },
      current: { workstation: '2' },
    });
  });
});
