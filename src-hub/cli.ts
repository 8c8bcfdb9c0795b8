// Watchfloor hub command line. Also bundled by electron-vite as out/main/hub.js (CJS) and run
// in an Electron utilityProcess: no top-level await, no import.meta.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { describeZodError } from '@common/protocol/errors';
import { LOG_LEVELS } from './config';
import type { HubConfigInput } from './config';
import { createHub, HubStartError } from './index';
import type { Hub } from './index';
import { createLogger } from './logger';
import { DB_FILE, openDatabase } from './store/sqlite-store';
import { verifyChain } from './store/verify';

export const CONFIG_FILE = 'hub.json';
export const ENV = {
  adminPassword: 'WATCHFLOOR_ADMIN_PASSWORD',
  ingestKeys: 'WATCHFLOOR_INGEST_KEYS',
  logLevel: 'WATCHFLOOR_LOG_LEVEL',
} as const;

const USAGE = `Watchfloor hub

  tsx src-hub/cli.ts [serve] --data <dir> [--port 4500] [--host 127.0.0.1] [--demo] [--static <dir>]
                             [--log-level info] [--rate-limit <points>/<seconds>]
  tsx src-hub/cli.ts verify --data <dir>

serve   starts the hub. Without --demo an admin password is required: environment
        ${ENV.adminPassword}, or "adminPassword" in <data>/${CONFIG_FILE}.
verify  walks the event log's hash chain; prints OK and the count, or names the first
        altered or missing seq and exits 1.

<data>/${CONFIG_FILE} (optional): { "adminPassword", "ingestApiKeys": [..], "port", "host",
  "tokenTtlMs", "rateLimit": {"points","durationSec"}, "loginRateLimit", "logLevel", "staticDir",
  "linkage": {"escalateEveryMinutes","maxOverdueLevel","defaultSignMinutes"} }.
Flags win over the environment, which wins over ${CONFIG_FILE}.
Exit codes: 0 ok, 1 failure (verify found a bad row, runtime error), 2 usage or configuration error.
`;

/** <data>/hub.json: what an operator may set without flags. */
const FileConfigSchema = z.strictObject({
  adminPassword: z.string().optional(),
  ingestApiKeys: z.array(z.string()).optional(),
  port: z.int().optional(),
  host: z.string().optional(),
  staticDir: z.string().optional(),
  tokenTtlMs: z.int().optional(),
  rateLimit: z.strictObject({ points: z.int(), durationSec: z.int() }).optional(),
  loginRateLimit: z.strictObject({ points: z.int(), durationSec: z.int() }).optional(),
  logLevel: z.enum(LOG_LEVELS).optional(),
  /** escalation of unsigned linkage orders; checked in full by HubConfigSchema */
  linkage: z
    .strictObject({
      escalateEveryMinutes: z.int().optional(),
      maxOverdueLevel: z.int().optional(),
      defaultSignMinutes: z.int().optional(),
    })
    .optional(),
});

class UsageError extends Error {}

type ParentPort = {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
};

function parentPort(): ParentPort | undefined {
  // Electron's utilityProcess gives `process.parentPort`; plain Node has none.
  return (process as unknown as { parentPort?: ParentPort }).parentPort;
}

function write(text: string): void {
  process.stdout.write(text);
}
function writeErr(text: string): void {
  process.stderr.write(text);
}

function readFileConfig(dataDir: string): z.infer<typeof FileConfigSchema> {
  const file = join(dataDir, CONFIG_FILE);
  if (!existsSync(file)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = FileConfigSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`${file}: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

function parseRateLimit(text: string): { points: number; durationSec: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) throw new UsageError(`--rate-limit takes <points>/<seconds>, e.g. 2000/10 (got "${text}")`);
  return { points: Number(m[1]), durationSec: Number(m[2]) };
}

function parse(argv: Array<string>) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        data: { type: 'string', short: 'd' },
        demo: { type: 'boolean', default: false },
        static: { type: 'string' },
        'log-level': { type: 'string' },
        'rate-limit': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function serveConfig(values: ReturnType<typeof parse>['values']): HubConfigInput {
  if (!values.data) throw new UsageError('--data <dir> is required');
  const dataDir = resolve(values.data);
  const file = readFileConfig(dataDir);
  const env = process.env;
  const port = values.port !== undefined ? Number(values.port) : (file.port ?? 4500);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`bad --port "${values.port ?? ''}"`);
  const envKeys = env[ENV.ingestKeys]
    ?.split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  const logLevel = values['log-level'] ?? env[ENV.logLevel] ?? file.logLevel;
  const staticDir = values.static ?? file.staticDir;
  const adminPassword = env[ENV.adminPassword] || file.adminPassword;
  const rateLimit = values['rate-limit'] !== undefined ? parseRateLimit(values['rate-limit']) : file.rateLimit;
  return {
    port,
    host: values.host ?? file.host ?? '127.0.0.1',
    dataDir,
    demo: values.demo ?? false,
    ...(staticDir === undefined ? {} : { staticDir: resolve(staticDir) }),
    ...(file.tokenTtlMs === undefined ? {} : { tokenTtlMs: file.tokenTtlMs }),
    ...(rateLimit === undefined ? {} : { rateLimit }),
    ...(file.loginRateLimit === undefined ? {} : { loginRateLimit: file.loginRateLimit }),
    ...(file.linkage === undefined ? {} : { linkage: file.linkage }),
    ingestApiKeys: [...(file.ingestApiKeys ?? []), ...(envKeys ?? [])],
    ...(adminPassword ? { adminPassword } : {}),
    ...(logLevel === undefined ? {} : { logLevel: logLevel as HubConfigInput['logLevel'] }),
  };
}

function verify(values: ReturnType<typeof parse>['values']): number {
  if (!values.data) throw new UsageError('--data <dir> is required');
  const file = join(resolve(values.data), DB_FILE);
  if (!existsSync(file)) throw new UsageError(`no database at ${file}`);
  const db = openDatabase(file, { readonly: true });
  try {
    const result = verifyChain(db);
    if (result.ok) {
      write(`OK ${result.count} events, hash chain intact (head seq ${result.headSeq})\n`);
      return 0;
    }
    write(
      `FAIL seq ${result.seq}: ${result.reason} — ${result.detail} (${result.checked} events before it are intact)\n`,
    );
    return 1;
  } finally {
    db.close();
  }
}

async function serve(values: ReturnType<typeof parse>['values']): Promise<void> {
  const config = serveConfig(values);
  const hub: Hub = await createHub(config);
  const ready = { type: 'ready', port: hub.port, url: hub.url } as const;
  if (typeof process.send === 'function') process.send(ready);
  parentPort()?.postMessage(ready);

  let stopping = false;
  const stop = (reason: string): void => {
    if (stopping) return;
    stopping = true;
    hub.logger.info({ reason }, 'stopping');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    hub.close().then(
      () => process.exit(0),
      (err: unknown) => {
        hub.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const isShutdown = (m: unknown): boolean =>
    typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'shutdown';
  process.on('message', (m) => {
    if (isShutdown(m)) stop('shutdown message');
  });
  // NOTE: an embedded hub whose parent (the desktop app) died must not live on holding the
  // database and the port: the IPC channel closing is the one signal that always arrives.
  if (typeof process.send === 'function') process.on('disconnect', () => stop('parent process gone'));
  parentPort()?.on('message', (e) => {
    if (isShutdown(e.data)) stop('shutdown message');
  });
}

function main(argv: Array<string>): void {
  let exitCode: number | undefined;
  const fail = (err: unknown): void => {
    if (err instanceof UsageError) {
      writeErr(`watchfloor-hub: ${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (err instanceof HubStartError) {
      writeErr(`watchfloor-hub: ${err.message}\n`);
      process.exit(2);
    }
    createLogger('error').fatal({ err }, 'hub failed');
    process.exit(1);
  };
  try {
    const { values, positionals } = parse(argv);
    const command = positionals[0] ?? 'serve';
    if (values.help || command === 'help') {
      write(USAGE);
      exitCode = 0;
    } else if (command === 'verify') {
      exitCode = verify(values);
    } else if (command === 'serve') {
      serve(values).catch(fail);
    } else {
      throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    fail(err);
  }
  if (exitCode !== undefined) process.exit(exitCode);
}

main(process.argv.slice(2));
