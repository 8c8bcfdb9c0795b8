import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io';
import { fail } from '@common/protocol/ack';
import { describeZodError } from '@common/protocol/errors';
import type { Actor, HubEvent } from '@common/protocol/events';
import { MAX_TRANSPORT_BYTES } from '@common/protocol/limits';
import { SOCKET_NAMESPACE } from '@common/protocol/login';
import type { ClientToServerEvents, ServerToClientEvents } from '@common/protocol/socket';
import { SnapshotRequestSchema, SyncRequestSchema } from '@common/protocol/sync';
import type { SnapshotAck, SyncAck } from '@common/protocol/sync';
import { actorOf, authenticate, isLive } from '../auth/sessions';
import type { HubConfig } from '../config';
import { guardInput } from '../guards';
import type { HubMetrics } from '../metrics';
import type { CommandPipeline } from '../pipeline';
import { audienceOf, canSee, canSeeOrder, roomsFor } from '../rooms';
import type { HubStore, SessionRecord, UserRecord } from '../store/types';

export type SocketData = { user: UserRecord; session: SessionRecord; actor: Actor };
type HubServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export type SocketDeps = {
  httpServer: HttpServer;
  config: HubConfig;
  store: HubStore;
  pipeline: CommandPipeline;
  logger: Logger;
  metrics: HubMetrics;
};

const MAX_TIMER_MS = 2 ** 31 - 1;

export function attachSocketServer(deps: SocketDeps) {
  const { config, store, pipeline, logger, metrics } = deps;
  const io: HubServer = new Server(deps.httpServer, {
    // NOTE: above MAX_COMMAND_BYTES, so an oversize command is answered `payload_too_large`
    // by the guard instead of the transport dropping the connection.
    maxHttpBufferSize: MAX_TRANSPORT_BYTES,
    serveClient: false,
    // Tokens, not cookies: any origin may connect, the token decides.
    cors: { origin: '*' },
    // NOTE: no connectionStateRecovery: clients catch up through `sync`, which is the one path.
  });
  // The default namespace serves nothing.
  io.of('/').use((_socket, next) => next(new Error('unauthorized')));
  const nsp = io.of(SOCKET_NAMESPACE);
  const limiter = new RateLimiterMemory({ points: config.rateLimit.points, duration: config.rateLimit.durationSec });
  let accepting = true;

  nsp.use((socket, next) => {
    if (!accepting) return next(new Error('unavailable'));
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const found = authenticate(store, auth.token, Date.now());
    if (!found) return next(new Error('unauthorized'));
    const workstation =
      typeof auth.workstation === 'string' && auth.workstation.trim() !== ''
        ? auth.workstation.trim().slice(0, 100)
        : found.session.workstation;
    socket.data = { user: found.user, session: found.session, actor: actorOf(found.user, workstation) };
    next();
  });

  function endSession(socket: HubSocket, message: string): void {
    if (!socket.connected) return;
    socket.emit('session.ended', { code: 'unauthorized', message });
    socket.disconnect(true);
  }

  /** Registers a handler that always answers with a result object, whatever arrives. */
  function onRequest<T>(
    socket: HubSocket,
    name: keyof ClientToServerEvents,
    handler: (input: unknown) => Promise<T> | T,
  ): void {
    (socket as unknown as { on(n: string, l: (...args: Array<unknown>) => void): void }).on(name, (...args) => {
      const last = args[args.length - 1];
      const ack = typeof last === 'function' ? (last as (answer: unknown) => void) : undefined;
      const input = args.length > (ack ? 1 : 0) ? args[0] : undefined;
      const reply = (answer: unknown): void => {
        if (ack) ack(answer);
      };
      limiter
        .consume(socket.id)
        .then(
          async () => reply(await handler(input)),
          (rej: unknown) => {
            if (rej instanceof Error) throw rej;
            reply(
              fail(
                'rate_limited',
                `more than ${config.rateLimit.points} requests in ${config.rateLimit.durationSec} s`,
              ),
            );
          },
        )
        .catch((err: unknown) => {
          logger.error({ err, event: name, socket: socket.id }, 'socket handler failed');
          reply(fail('internal', 'internal error; nothing was changed'));
        });
    });
  }

  nsp.on('connection', (socket) => {
    const { user, session } = socket.data;
    metrics.sockets.inc();
    void socket.join(roomsFor(user, session.id));
    logger.debug({ user: user.username, socket: socket.id }, 'connected');
    const expiry = setTimeout(
      () => endSession(socket, 'the session has expired; log in again'),
      Math.min(Math.max(session.expiresAt - Date.now(), 0), MAX_TIMER_MS),
    );

    onRequest(socket, 'command', (raw) =>
      pipeline.submit(raw, { actor: socket.data.actor, userId: user.id, departmentId: user.departmentId }),
    );

    onRequest(socket, 'sync', (raw): SyncAck => {
      const guard = guardInput(raw);
      if (guard) return { ok: false, error: guard };
      const parsed = SyncRequestSchema.safeParse(raw ?? {});
      if (!parsed.success) return fail('invalid_payload', describeZodError(parsed.error));
      const { sinceSeq, limit } = parsed.data;
      const headSeq = store.headSeq();
      const rows = store.readEvents(sinceSeq, limit + 1);
      const more = rows.length > limit;
      const page = more ? rows.slice(0, limit) : rows;
      const toSeq = more ? (page.at(-1)?.seq ?? sinceSeq) : Math.max(headSeq, sinceSeq);
      return { ok: true, events: page.filter((e) => canSee(user, session.id, e)), headSeq, more, toSeq };
    });

    onRequest(socket, 'snapshot', (raw): SnapshotAck => {
      const parsed = SnapshotRequestSchema.safeParse(raw ?? {});
      if (!parsed.success) return fail('invalid_payload', describeZodError(parsed.error));
      const { seq, tables } = store.snapshot();
      // NOTE: the same audience as the events: a liaison's replica holds its department's orders only.
      const linkageActions = tables.linkageActions.filter((o) => canSeeOrder(user, o));
      return { ok: true, seq, tables: { ...tables, linkageActions } };
    });

    socket.on('disconnect', (reason) => {
      clearTimeout(expiry);
      metrics.sockets.dec();
      void limiter.delete(socket.id).catch(() => undefined);
      logger.debug({ user: user.username, socket: socket.id, reason }, 'disconnected');
    });
  });

  // Sessions revoked or expired while connected are noticed here (expiry also has its own timer).
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const socket of nsp.sockets.values()) {
      const current = store.getSession(socket.data.session.id);
      if (!current || !isLive(current, now)) endSession(socket, 'the session has ended; log in again');
    }
  }, config.sessionCheckMs);
  sweep.unref();

  return {
    io,
    nsp,
    /** Sends committed events, in seq order, to the sockets allowed to see them. */
    fanOut(events: ReadonlyArray<HubEvent>): void {
      for (const event of events) {
        const audience = audienceOf(event);
        if (audience.kind === 'everyone') nsp.emit('event', event);
        else nsp.to(audience.rooms).emit('event', event);
      }
    },
    endSessions(sessionIds: ReadonlySet<string>, message: string): void {
      for (const socket of nsp.sockets.values()) {
        if (sessionIds.has(socket.data.session.id)) endSession(socket, message);
      }
    },
    stopAccepting(): void {
      accepting = false;
    },
    async close(): Promise<void> {
      clearInterval(sweep);
      await io.close();
    },
  };
}
export type SocketLayer = ReturnType<typeof attachSocketServer>;
