import { z } from 'zod';
import type { Result } from './protocol/ack';

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
export const SettingsPatchSchema = SettingsSchema.partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const NotificationRequestSchema = z.strictObject({
  title: z.string().min(1).max(200),
  body: z.string().max(1000).default(''),
  urgency: z.enum(['low', 'normal', 'critical']).default('normal'),
});
export type NotificationRequest = z.input<typeof NotificationRequestSchema>;

/** Where the renderer finds its hub. */
export type HubConnection = { hubUrl: string; embedded: boolean };

export const IPC_CHANNELS = {
  settingsGet: 'settings:all:get',
  settingsSet: 'settings:all:set',
  notificationShow: 'notification:native:show',
  hubConnectionGet: 'hub:connection:get',
} as const;

export type WatchfloorBridge = {
  /** 'electron' inside the desktop app, 'web' for the browser fallback */
  readonly platform: 'electron' | 'web';
  getSettings(): Promise<Settings>;
  setSettings(patch: SettingsPatch): Promise<Result<{ settings: Settings }>>;
  notify(request: NotificationRequest): Promise<Result<object>>;
  getHubConnection(): Promise<Result<HubConnection>>;
};
