import { z } from 'zod';
import {
  IPC_CHANNELS,
  NotificationRequestSchema,
  SaveDocumentRequestSchema,
  SettingsPatchSchema,
} from '@common/bridge';
import type { HubConnection, SaveDocumentResult } from '@common/bridge';
import type { Result } from '@common/protocol/ack';
import type { SettingsStore } from '../settings/settings-store';
import type { IpcRegistrar } from './handle';

/** Shows a native notification; injected so tests (and platforms without one) need no Electron. */
export type NativeNotifier = (
  request: z.output<typeof NotificationRequestSchema>,
  options: { silent: boolean },
) => Result<object>;

export type IpcHandlerDeps = {
  settings: Pick<SettingsStore, 'get' | 'update'>;
  notify: NativeNotifier;
  hubConnection: () => Promise<Result<HubConnection>>;
  /** save dialog + write (ipc/save-document.ts) */
  saveDocument: (request: z.output<typeof SaveDocumentRequestSchema>) => Promise<Result<SaveDocumentResult>>;
};

/** Channels that take no argument accept exactly `undefined` (invoke(channel) with nothing). */
const NoInputSchema = z.undefined();

/** Wires every channel of IPC_CHANNELS. One place, so a channel cannot be forgotten or doubled. */
export function registerIpcHandlers(ipc: IpcRegistrar, deps: IpcHandlerDeps): void {
  ipc.handle(IPC_CHANNELS.settingsGet, NoInputSchema, () => ({ ok: true, settings: deps.settings.get() }));
  ipc.handle(IPC_CHANNELS.settingsSet, SettingsPatchSchema, (patch) => deps.settings.update(patch));
  ipc.handle(IPC_CHANNELS.notificationShow, NotificationRequestSchema, (request) =>
    deps.notify(request, { silent: deps.settings.get().muted }),
  );
  ipc.handle(IPC_CHANNELS.hubConnectionGet, NoInputSchema, () => deps.hubConnection());
  ipc.handle(IPC_CHANNELS.documentSave, SaveDocumentRequestSchema, (request) => deps.saveDocument(request));
}
