import { useCallback } from 'react';
import { App } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { CommandPayloadInput } from '@common/protocol/commands';
import type { DutyLogEntry } from '@common/schemas/duty';
import { useDb } from '../../db/db-context';
import { currentEngine } from '../../sync/runtime';
import { InvalidCommandError } from '../../sync/sync-engine';

/** Every duty-log row of the replica (a county's log is small: hundreds a month). */
export function useDutyRows(): ReadonlyArray<DutyLogEntry> | undefined {
  const db = useDb();
  return useLiveQuery(() => db.dutyLog.toArray(), [db]);
}

type DutyCommand = 'duty.log' | 'duty.handover' | 'duty.acceptHandover';

/**
 * Sends a duty command through the outbox (it waits there while offline). Resolves true once
 * saved; a payload the shared schema refuses is shown, with the field, and resolves false.
 */
export function useDutySend() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    async <T extends DutyCommand>(type: T, payload: CommandPayloadInput<T>, done: string): Promise<boolean> => {
      try {
        await currentEngine().enqueue(type, payload);
        void message.success(done);
        return true;
      } catch (e) {
        void message.error(
          t('failure.title', { command: t(`commands.${type}`) }) +
            ' ' +
            (e instanceof InvalidCommandError ? e.detail : String(e)),
        );
        return false;
      }
    },
    [message, t],
  );
}
