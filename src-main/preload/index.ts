import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS } from '@common/ipc-channels';
import type { IpcChannel, IpcContract, Settings, WatchfloorBridge } from '@common/bridge';

/**
 * The sandboxed preload: exposes exactly `window.watchfloor` (WatchfloorBridge), each method one
 * `ipcRenderer.invoke` on a fixed channel. ipcRenderer itself never reaches the page. Inputs are
 * validated in the main process (ipc/handle.ts), not here: the page could bypass a check here
 * anyway, and keeping zod out keeps this single CJS bundle small.
 */
function invoke<C extends IpcChannel>(
  channel: C,
  ...input: IpcContract[C]['input'] extends undefined ? [] : [IpcContract[C]['input']]
): Promise<IpcContract[C]['result']> {
  return ipcRenderer.invoke(channel, ...input) as Promise<IpcContract[C]['result']>;
}

const bridge: WatchfloorBridge = {
  platform: 'electron',
  async getSettings(): Promise<Settings> {
    const result = await invoke(IPC_CHANNELS.settingsGet);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.settings;
  },
  setSettings: (patch) => invoke(IPC_CHANNELS.settingsSet, patch),
  notify: (request) => invoke(IPC_CHANNELS.notificationShow, request),
  getHubConnection: () => invoke(IPC_CHANNELS.hubConnectionGet),
  saveDocument: (request) => invoke(IPC_CHANNELS.documentSave, request),
};

contextBridge.exposeInMainWorld('watchfloor', Object.freeze(bridge));
