import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { IpcChannel, IpcContract } from '@common/bridge';
import { fail } from '@common/protocol/ack';
import { describeZodError } from '@common/protocol/errors';
import type { Logger } from '../logger';
import { errorFields } from '../logger';

export type IpcResult<C extends IpcChannel> = IpcContract[C]['result'];

/** The part of an invoke event the sender check reads (a structural slice so tests can fake it). */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

export type IpcHandler<C extends IpcChannel, S extends z.ZodType> = (
  input: z.output<S>,
  event: SenderEvent,
) => IpcResult<C> | Promise<IpcResult<C>>;

export type IpcRegistrar = {
  /**
   * Registers `fn` for `channel`. Before `fn` runs, the sender must be the top frame of our own
   * renderer and the input must pass `schema`; `fn`'s answer is passed through, and anything it
   * throws becomes `{ok:false, error:{code:'internal'}}` — nothing is ever thrown across IPC.
   */
  handle<C extends IpcChannel, S extends z.ZodType>(channel: C, schema: S, fn: IpcHandler<C, S>): void;
  /** Removes every handler registered here (quit, tests). */
  dispose(): void;
};

export type IpcRegistrarOptions = {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  /** true when `url` is a document of our own renderer (see app-origin.ts) */
  isTrustedUrl: (url: string) => boolean;
  logger: Logger;
};

/** Why a sender is refused, or null when it is our own renderer's top frame. */
export function senderRefusal(event: SenderEvent, isTrustedUrl: (url: string) => boolean): string | null {
  try {
    const frame = event.senderFrame;
    // NOTE: senderFrame is null when the frame navigated or was destroyed before the message
    // arrived; we cannot tell who sent it, so it is refused like a stranger.
    if (!frame) return 'sender frame is gone';
    if (frame.parent !== null) return 'sender is not a top-level frame';
    if (!isTrustedUrl(frame.url)) return 'sender is not the Watchfloor renderer';
    return null;
  } catch {
    // Reading a disposed WebFrameMain throws.
    return 'sender frame is gone';
  }
}

export function createIpcRegistrar(options: IpcRegistrarOptions): IpcRegistrar {
  const channels = new Set<string>();
  const log = options.logger;

  return {
    handle(channel, schema, fn) {
      if (channels.has(channel)) throw new Error(`IPC channel registered twice: ${channel}`);
      channels.add(channel);
      options.ipcMain.handle(channel, async (event: SenderEvent, ...args: Array<unknown>) => {
        const refusal = senderRefusal(event, options.isTrustedUrl);
        if (refusal) {
          log.warn({ channel, url: safeUrl(event), refusal }, 'IPC call refused');
          return fail('forbidden', refusal);
        }
        if (args.length > 1) return fail('invalid_payload', `expected at most one argument, got ${args.length}`);
        const parsed = schema.safeParse(args[0]);
        if (!parsed.success) return fail('invalid_payload', describeZodError(parsed.error));
        try {
          return await fn(parsed.data, event);
        } catch (error) {
          log.error({ channel, ...errorFields(error) }, 'IPC handler failed');
          return fail('internal', 'the desktop app could not complete this request');
        }
      });
    },
    dispose() {
      for (const channel of channels) options.ipcMain.removeHandler(channel);
      channels.clear();
    },
  };
}

function safeUrl(event: SenderEvent): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null;
  }
}
