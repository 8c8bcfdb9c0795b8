import {
  DOCUMENT_TYPES,
  NotificationRequestSchema,
  SaveDocumentRequestSchema,
  SettingsPatchSchema,
  SettingsSchema,
} from '@common/bridge';
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
  async saveDocument(request) {
    const parsed = SaveDocumentRequestSchema.safeParse(request);
    if (!parsed.success)
      return { ok: false, error: { code: 'invalid_payload', message: describeZodError(parsed.error) } };
    const { data, suggestedName, type } = parsed.data;
    // A download: the browser decides where (its download folder, or its own save dialog).
    const url = URL.createObjectURL(new Blob([data], { type: DOCUMENT_TYPES[type].mime }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = suggestedName;
    anchor.rel = 'noopener';
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    // NOTE: revoked later, not at once: some browsers start reading the blob after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { ok: true, saved: true, fileName: suggestedName };
  },
};
