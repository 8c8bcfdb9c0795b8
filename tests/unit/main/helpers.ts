import type { Logger } from '../../../src-main/logger';

export type LogLine = { level: 'debug' | 'info' | 'warn' | 'error'; fields: object; message: string };

/** A logger that keeps its lines for assertions instead of printing them. */
export function recordingLogger(lines: Array<LogLine> = []): Logger & { lines: Array<LogLine> } {
  const make = (): Logger & { lines: Array<LogLine> } => ({
    lines,
    debug: (fields, message) => void lines.push({ level: 'debug', fields, message }),
    info: (fields, message) => void lines.push({ level: 'info', fields, message }),
    warn: (fields, message) => void lines.push({ level: 'warn', fields, message }),
    error: (fields, message) => void lines.push({ level: 'error', fields, message }),
    child: () => make(),
  });
  return make();
}
