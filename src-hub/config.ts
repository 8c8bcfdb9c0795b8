import { z } from 'zod';
import { LINKAGE_SETTINGS } from '@common/domain/linkage-settings';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const RateLimitSchema = z.strictObject({
  /** requests allowed per window */
  points: z.int().min(1).max(10_000_000),
  /** window length, seconds */
  durationSec: z.int().min(1).max(3600),
});

/** The ingest key of demo mode (documented in the README). Never accepted outside demo mode. */
export const DEMO_INGEST_KEY = 'demo-ingest-key';

export const HubConfigSchema = z.strictObject({
  /** 0 picks a free port (tests) */
  port: z.int().min(0).max(65_535).default(4500),
  host: z.string().min(1).max(255).default('127.0.0.1'),
  /** folder of the SQLite database (created if missing) */
  dataDir: z.string().min(1),
  /** seed the demo county and demo accounts on first start; enables the demo ingest key */
  demo: z.boolean().default(false),
  /** built renderer to serve at `/` */
  staticDir: z.string().min(1).optional(),
  /** session lifetime */
  tokenTtlMs: z
    .int()
    .min(1000)
    .max(30 * 24 * 3600 * 1000)
    .default(12 * 3600 * 1000),
  /** per socket, counted over commands, syncs and snapshots */
  rateLimit: RateLimitSchema.default({ points: 2000, durationSec: 10 }),
  /** failed logins per client address and user name */
  loginRateLimit: RateLimitSchema.default({ points: 20, durationSec: 300 }),
  /** keys for POST /api/v1/ingest/incidents (`x-api-key`) */
  ingestApiKeys: z.array(z.string().min(12).max(200)).max(100).default([]),
  /** sets the `admin` account's password at start; required unless demo */
  adminPassword: z.string().min(8).max(256).optional(),
  logLevel: z.enum(LOG_LEVELS).default('info'),
  /** how often connected sockets are checked for revoked or expired sessions */
  sessionCheckMs: z.int().min(100).max(3_600_000).default(30_000),
  /** most commands committed in one transaction */
  maxBatch: z.int().min(1).max(100_000).default(1000),
  /** escalation of unsigned linkage orders (src-common/domain/linkage-settings.ts) */
  linkage: z
    .strictObject({
      escalateEveryMinutes: z.int().min(1).max(1440).default(LINKAGE_SETTINGS.escalateEveryMinutes),
      maxOverdueLevel: z.int().min(1).max(10).default(LINKAGE_SETTINGS.maxOverdueLevel),
      defaultSignMinutes: z.int().min(1).max(1440).default(LINKAGE_SETTINGS.defaultSignMinutes),
    })
    .default({ ...LINKAGE_SETTINGS }),
});
export type HubConfig = z.infer<typeof HubConfigSchema>;
export type HubConfigInput = z.input<typeof HubConfigSchema>;

/** Thrown by createHub when it must not start; `code` tells the CLI its exit status. */
export class HubStartError extends Error {
  constructor(
    readonly code: 'invalid_config' | 'admin_password_required',
    message: string,
  ) {
    super(message);
    this.name = 'HubStartError';
  }
}
