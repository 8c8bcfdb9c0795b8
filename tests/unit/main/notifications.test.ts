import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createNativeNotifier } from '../../../src-main/ipc/notifications';
import { recordingLogger } from './helpers';

vi.mock('electron', () => ({}));

function fakeNotificationClass(supported = true) {
  const made: Array<FakeNotification> = [];
  class FakeNotification extends EventEmitter {
    show = vi.fn();
    close = vi.fn();
    constructor(readonly options: object) {
      super();
      made.push(this);
    }
    static isSupported = () => supported;
  }
  return { FakeNotification, made };
}

describe('native notifications', () => {
  it('shows one with the validated fields, silent when muted, focusing the window on click', () => {
    const { FakeNotification, made } = fakeNotificationClass();
    const onClick = vi.fn();
    const notify = createNativeNotifier({
      Notification: FakeNotification as never,
      onClick,
      logger: recordingLogger(),
    });
    expect(notify({ title: '化工厂泄漏', body: '荣安化工', urgency: 'critical' }, { silent: true })).toEqual({
      ok: true,
    });
    expect(made[0]?.options).toEqual({
      title: '化工厂泄漏',
      body: '荣安化工',
      urgency: 'critical',
      silent: true,
      timeoutType: 'never',
    });
    expect(made[0]?.show).toHaveBeenCalled();
    made[0]?.emit('click');
    expect(onClick).toHaveBeenCalled();
  });

  it('refuses when unsupported, and rate-limits a flood', () => {
    const unsupported = fakeNotificationClass(false);
    const n0 = createNativeNotifier({
      Notification: unsupported.FakeNotification as never,
      onClick: () => undefined,
      logger: recordingLogger(),
    });
    expect(n0({ title: 'x', body: '', urgency: 'normal' }, { silent: false })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    let now = 0;
    const { FakeNotification, made } = fakeNotificationClass();
    const notify = createNativeNotifier({
      Notification: FakeNotification as never,
      onClick: () => undefined,
      logger: recordingLogger(),
      limit: 3,
      windowMs: 1_000,
      now: () => now,
    });
    const request = { title: 'x', body: '', urgency: 'low' as const };
    const results = Array.from({ length: 5 }, () => notify(request, { silent: false }).ok);
    expect(results).toEqual([true, true, true, false, false]);
    expect(made).toHaveLength(3);
    now = 1_000;
    expect(notify(request, { silent: false })).toEqual({ ok: true });
  });
});
