import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { SettingsPatchSchema, SettingsSchema } from '@common/bridge';
import type { Settings } from '@common/bridge';
import { describeZodError } from '@common/protocol/errors';
import { fail } from '@common/protocol/ack';
import type { Result } from '@common/protocol/ack';
import type { Logger } from '../logger';
import { errorFields } from '../logger';

export const SETTINGS_FILE = 'settings.json';

/** The file operations the store needs; tests hand in a failing or recording variant. */
export type SettingsFs = Pick<typeof nodeFs, 'readFile' | 'writeFile' | 'rename' | 'mkdir' | 'open' | 'unlink'>;

export type SettingsStoreOptions = {
  /** folder holding settings.json — app.getPath('userData') in the app */
  dir: string;
  logger: Logger;
  fs?: SettingsFs;
  now?: () => Date;
};

export type SettingsChange = { previous: Settings; current: Settings };

export type SettingsStore = {
  /** Reads settings.json once; a missing file gives defaults, a corrupt one is set aside. Never throws. */
  load(): Promise<Settings>;
  /** The settings as last loaded or written. */
  get(): Settings;
  /** Validates `patch`, merges it, writes atomically. Never throws; refusals name the field. */
  update(patch: unknown): Promise<Result<{ settings: Settings }>>;
  onChange(listener: (change: SettingsChange) => void): () => void;
};

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}

/** `settings.json.bad-2025-01-31T08-15-00-000Z`: sortable, and legal on Windows (no colons). */
export function badFileName(now: Date): string {
  return `${SETTINGS_FILE}.bad-${now.toISOString().replace(/[:.]/g, '-')}`;
}

export function createSettingsStore(options: SettingsStoreOptions): SettingsStore {
  const fs = options.fs ?? nodeFs;
  const now = options.now ?? (() => new Date());
  const log = options.logger;
  const file = join(options.dir, SETTINGS_FILE);
  let current = defaultSettings();
  const listeners = new Set<(change: SettingsChange) => void>();
  // NOTE: writes are chained so two quick updates cannot interleave their temp-file/rename steps
  // or let the older one land last.
  let queue: Promise<unknown> = Promise.resolve();

  async function setAside(reason: string): Promise<void> {
    const aside = join(options.dir, badFileName(now()));
    try {
      await fs.rename(file, aside);
      log.warn({ file, aside, reason }, 'settings file unreadable; kept aside, using defaults');
    } catch (error) {
      log.error({ file, reason, ...errorFields(error) }, 'settings file unreadable and could not be set aside');
    }
  }

  async function load(): Promise<Settings> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        log.error({ file, ...errorFields(error) }, 'settings file could not be read; using defaults');
      }
      current = defaultSettings();
      return current;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      await setAside(`not JSON: ${(error as Error).message}`);
      current = defaultSettings();
      return current;
    }
    const parsed = SettingsSchema.safeParse(json);
    if (!parsed.success) {
      await setAside(describeZodError(parsed.error));
      current = defaultSettings();
      return current;
    }
    current = parsed.data;
    return current;
  }

  async function writeAtomically(settings: Settings): Promise<void> {
    await fs.mkdir(options.dir, { recursive: true });
    const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await fs.writeFile(temp, `${JSON.stringify(settings, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
      // Flush before the rename so a power cut cannot leave an empty settings.json behind it.
      const handle = await fs.open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, file);
    } catch (error) {
      await fs.unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  function update(patch: unknown): Promise<Result<{ settings: Settings }>> {
    const run = async (): Promise<Result<{ settings: Settings }>> => {
      const parsedPatch = SettingsPatchSchema.safeParse(patch);
      if (!parsedPatch.success) return fail('invalid_payload', describeZodError(parsedPatch.error));
      const merged = SettingsSchema.safeParse({ ...current, ...parsedPatch.data });
      if (!merged.success) return fail('invalid_payload', describeZodError(merged.error));
      const previous = current;
      try {
        await writeAtomically(merged.data);
      } catch (error) {
        log.error({ file, ...errorFields(error) }, 'settings could not be written');
        return fail('internal', 'settings could not be saved');
      }
      current = merged.data;
      for (const listener of listeners) {
        try {
          listener({ previous, current });
        } catch (error) {
          log.error(errorFields(error), 'settings change listener failed');
        }
      }
      return { ok: true, settings: current };
    };
    const result = queue.then(run, run);
    queue = result;
    return result;
  }

  return {
    load,
    get: () => current,
    update,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
