/* eslint-disable no-console -- the one place the renderer writes to the console */

/** A tiny leveled logger, so code never calls console.* directly and tests can silence it. */
export type Logger = {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
};

const write =
  (level: 'debug' | 'info' | 'warn' | 'error') =>
  (message: string, detail?: unknown): void => {
    const line = `[watchfloor] ${message}`;
    if (detail === undefined) console[level](line);
    else console[level](line, detail);
  };

export const logger: Logger = {
  debug: write('debug'),
  info: write('info'),
  warn: write('warn'),
  error: write('error'),
};

export const SILENT_LOGGER: Logger = { debug() {}, info() {}, warn() {}, error() {} };
