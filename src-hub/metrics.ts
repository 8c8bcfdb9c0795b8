import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics, one registry per hub (tests run several hubs in one process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'watchfloor_' });
  return {
    registry,
    commands: new Counter({
      name: 'watchfloor_commands_total',
      help: 'Commands answered, by type and result (ok, duplicate or an error code)',
      labelNames: ['type', 'result'] as const,
      registers: [registry],
    }),
    commandSeconds: new Histogram({
      name: 'watchfloor_command_duration_seconds',
      help: 'Time from receiving a command to sending its answer (after commit)',
      labelNames: ['type'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    batchSize: new Histogram({
      name: 'watchfloor_commit_batch_size',
      help: 'Commands committed per transaction (group commit)',
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
      registers: [registry],
    }),
    commitSeconds: new Histogram({
      name: 'watchfloor_commit_duration_seconds',
      help: 'Time to run and commit one batch (handlers, inserts, projections, fsync)',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    sockets: new Gauge({
      name: 'watchfloor_connected_sockets',
      help: 'Connected sockets in the /v1 namespace',
      registers: [registry],
    }),
    events: new Counter({
      name: 'watchfloor_events_total',
      help: 'Events appended to the log since start, by type',
      labelNames: ['type'] as const,
      registers: [registry],
    }),
    headSeq: new Gauge({ name: 'watchfloor_head_seq', help: 'Newest seq in the event log', registers: [registry] }),
    logins: new Counter({
      name: 'watchfloor_logins_total',
      help: 'Login attempts by result',
      labelNames: ['result'] as const,
      registers: [registry],
    }),
  };
}
export type HubMetrics = ReturnType<typeof createMetrics>;
