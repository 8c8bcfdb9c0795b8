/**
 * The hub's clock: the time written into events and the timers that fire on deadlines (overdue
 * linkage orders). Injectable so tests can move time on instead of waiting real minutes.
 */
export type TimerHandle = { cancel(): void };

export type HubClock = {
  now(): number;
  /** Runs `fn` once, `ms` from now by this clock. */
  setTimer(fn: () => void, ms: number): TimerHandle;
};

/** Node's setTimeout caps a delay at 2^31−1 ms (~24.8 days); a longer wait re-arms. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export const systemClock: HubClock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    let timer: NodeJS.Timeout;
    const due = Date.now() + Math.max(0, ms);
    const arm = (): void => {
      const left = due - Date.now();
      timer = setTimeout(left > MAX_DELAY_MS ? arm : fn, Math.min(Math.max(0, left), MAX_DELAY_MS));
      // NOTE: unref: a pending deadline must not keep a stopped hub's process alive.
      timer.unref();
    };
    arm();
    return { cancel: () => clearTimeout(timer) };
  },
};

/**
 * A clock that moves only when told (tests, drills that fast-forward). `advance(ms)` runs every
 * timer that falls due, in due order, each seeing `now()` at its own due time.
 */
export class ManualClock implements HubClock {
  private timers: Array<{ due: number; fn: () => void; id: number }> = [];
  private nextId = 1;

  constructor(private current: number = Date.now()) {}

  now(): number {
    return this.current;
  }

  setTimer(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.push({ due: this.current + Math.max(0, ms), fn, id });
    return { cancel: () => (this.timers = this.timers.filter((t) => t.id !== id)) };
  }

  /** Moves time on by `ms`, firing the timers that fall due on the way. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.due <= target).sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t.id !== next.id);
      this.current = Math.max(this.current, next.due);
      next.fn();
    }
    this.current = target;
  }

  /** Sets the time (forwards only), firing what falls due. */
  set(ms: number): void {
    if (ms > this.current) this.advance(ms - this.current);
  }

  get pending(): number {
    return this.timers.length;
  }
}
