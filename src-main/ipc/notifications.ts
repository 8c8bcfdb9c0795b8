import type { Notification as ElectronNotification, NotificationConstructorOptions } from 'electron';
import { fail } from '@common/protocol/ack';
import type { Logger } from '../logger';
import type { NativeNotifier } from './handlers';

export type NotificationClass = {
  new (options: NotificationConstructorOptions): Pick<ElectronNotification, 'show' | 'close' | 'on'>;
  isSupported(): boolean;
};

export type NotifierOptions = {
  Notification: NotificationClass;
  /** clicking a notification brings the workstation window forward */
  onClick: () => void;
  logger: Logger;
  /** at most `limit` notifications per `windowMs`: a renderer bug must not flood the desktop */
  limit?: number;
  windowMs?: number;
  now?: () => number;
};

export function createNativeNotifier(options: NotifierOptions): NativeNotifier {
  const limit = options.limit ?? 10;
  const windowMs = options.windowMs ?? 10_000;
  const now = options.now ?? Date.now;
  let shown: Array<number> = [];
  // NOTE: Electron notifications that are garbage-collected lose their click handler; keep the
  // live ones referenced until they are clicked or closed.
  const live = new Set<Pick<ElectronNotification, 'show' | 'close' | 'on'>>();

  return (request, { silent }) => {
    if (!options.Notification.isSupported()) {
      return fail('not_found', 'native notifications are not supported on this system');
    }
    const at = now();
    shown = shown.filter((t) => at - t < windowMs);
    if (shown.length >= limit) return fail('rate_limited', `at most ${limit} notifications per ${windowMs / 1000} s`);
    shown.push(at);
    const notification = new options.Notification({
      title: request.title,
      body: request.body,
      urgency: request.urgency,
      silent,
      // A critical alert stays until the duty officer dismisses it.
      timeoutType: request.urgency === 'critical' ? 'never' : 'default',
    });
    live.add(notification);
    notification.on('click', () => {
      live.delete(notification);
      options.onClick();
    });
    notification.on('close', () => live.delete(notification));
    notification.on('failed', (_event, error) => {
      live.delete(notification);
      options.logger.warn({ error }, 'native notification failed');
    });
    notification.show();
    return { ok: true };
  };
}
