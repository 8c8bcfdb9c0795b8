import pino from 'pino';
import type { Logger } from 'pino';
import type { HubConfig } from './config';

export function createLogger(level: HubConfig['logLevel']): Logger {
  return pino({ name: 'watchfloor-hub', level, base: { pid: process.pid } });
}
