import pino from 'pino';

/** The slice of pino the main process uses; tests pass a silent or recording one. */
export type Logger = {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
  child(bindings: object): Logger;
};

/**
 * Main-process logger: JSON lines on stderr (stdout stays free for the hub child's own output in dev).
 * NOTE: sync destination so the last lines before a crash or quit are not lost in a buffer.
 */
export function createLogger(name = 'main'): Logger {
  return pino(
    { name, level: process.env.WATCHFLOOR_LOG_LEVEL ?? 'info', base: { pid: process.pid } },
    pino.destination({ fd: 2, sync: true }),
  );
}

/** Turns anything thrown into something a log line can carry. */
export function errorFields(error: unknown): { err: { message: string; stack?: string } } {
  if (error instanceof Error) return { err: { message: error.message, stack: error.stack } };
  return { err: { message: String(error) } };
}
