import { basename, join } from 'node:path';
import type { z } from 'zod';
import { DOCUMENT_TYPES } from '@common/bridge';
import type { SaveDocumentRequestSchema, SaveDocumentResult } from '@common/bridge';
import type { Result } from '@common/protocol/ack';
import { fail } from '@common/protocol/ack';

/** The slice of Electron's dialog the saver uses; injected so tests need no Electron. */
export type ShowSaveDialog = (options: {
  title: string;
  defaultPath: string;
  filters: Array<{ name: string; extensions: Array<string> }>;
}) => Promise<{ canceled: boolean; filePath?: string }>;

export type DocumentSaverDeps = {
  showSaveDialog: ShowSaveDialog;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
  /** the folder the dialog opens in (the user's Documents) */
  defaultDir: () => string;
};

/**
 * Saves a document the renderer made. The renderer only suggests a file name (validated by
 * SaveDocumentRequestSchema); the user picks where in the native dialog, and only the path the
 * dialog returns is written. The answer names the file, never the folder.
 */
export function createDocumentSaver(deps: DocumentSaverDeps) {
  return async (request: z.output<typeof SaveDocumentRequestSchema>): Promise<Result<SaveDocumentResult>> => {
    const type = DOCUMENT_TYPES[request.type];
    const choice = await deps.showSaveDialog({
      title: request.suggestedName,
      defaultPath: join(deps.defaultDir(), request.suggestedName),
      filters: [{ name: type.label, extensions: [request.type] }],
    });
    if (choice.canceled || !choice.filePath) return { ok: true, saved: false };
    // The dialog lets the user type any name; keep the type the bytes are.
    const path = choice.filePath.toLowerCase().endsWith(`.${request.type}`)
      ? choice.filePath
      : `${choice.filePath}.${request.type}`;
    try {
      await deps.writeFile(path, request.data);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
      return fail('internal', `could not write ${basename(path)} (${code})`);
    }
    return { ok: true, saved: true, fileName: basename(path) };
  };
}
