import { NotificationRequestSchema, SettingsPatchSchema, SettingsSchema } from '@common/bridge';
import type { Settings, WatchfloorBridge } from '@common/bridge';
import { describeZodError } from '@common/protocol/errors';

const STORAGE_KEY = 'watchfloor.settings';

function readSettings(): Settings {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const parsed = SettingsSchema.safeParse(raw ? JSON.parse(raw) : {});
    if (parsed.success) return parsed.data;
  } catch {
    // unreadable settings fall back to the defaults below
  }
  return SettingsSchema.parse({});
}

/**
 * The bridge in a plain browser (wall screens driven by a browser, tests): settings in
 * localStorage validated with the same SettingsSchema as the desktop app, the Notification API,
 * and the hub at this page's origin.
 */
export const webBridge: WatchfloorBridge = {
  platform: 'web',
  async getSettings() {
    return readSettings();
  },
  async setSettings(patch) {
    const parsedPatch = SettingsPatchSchema.safeParse(patch);
    if (!parsedPatch.success) {
      return { ok: false, error: { code: 'invalid_payload', message: describeZodError(parsedPatch.error) } };
    }
    const next = SettingsSchema.safeParse({ ...readSettings(), ...parsedPatch.data });
    if (!next.success) return { ok: false, error: { code: 'invalid_payload', message: describeZodError(next.error) } };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next.data));
    return { ok: true, settings: next.data };
  },
  async notify(request) {
    const parsed = NotificationRequestSchema.safeParse(request);
    if (!parsed.success)
      return { ok: false, error: { code: 'invalid_payload', message: describeZodError(parsed.error) } };
    if (typeof Notification === 'undefined')
      return { ok: false, error: { code: 'forbidden', message: 'no Notification API' } };
    if (Notification.permission === 'default') await Notification.requestPermission();
    if (Notification.permission !== 'granted')
      return { ok: false, error: { code: 'forbidden', message: 'notifications denied' } };
    new Notification(parsed.data.title, {
      body: parsed.data.body,
      requireInteraction: parsed.data.urgency === 'critical',
    });
    return { ok: true };
  },
  async getHubConnection() {
    return { ok: true, hubUrl: window.location.origin, embedded: false };
  },
};
