import type { Logger } from 'pino';
import { ulid } from 'ulid';
import type { HubEvent } from '@common/protocol/events';
import { LINKAGE_AWAITING_SIGNATURE, overdueLevelAt, overdueLevelDueAt } from '@common/rules/linkage-machine';
import type { LinkageSettings } from '@common/domain/linkage-settings';
import type { HubClock, TimerHandle } from '../clock';
import { orderEvent } from '../commands/linkage/order';
import { refuse } from '../commands/types';
import type { CommandPipeline } from '../pipeline';
import type { HubStore } from '../store/types';
import { SYSTEM_ACTOR, SYSTEM_USER } from '../system-users';

/** What a timer needs to know of an unsigned order. */
type Watched = { id: string; signDeadline: string; overdueLevel: number };

export type OverdueTimerDeps = {
  store: HubStore;
  pipeline: CommandPipeline;
  clock: HubClock;
  settings: Pick<LinkageSettings, 'escalateEveryMinutes' | 'maxOverdueLevel'>;
  logger: Logger;
};

/**
 * The hub's escalation of unsigned linkage orders: one timer per order still `sent`/`delivered`,
 * armed for its next overdue level. Kept by the hub, so it holds when every screen is closed, and
 * holding no state of its own: at start-up it is rebuilt from the projection (`p_linkage_actions`),
 * and after that it follows the committed events.
 *
 * When a timer fires, `linkage.overdue` is appended through the command pipeline as the system
 * actor, so it is logged, hash-chained and fanned out like any event. The level is the one reached
 * at that moment by the hub's clock, and only if it is above the level already recorded: a hub that
 * was down past a deadline emits once on start-up (the level reached now, not one per missed
 * level), and never repeats a recorded level.
 */
export class OverdueTimers {
  private readonly timers = new Map<string, TimerHandle>();
  private stopped = false;

  constructor(private readonly deps: OverdueTimerDeps) {}

  /** Arms a timer (or fires at once) for every unsigned order in the projection. */
  start(): void {
    let armed = 0;
    for (const order of this.deps.store.listRows('linkageActions')) {
      if (!LINKAGE_AWAITING_SIGNATURE.includes(order.state)) continue;
      this.track(order);
      armed += 1;
    }
    this.deps.logger.info(
      { unsigned: armed, settings: this.deps.settings },
      'linkage overdue timers armed from the projection',
    );
  }

  /** Follows committed events: new orders are watched, signed/declined/cancelled ones dropped. */
  observe(events: ReadonlyArray<HubEvent>): void {
    if (this.stopped) return;
    for (const e of events) {
      switch (e.type) {
        case 'linkage.sent':
          this.track({ id: e.payload.orderId, signDeadline: e.payload.signDeadline, overdueLevel: 0 });
          break;
        case 'linkage.overdue':
          this.track({ id: e.payload.orderId, signDeadline: e.payload.signDeadline, overdueLevel: e.payload.level });
          break;
        case 'linkage.signed':
        case 'linkage.declined':
        case 'linkage.cancelled':
        case 'linkage.completed':
          this.drop(e.payload.orderId);
          break;
        default:
          break;
      }
    }
  }

  /** Orders with a timer armed or a firing queued (tests, metrics). */
  get watching(): number {
    return this.timers.size;
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
  }

  private drop(orderId: string): void {
    this.timers.get(orderId)?.cancel();
    this.timers.delete(orderId);
  }

  private track(order: Watched): void {
    this.drop(order.id);
    if (this.stopped) return;
    const { clock, settings } = this.deps;
    const now = clock.now();
    const reached = overdueLevelAt(order.signDeadline, now, settings.escalateEveryMinutes, settings.maxOverdueLevel);
    if (reached > order.overdueLevel) {
      // Already due (a deadline passed while the hub was down): fire once, now. The job joins
      // the pipeline's next batch, so every order due at start-up is appended in one commit.
      this.fire(order.id);
      return;
    }
    const next = order.overdueLevel + 1;
    if (next > settings.maxOverdueLevel) return;
    const due = overdueLevelDueAt(order.signDeadline, next, settings.escalateEveryMinutes);
    this.timers.set(
      order.id,
      clock.setTimer(() => this.fire(order.id), due - now),
    );
  }

  private fire(orderId: string): void {
    this.timers.delete(orderId);
    if (this.stopped) return;
    const { pipeline, settings, logger } = this.deps;
    // Decided inside the batch, against the state at that moment (a signature may have been
    // committed in the same batch).
    let outcome: 'emitted' | 'early' | 'settled' = 'settled';
    void pipeline
      .submitInternal(
        {
          id: ulid(this.deps.clock.now()),
          label: 'linkage.overdue',
          run: (ctx, reads) => {
            const order = reads.getRow('linkageActions', orderId);
            if (!order || !LINKAGE_AWAITING_SIGNATURE.includes(order.state)) {
              return refuse('conflict', `order ${orderId} no longer awaits a signature`);
            }
            // An incident closed or dismissed with orders still unsigned: they are moot, no alarm.
            const incident = reads.getRow('incidents', order.incidentId);
            if (incident && (incident.state === 'closed' || incident.state === 'dismissed')) {
              return refuse('conflict', `order ${orderId}: the incident is ${incident.state}`);
            }
            const level = overdueLevelAt(
              order.signDeadline,
              Date.parse(ctx.at),
              settings.escalateEveryMinutes,
              settings.maxOverdueLevel,
            );
            if (level <= order.overdueLevel) {
              outcome = 'early';
              return refuse('conflict', `order ${orderId} is already at overdue level ${order.overdueLevel}`);
            }
            outcome = 'emitted';
            return {
              ok: true,
              events: [orderEvent(ctx, reads, order, 'linkage.overdue', { level, signDeadline: order.signDeadline })],
            };
          },
        },
        { actor: SYSTEM_ACTOR, userId: SYSTEM_USER.id, departmentId: null },
      )
      .then((answer) => {
        if (answer.ok) {
          logger.info({ orderId, seq: answer.seq }, 'linkage order overdue');
          return;
        }
        // A timer that fired a moment early (timer rounding): arm again from the stored row.
        if (outcome === 'early') {
          const row = this.deps.store.getRow('linkageActions', orderId);
          if (row && LINKAGE_AWAITING_SIGNATURE.includes(row.state)) this.track(row);
          return;
        }
        if (answer.error.code !== 'conflict') logger.error({ orderId, error: answer.error }, 'overdue not recorded');
      });
  }
}
