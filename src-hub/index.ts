import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { describeZodError } from '@common/protocol/errors';
import { hashPassword, verifyPassword } from './auth/passwords';
import { systemClock } from './clock';
import type { HubClock } from './clock';
import { createCommandHandlers } from './commands/registry';
import { DEMO_INGEST_KEY, HubConfigSchema, HubStartError } from './config';
import type { HubConfig, HubConfigInput } from './config';
import { seedDemoAccounts, seedDemoCounty } from './demo/seed';
import { createHttpHandler } from './http/server';
import { OverdueTimers } from './linkage/overdue-timers';
import { createLogger } from './logger';
import { createMetrics } from './metrics';
import type { HubMetrics } from './metrics';
import { CommandPipeline } from './pipeline';
import { attachSocketServer } from './socket/server';
import type { SocketLayer } from './socket/server';
import { openSqliteStore } from './store/sqlite-store';
import type { HubStore } from './store/types';
import { INGEST_USER, SYSTEM_USER } from './system-users';

export { HubConfigSchema, HubStartError } from './config';
export type { HubConfig, HubConfigInput } from './config';
export { ManualClock, systemClock } from './clock';
export type { HubClock } from './clock';

export type Hub = {
  port: number;
  /** http://host:port — also the socket.io base URL (namespace /v1) */
  url: string;
  config: HubConfig;
  store: HubStore;
  metrics: HubMetrics;
  logger: Logger;
  /** the clock of event times and deadline timers (injected by tests) */
  clock: HubClock;
  /** the escalation timers of unsigned linkage orders */
  overdueTimers: OverdueTimers;
  headSeq(): number;
  /** Revokes every session of a user and ends their connected sockets (`session.ended`). */
  revokeUserSessions(userId: string): void;
  /** Graceful: stop accepting, finish queued commands, answer them, close sockets, close the db. */
  close(): Promise<void>;
};

async function ensureAdmin(store: HubStore, password: string, logger: Logger): Promise<void> {
  const existing = store.getUserByUsername('admin');
  if (existing?.password && (await verifyPassword(password, existing.password))) return;
  store.putUser({
    id: existing?.id ?? 'u-admin',
    username: 'admin',
    displayName: existing?.displayName ?? '系统管理员',
    role: 'admin',
    departmentId: existing?.departmentId ?? 'command-center',
    password: await hashPassword(password),
    disabled: false,
  });
  logger.info('admin password set from configuration');
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts a hub. Tests pass `port: 0` and read `hub.port`. */
export async function createHub(
  input: HubConfigInput,
  options: { logger?: Logger; clock?: HubClock } = {},
): Promise<Hub> {
  const parsed = HubConfigSchema.safeParse(input);
  if (!parsed.success)
    throw new HubStartError('invalid_config', `invalid hub configuration: ${describeZodError(parsed.error)}`);
  const config = parsed.data;
  if (!config.demo && config.adminPassword === undefined) {
    throw new HubStartError(
      'admin_password_required',
      'no admin password configured: set WATCHFLOOR_ADMIN_PASSWORD or "adminPassword" in <data>/hub.json (or start with --demo)',
    );
  }
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = openSqliteStore(config.dataDir);
  try {
    for (const u of [SYSTEM_USER, INGEST_USER]) if (!store.getUserById(u.id)) store.putUser(u);
    if (config.demo) {
      await seedDemoAccounts(store, logger);
      seedDemoCounty(store, logger);
    }
    if (config.adminPassword !== undefined) await ensureAdmin(store, config.adminPassword, logger);

    const metrics = createMetrics();
    metrics.headSeq.set(store.headSeq());
    // NOTE: the pipeline is made before the socket layer that fans its events out.
    const clock = options.clock ?? systemClock;
    const fanOut: { layer?: SocketLayer; timers?: OverdueTimers } = {};
    const pipeline = new CommandPipeline({
      store,
      handlers: createCommandHandlers({ reads: store }),
      logger,
      metrics,
      maxBatch: config.maxBatch,
      now: () => clock.now(),
      onCommitted: (events) => {
        fanOut.layer?.fanOut(events);
        fanOut.timers?.observe(events);
      },
    });
    const ingestKeys = [...config.ingestApiKeys, ...(config.demo ? [DEMO_INGEST_KEY] : [])];
    const startedAt = Date.now();
    const httpServer = createServer(
      createHttpHandler({ config, store, pipeline, logger, metrics, ingestKeys, startedAt }),
    );
    httpServer.headersTimeout = 20_000;
    httpServer.requestTimeout = 30_000;
    const layer = attachSocketServer({ httpServer, config, store, pipeline, logger, metrics });
    fanOut.layer = layer;
    const overdueTimers = new OverdueTimers({ store, pipeline, clock, settings: config.linkage, logger });
    fanOut.timers = overdueTimers;

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
    const port = (httpServer.address() as AddressInfo).port;
    const url = `http://${urlHost(config.host)}:${port}`;
    logger.info({ url, dataDir: config.dataDir, demo: config.demo, headSeq: store.headSeq() }, 'hub listening');
    // After listening: an order that fell due while the hub was down is escalated now, through
    // the pipeline, and fanned out to whoever has connected.
    overdueTimers.start();

    let closing: Promise<void> | undefined;
    const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
    return {
      port,
      url,
      config,
      store,
      metrics,
      logger,
      clock,
      overdueTimers,
      headSeq: () => store.headSeq(),
      revokeUserSessions(userId: string) {
        const now = Date.now();
        store.revokeUserSessions(userId, now);
        layer.endSessions(
          new Set(
            [...layer.nsp.sockets.values()].filter((s) => s.data.user.id === userId).map((s) => s.data.session.id),
          ),
          'the session was revoked',
        );
      },
      close() {
        closing ??= (async () => {
          logger.info({ pending: pipeline.pending }, 'hub shutting down');
          layer.stopAccepting();
          overdueTimers.stop();
          httpServer.close();
          await tick(); // commands already read from sockets reach the queue
          pipeline.close(); // ...and are committed and answered
          await tick();
          await layer.close();
          httpServer.closeAllConnections();
          store.close();
          logger.info('hub stopped');
        })();
        return closing;
      },
    };
  } catch (err) {
    store.close();
    throw err;
  }
}
