import { canActInMode } from '@common/auth/permissions';
import type { CommandPayload, CommandType } from '@common/protocol/commands';
import type { ErrorBody } from '@common/protocol/errors';
import type { Actor, NewEvent } from '@common/protocol/events';
import type { Mode } from '@common/schemas/common';
import type { StoreReads } from '../store/types';

/** What a handler knows about the command it runs. */
export type CommandContext = {
  commandId: string;
  actor: Actor;
  /** hub time of processing, ISO-8601 */
  at: string;
  /**
   * The sender's department (users table), for the rules that depend on it: a liaison acts only
   * on its own department's orders and teams. Not part of the event's Actor on purpose: the log
   * records who acted, the department is looked up at the time of the command. Null when the
   * user has none.
   */
  departmentId: string | null;
};

/**
 * A handler never throws to the socket: it gives events to append, or a refusal. An idempotent
 * step with nothing left to do (e.g. delivering orders already delivered) gives no events and
 * `holdsSince`, the seq since which the asked-for state holds; that seq is the answer.
 */
export type HandlerResult =
  { ok: true; events: Array<NewEvent>; holdsSince?: number } | { ok: false; error: ErrorBody };

export type CommandDeps = {
  /** reads through the open batch, so a handler sees earlier commands of the same batch */
  reads: StoreReads;
};

export type CommandHandler<T extends CommandType> = (ctx: CommandContext, payload: CommandPayload<T>) => HandlerResult;
export type CommandHandlerFactory<T extends CommandType> = (deps: CommandDeps) => CommandHandler<T>;
export type CommandHandlers = { [K in CommandType]: CommandHandler<K> };

export function refuse(code: ErrorBody['code'], message: string): HandlerResult {
  return { ok: false, error: { code, message } };
}

/** The drill rule (a drill coordinator touches only drill items), as a refusal or null. */
export function drillRule(ctx: CommandContext, mode: Mode): HandlerResult | null {
  if (canActInMode(ctx.actor.role, mode)) return null;
  return refuse('forbidden', `a ${ctx.actor.role} may not act on a ${mode} incident`);
}
