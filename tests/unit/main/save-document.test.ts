import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, MAX_DOCUMENT_BYTES, SettingsSchema } from '@common/bridge';
import { APP_INDEX_URL, isTrustedRendererUrl, resolveRendererLocation } from '../../../src-main/app-origin';
import { createIpcRegistrar } from '../../../src-main/ipc/handle';
import type { SenderEvent } from '../../../src-main/ipc/handle';
import { registerIpcHandlers } from '../../../src-main/ipc/handlers';
import { createDocumentSaver } from '../../../src-main/ipc/save-document';
import type { ShowSaveDialog } from '../../../src-main/ipc/save-document';
import { recordingLogger } from './helpers';

vi.mock('electron', () => {
  throw new Error('the document saver must not import electron: the dialog is injected');
});

type Listener = (event: SenderEvent, ...args: Array<unknown>) => Promise<unknown>;
const OWN = { senderFrame: { url: APP_INDEX_URL, parent: null } } as unknown as SenderEvent;
const FOREIGN = { senderFrame: { url: 'https://evil.example/', parent: null } } as unknown as SenderEvent;
const DOCX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);

/** The real registrar and handler map, with the dialog and the disk faked. */
function wired(dialogAnswer: Awaited<ReturnType<ShowSaveDialog>>, writeError?: NodeJS.ErrnoException) {
  const listeners = new Map<string, Listener>();
  // the same stand-in for ipcMain as ipc-handle.test.ts: the test plays the renderer's invoke
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => void listeners.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => void listeners.delete(channel)),
  };
  const location = resolveRendererLocation({ devServerUrl: undefined, isPackaged: true });
  const ipc = createIpcRegistrar({
    ipcMain,
    isTrustedUrl: (url) => isTrustedRendererUrl(url, location),
    logger: recordingLogger(),
  });
  const showSaveDialog = vi.fn<ShowSaveDialog>(async () => dialogAnswer);
  const writeFile = vi.fn(async (_path: string, _data: Uint8Array) => {
    if (writeError) throw writeError;
  });
  registerIpcHandlers(ipc, {
    settings: { get: () => SettingsSchema.parse({}), update: vi.fn() },
    notify: vi.fn(() => ({ ok: true as const })),
    hubConnection: vi.fn(),
    saveDocument: createDocumentSaver({ showSaveDialog, writeFile, defaultDir: () => '/home/duty/Documents' }),
  });
  const invoke = (event: SenderEvent, ...args: Array<unknown>) => {
    const listener = listeners.get(IPC_CHANNELS.documentSave);
    if (!listener) throw new Error('document:file:save is not wired');
    return listener(event, ...args);
  };
  return { invoke, showSaveDialog, writeFile };
}

describe('document:file:save', () => {
  it('asks where with a save dialog in the user’s Documents, writes the bytes there, answers the file name only', async () => {
    const { invoke, showSaveDialog, writeFile } = wired({ canceled: false, filePath: '/srv/reports/快报.docx' });
    const answer = await invoke(OWN, {
      suggestedName: '事故信息快报-火灾-202603142330.docx',
      type: 'docx',
      data: DOCX,
    });
    expect(answer).toEqual({ ok: true, saved: true, fileName: '快报.docx' });
    expect(showSaveDialog).toHaveBeenCalledWith({
      title: '事故信息快报-火灾-202603142330.docx',
      defaultPath: '/home/duty/Documents/事故信息快报-火灾-202603142330.docx',
      filters: [{ name: 'Word', extensions: ['docx'] }],
    });
    expect(writeFile).toHaveBeenCalledWith('/srv/reports/快报.docx', DOCX);
  });

  it('keeps the .docx extension when the user typed a name without it; a cancel writes nothing', async () => {
    const typed = wired({ canceled: false, filePath: '/tmp/report' });
    await expect(typed.invoke(OWN, { suggestedName: 'a-report.docx', type: 'docx', data: DOCX })).resolves.toEqual({
      ok: true,
      saved: true,
      fileName: 'report.docx',
    });
    expect(typed.writeFile).toHaveBeenCalledWith('/tmp/report.docx', DOCX);
    const cancelled = wired({ canceled: true });
    await expect(cancelled.invoke(OWN, { suggestedName: 'a-report.docx', type: 'docx', data: DOCX })).resolves.toEqual({
      ok: true,
      saved: false,
    });
    expect(cancelled.writeFile).not.toHaveBeenCalled();
  });

  it('refuses, naming the field, a path instead of a name, another type, bytes that are not a .docx, too many bytes', async () => {
    const { invoke, showSaveDialog } = wired({ canceled: false, filePath: '/tmp/x.docx' });
    const cases: Array<[unknown, string]> = [
      [{ suggestedName: '../../etc/passwd.docx', type: 'docx', data: DOCX }, 'suggestedName'],
      [{ suggestedName: 'C:\\Windows\\a.docx', type: 'docx', data: DOCX }, 'suggestedName'],
      [{ suggestedName: 'report.exe', type: 'docx', data: DOCX }, 'suggestedName'],
      [{ suggestedName: 'report.docx', type: 'exe', data: DOCX }, 'type'],
      [{ suggestedName: 'report.docx', type: 'docx', data: new Uint8Array([0x4d, 0x5a, 0, 0]) }, 'data'],
      [{ suggestedName: 'report.docx', type: 'docx', data: 'UEsDBA==' }, 'data'],
      [{ suggestedName: 'report.docx', type: 'docx', data: new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x50) }, 'data'],
      [{ suggestedName: 'report.docx', type: 'docx', data: DOCX, path: '/etc' }, 'path'],
    ];
    for (const [input, field] of cases) {
      const answer = (await invoke(OWN, input)) as { ok: boolean; error?: { code: string; message: string } };
      expect(answer.ok, JSON.stringify(field)).toBe(false);
      expect(answer.error?.code).toBe('invalid_payload');
      expect(answer.error?.message).toContain(field);
    }
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses a foreign sender before any dialog; a failed write is an error answer, not a throw', async () => {
    const foreign = wired({ canceled: false, filePath: '/tmp/x.docx' });
    await expect(
      foreign.invoke(FOREIGN, { suggestedName: 'report.docx', type: 'docx', data: DOCX }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(foreign.showSaveDialog).not.toHaveBeenCalled();
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const failing = wired({ canceled: false, filePath: '/root/x.docx' }, denied);
    await expect(failing.invoke(OWN, { suggestedName: 'report.docx', type: 'docx', data: DOCX })).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'could not write x.docx (EACCES)' },
    });
  });
});
