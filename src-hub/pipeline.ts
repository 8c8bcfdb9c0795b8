import type { Logger } from 'pino';
import { canSend } from '@common/auth/permissions';
import { fail } from '@common/protocol/ack';
import type { CommandAck } from '@common/protocol/ack';
import { COMMAND_PAYLOADS, CommandEnvelopeSchema, isCommandType } from '@common/protocol/commands';
import type { CommandType, ParsedCommand } from '@common/protocol/commands';
import { describeZodError } from '@common/protocol/errors';
import type { Actor, HubEvent } from '@common/protocol/events';
import type { CommandContext, CommandHandlers, HandlerResult } from './commands/types';
import { guardInput } from './guards';
import type { HubMetrics } from './metrics';
import type { BatchTx, HubStore, StoreReads } from './store/types';

const SLOW_COMMIT_MS = 50;

/**
 * Who sends a command: the actor written into its events, the user id its answer is kept under,
 * and the user's department (absent = none).
 */
export type CommandSource = { actor: Actor; userId: string; departmentId?: string | null };

/**
 * Work the hub does of itself (e.g. an overdue timer firing): run inside a batch exactly like a
 * command — same transaction, hash chain, recorded answer and fan-out — but produced by a
 * function that reads the state at run time, not by a parsed command. `id` is the command id
 * written into the events; `label` names it in logs and metrics.
 */
export type InternalJob = {
  id: string;
  label: string;
  run: (ctx: CommandContext, reads: StoreReads) => HandlerResult;
};

type Pending = {
  command: ParsedCommand | { id: string; type: string; job: InternalJob };
  source: CommandSource;
  startedAt: number;
  resolve: (answer: CommandAck) => void;
};

export type ValidationResult = { ok: true; command: ParsedCommand } | { ok: false; answer: CommandAck };

/**
 * Checks a raw command in the order the protocol gives: size/depth/forbidden keys, envelope,
 * known type, role, payload schema. Nothing here touches the store.
 */
export function validateCommand(raw: unknown, actor: Actor): ValidationResult {
  const guard = guardInput(raw);
  if (guard) return { ok: false, answer: { ok: false, error: guard } };
  const envelope = CommandEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return { ok: false, answer: fail('invalid_payload', describeZodError(envelope.error)) };
  }
  const { id, type, payload } = envelope.data;
  if (!isCommandType(type)) return { ok: false, answer: fail('unknown_command', `unknown command type "${type}"`) };
  if (!canSend(actor.role, type)) {
    return { ok: false, answer: fail('forbidden', `a ${actor.role} may not send ${type}`) };
  }
  const parsed = COMMAND_PAYLOADS[type].safeParse(payload);
  if (!parsed.success) {
    return { ok: false, answer: fail('invalid_payload', describeZodError(parsed.error, 'payload')) };
  }
  return { ok: true, command: { id, type, payload: parsed.data } as ParsedCommand };
}

export type PipelineOptions = {
  store: HubStore;
  handlers: CommandHandlers;
  logger: Logger;
  metrics: HubMetrics;
  /** called after each commit with the committed events, in seq order */
  onCommitted: (events: Array<HubEvent>) => void;
  maxBatch: number;
  now?: () => number;
};

/**
 * Group commit: commands that arrive in the same turn of the event loop are run one after the
 * other inside ONE transaction (each in its own savepoint, so a failing command undoes only its
 * own writes), committed with one fsync, and only then answered and fanned out.
 */
export class CommandPipeline {
  private queue: Array<Pending> = [];
  private scheduled = false;
  private closed = false;
  private readonly now: () => number;

  constructor(private readonly options: PipelineOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Validates and queues a raw command; resolves with its answer (never rejects). */
  submit(raw: unknown, source: CommandSource): Promise<CommandAck> {
    const startedAt = performance.now();
    const checked = validateCommand(raw, source.actor);
    if (!checked.ok) {
      this.count(typeLabel(raw), checked.answer, startedAt);
      return Promise.resolve(checked.answer);
    }
    return this.submitParsed(checked.command, source, startedAt);
  }

  submitParsed(command: ParsedCommand, source: CommandSource, startedAt = performance.now()): Promise<CommandAck> {
    if (this.closed) return Promise.resolve(fail('internal', 'the hub is shutting down; send again later'));
    return new Promise((resolve) => {
      this.queue.push({ command, source, startedAt, resolve });
      this.schedule();
    });
  }

  /** Queues work of the hub itself (timers) behind the commands already waiting. */
  submitInternal(job: InternalJob, source: CommandSource): Promise<CommandAck> {
    if (this.closed) return Promise.resolve(fail('internal', 'the hub is shutting down'));
    return new Promise((resolve) => {
      this.queue.push({ command: { id: job.id, type: job.label, job }, source, startedAt: performance.now(), resolve });
      this.schedule();
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Stops taking commands and commits everything queued. */
  close(): void {
    this.closed = true;
    while (this.queue.length > 0) this.flush();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // NOTE: setImmediate, not queueMicrotask: it runs after this poll phase, so every command
    // read from the sockets in this turn joins the same transaction.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    const batch = this.queue.splice(0, this.options.maxBatch);
    if (this.queue.length > 0) this.schedule();
    if (batch.length === 0) return;
    const { store, logger, metrics } = this.options;
    const answers: Array<CommandAck> = [];
    let committed: Array<HubEvent>;
    const t0 = performance.now();
    try {
      committed = store.batch((tx) => {
        const events: Array<HubEvent> = [];
        for (const p of batch) answers.push(this.runOne(tx, p, events));
        return events;
      });
    } catch (err) {
      logger.error({ err, commands: batch.length }, 'commit failed; the whole batch is refused');
      answers.length = 0;
      for (let i = 0; i < batch.length; i++) answers.push(fail('internal', 'the hub could not store the command'));
      committed = [];
    }
    const commitMs = performance.now() - t0;
    metrics.commitSeconds.observe(commitMs / 1000);
    if (commitMs > SLOW_COMMIT_MS) logger.warn({ ms: Math.round(commitMs), commands: batch.length }, 'slow commit');
    metrics.batchSize.observe(batch.length);
    batch.forEach((p, i) => {
      const answer = answers[i] ?? fail('internal', 'no answer');
      this.count(p.command.type, answer, p.startedAt);
      p.resolve(answer);
    });
    if (committed.length > 0) {
      for (const e of committed) metrics.events.inc({ type: e.type });
      metrics.headSeq.set(store.headSeq());
      try {
        this.options.onCommitted(committed);
      } catch (err) {
        logger.error({ err }, 'fan-out failed');
      }
    }
  }

  private runOne(tx: BatchTx, p: Pending, out: Array<HubEvent>): CommandAck {
    const { command, source } = p;
    const prior = tx.getCommand(command.id);
    if (prior) {
      if (prior.userId !== source.userId || prior.type !== command.type) {
        return fail('conflict', `command id ${command.id} was already used for another command`);
      }
      return prior.answer.ok ? { ...prior.answer, duplicate: true } : prior.answer;
    }
    const at = new Date(this.now()).toISOString();
    const ctx = { commandId: command.id, actor: source.actor, at, departmentId: source.departmentId ?? null };
    try {
      let result: HandlerResult;
      if ('job' in command) result = command.job.run(ctx, tx);
      else {
        const handler = this.options.handlers[command.type] as (
          c: typeof ctx,
          payload: unknown,
        ) => ReturnType<CommandHandlers[CommandType]>;
        result = handler(ctx, command.payload);
      }
      // NOTE: refusals are not stored: they had no effect, so running a resend again is safe
      // (and lets a command refused for a missing incident succeed once the incident exists).
      if (!result.ok) return { ok: false, error: result.error };
      return tx.attempt(() => {
        const events = tx.append(result.events);
        const seq = events[events.length - 1]?.seq ?? result.holdsSince;
        if (seq === undefined) throw new Error(`${command.type} produced no event`);
        const answer: CommandAck = { ok: true, seq };
        tx.recordCommand({ id: command.id, userId: source.userId, type: command.type, answer, at });
        out.push(...events);
        return answer;
      });
    } catch (err) {
      this.options.logger.error({ err, commandId: command.id, type: command.type }, 'command failed');
      return fail('internal', 'the hub failed to run this command; nothing was changed');
    }
  }

  private count(type: string, answer: CommandAck, startedAt: number): void {
    const result = answer.ok ? (answer.duplicate ? 'duplicate' : 'ok') : answer.error.code;
    this.options.metrics.commands.inc({ type, result });
    this.options.metrics.commandSeconds.observe({ type }, (performance.now() - startedAt) / 1000);
  }
}

/** Metric label for a raw command's type: only known types, so input cannot grow the label set. */
function typeLabel(raw: unknown): string {
  if (raw !== null && typeof raw === 'object' && 'type' in raw) {
    const t = (raw as { type: unknown }).type;
    if (typeof t === 'string' && isCommandType(t)) return t;
  }
  return 'unknown';
}
