import { z } from 'zod';
import type { Result } from './protocol/ack';
import { IPC_CHANNELS } from './ipc-channels';

/**
 * The typed bridge the preload exposes as `window.watchfloor` (Electron), and that the renderer
 * replaces with a web fallback in a plain browser. IPC channels are `domain:resource:verb`.
 */
export const LanguageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const HubUrlSchema = z
  .url({ protocol: /^https?$/, hostname: z.regexes.hostname })
  .max(500)
  .refine((u) => !u.includes('@'), 'credentials do not belong in the hub URL');

export const SettingsSchema = z.strictObject({
  /** null: start the embedded hub with the demo county */
  hubUrl: HubUrlSchema.nullable().default(null),
  /** last user name used at this workstation (never the password) */
  username: z.string().max(64).default(''),
  language: LanguageSchema.default('zh-CN'),
  /** this workstation's name, written into every event it causes */
  workstation: z.string().trim().max(100).default(''),
  /** sounds muted at this workstation */
  muted: z.boolean().default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;
/**
 * NOTE: not `SettingsSchema.partial()` — in zod 4 a partial of defaulted fields still fills the
 * defaults, so `{ muted: true }` would come out with `hubUrl: null, language: 'zh-CN', ...` and a
 * patch would reset every field it did not name. Unwrapping the defaults keeps absent keys absent.
 */
export const SettingsPatchSchema = z
  .strictObject(
    Object.fromEntries(Object.entries(SettingsSchema.shape).map(([key, field]) => [key, field.unwrap()])) as {
      [K in keyof typeof SettingsSchema.shape]: ReturnType<(typeof SettingsSchema.shape)[K]['unwrap']>;
    },
  )
  .partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const NotificationRequestSchema = z.strictObject({
  title: z.string().min(1).max(200),
  body: z.string().max(1000).default(''),
  urgency: z.enum(['low', 'normal', 'critical']).default('normal'),
});
export type NotificationRequest = z.input<typeof NotificationRequestSchema>;

/** Where the renderer finds its hub. */
export type HubConnection = { hubUrl: string; embedded: boolean };

export { IPC_CHANNELS };

export type WatchfloorBridge = {
  /** 'electron' inside the desktop app, 'web' for the browser fallback */
  readonly platform: 'electron' | 'web';
  getSettings(): Promise<Settings>;
  setSettings(patch: SettingsPatch): Promise<Result<{ settings: Settings }>>;
  notify(request: NotificationRequest): Promise<Result<object>>;
  getHubConnection(): Promise<Result<HubConnection>>;
};

/**
 * What each IPC channel is given and answers. The main process's handlers and the preload are both
 * checked against this one map; every answer is a result object, never a thrown error.
 */
export type IpcContract = {
  [IPC_CHANNELS.settingsGet]: { input: undefined; result: Result<{ settings: Settings }> };
  [IPC_CHANNELS.settingsSet]: { input: SettingsPatch; result: Result<{ settings: Settings }> };
  [IPC_CHANNELS.notificationShow]: { input: NotificationRequest; result: Result<object> };
  [IPC_CHANNELS.hubConnectionGet]: { input: undefined; result: Result<HubConnection> };
};
export type IpcChannel = keyof IpcContract;
