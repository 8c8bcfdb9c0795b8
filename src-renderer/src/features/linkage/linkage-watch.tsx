import { useEffect, useRef } from 'react';
import { useCaughtUp } from '../alerts/use-caught-up';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { User } from '@common/schemas/user';
import { useDb } from '../../db/db-context';
import { alert } from '../alerts/alert';
import { logger } from '../../logger';
import { currentEngine } from '../../sync/runtime';
import { useDepartmentNames } from './linkage-board';
import { overdueRaised, undeliveredIds } from './linkage-logic';

/** An overdue step older than this when first seen was already missed while the screen was shut. */
const FRESH_MS = 10 * 60_000;

/**
 * No UI: watches the replica's linkage orders. At a liaison's workstation, orders that arrive for
 * its department are acknowledged (`linkage.deliver` — the department's workstation has them) and
 * announced by a sound and a native notification. At the command center (duty officer, commander,
 * wall), an order turning overdue, or escalating, raises an alert with a sound.
 */
export function LinkageWatch({ user }: { user: User }) {
  return user.role === 'liaison' ? <LiaisonWatch user={user} /> : <CommandWatch />;
}

function LiaisonWatch({ user }: { user: User }) {
  const { t } = useTranslation();
  const db = useDb();
  const departmentId = user.departmentId ?? '';
  // NOTE: indexed by department; the state is filtered in memory (a department's orders are few).
  const orders = useLiveQuery(
    () =>
      db.linkageActions
        .where('departmentId')
        .equals(departmentId)
        .filter((o) => o.state === 'sent')
        .toArray(),
    [db, departmentId],
  );
  const handled = useRef(new Set<string>());
  const incidents = useRef(new Map<string, string>());

  useEffect(() => {
    if (!orders) return;
    const fresh = undeliveredIds(orders, departmentId).filter((id) => !handled.current.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) handled.current.add(id);
    void (async () => {
      // Deliveries still in the outbox from an earlier session are not sent twice.
      const queued = await db.outbox.where('type').equals('linkage.deliver').toArray();
      const inOutbox = new Set(queued.flatMap((r) => (r.payload as { orderIds: Array<string> }).orderIds));
      const ids = fresh.filter((id) => !inOutbox.has(id));
      if (ids.length > 0) {
        try {
          await currentEngine().enqueue('linkage.deliver', { orderIds: ids.slice(0, 300) });
        } catch (error) {
          logger.error('could not acknowledge delivery', error);
        }
      }
      // a real order leads a mixed batch: the alert takes its mode (drill isolation)
      const arrived = orders.filter((o) => fresh.includes(o.id));
      const first = arrived.find((o) => o.mode === 'real') ?? arrived[0];
      if (!first) return;
      let title = incidents.current.get(first.incidentId);
      if (title === undefined) {
        title = (await db.incidents.get(first.incidentId))?.title ?? '';
        incidents.current.set(first.incidentId, title);
      }
      const body =
        fresh.length === 1
          ? t('linkage.newOrderBody', { incident: title, task: first.task })
          : `${t('linkage.newOrderBody', { incident: title, task: first.task })} (+${fresh.length - 1})`;
      // The shared alert: sound unless muted, native notification; a drill order is marked 演练
      // and sounds the drill chime, so it is never taken for a real one.
      void alert({ kind: 'linkage_order', severity: 'urgent', title: t('linkage.newOrder'), body, mode: first.mode });
    })();
  }, [orders, departmentId, db, t]);
  return null;
}

function CommandWatch() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const db = useDb();
  const names = useDepartmentNames();
  // Only orders still awaiting a signature can be overdue (indexed by state).
  const overdue = useLiveQuery(
    () =>
      db.linkageActions
        .where('state')
        .anyOf(['sent', 'delivered'])
        .filter((o) => o.overdueLevel > 0)
        .toArray(),
    [db],
  );
  const seen = useRef(new Map<string, number>());
  const shown = useRef(new Set<string>());
  const caughtUp = useCaughtUp();

  useEffect(() => {
    if (!overdue) return;
    // An alert is withdrawn once its order no longer waits for a signature (signed, cancelled...).
    const waiting = new Set(overdue.map((o) => `overdue:${o.id}:${o.overdueLevel}`));
    for (const key of shown.current) {
      if (waiting.has(key)) continue;
      notification.destroy(key);
      shown.current.delete(key);
    }
    const { raised, seen: next } = overdueRaised(overdue, seen.current);
    seen.current = next;
    // The catch-up at sign-in replays history (an order may pass through overdue on its way to
    // cancelled): only what falls overdue live is announced; the board shows the rest in red.
    if (!caughtUp) return;
    const now = Date.now();
    const alerts = raised.filter((o) => now - Date.parse(o.updatedAt) < FRESH_MS);
    if (alerts.length === 0) return;
    const bodyOf = (o: (typeof alerts)[number]) =>
      t('linkage.overdueBody', { department: names.get(o.departmentId) ?? o.departmentId, task: o.task });
    const titleOf = (o: (typeof alerts)[number]) =>
      `${o.mode === 'drill' ? `【${t('linkage.drill')}】` : ''}${
        o.overdueLevel >= 2 ? t('linkage.escalatedAlert') : t('linkage.overdueAlert')
      }`;
    for (const o of alerts) {
      shown.current.add(`overdue:${o.id}:${o.overdueLevel}`);
      notification.warning({
        key: `overdue:${o.id}:${o.overdueLevel}`,
        title: titleOf(o),
        description: bodyOf(o),
        duration: 0,
        // bottom right: a stack of overdue alerts must not cover the search box or the feed's top
        placement: 'bottomRight',
        props: { 'data-testid': 'overdue-alert' } as Record<string, string>,
      });
    }
    // One sound and one native notification for the batch (several orders of a set fall due together).
    // NOTE: a real order leads the batch if there is one, and the alert takes that order's mode:
    // a drill must never be read as real, nor a real order as a drill.
    const first = alerts.find((o) => o.mode === 'real') ?? alerts[0];
    if (first) {
      const more = alerts.length > 1 ? ` (+${alerts.length - 1})` : '';
      void alert({
        kind: 'linkage_overdue',
        severity: 'urgent',
        title: first.overdueLevel >= 2 ? t('linkage.escalatedAlert') : t('linkage.overdueAlert'),
        body: `${bodyOf(first)}${more}`,
        mode: first.mode,
      });
    }
  }, [overdue, names, notification, t, caughtUp]);
  return null;
}
