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

/** Largest document the desktop app will write for the renderer (a report with a map is < 5 MB). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** The document types the renderer may save, by extension; the bytes must look like one. */
export const DOCUMENT_TYPES = {
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word' },
} as const;

/**
 * A file the renderer made (an incident report) for the user to save. Only a plain file name
 * is suggested — the user picks the folder in the save dialog — and only known document types.
 */
export const SaveDocumentRequestSchema = z.strictObject({
  suggestedName: z
    .string()
    .trim()
    .min(6)
    .max(200)
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .refine((n) => !/[\\/:*?"<>|\u0000-\u001f]/.test(n), 'a plain file name, without a folder or reserved characters')
    .refine((n) => n.toLowerCase().endsWith('.docx'), 'the name must end in .docx'),
  type: z.enum(Object.keys(DOCUMENT_TYPES) as ['docx']),
  data: z
    .instanceof(Uint8Array)
    .refine((d) => d.byteLength > 0 && d.byteLength <= MAX_DOCUMENT_BYTES, `1 byte to ${MAX_DOCUMENT_BYTES} bytes`)
    // a .docx is a ZIP file: it starts with "PK\x03\x04"
    .refine((d) => d[0] === 0x50 && d[1] === 0x4b && d[2] === 0x03 && d[3] === 0x04, 'not a .docx (ZIP) file'),
});
export type SaveDocumentRequest = z.input<typeof SaveDocumentRequestSchema>;
/** saved: false when the user cancelled the dialog; the name is the file's, never its folder. */
export type SaveDocumentResult = { saved: boolean; fileName?: string };

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
  /** saves a document the renderer made: a save dialog in the desktop app, a download in a browser */
  saveDocument(request: SaveDocumentRequest): Promise<Result<SaveDocumentResult>>;
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
  [IPC_CHANNELS.documentSave]: { input: SaveDocumentRequest; result: Result<SaveDocumentResult> };
};
export type IpcChannel = keyof IpcContract;
