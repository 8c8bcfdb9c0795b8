import type { HubConnection } from '@common/bridge';
import { fail } from '@common/protocol/ack';
import type { Result } from '@common/protocol/ack';
import type { EmbeddedHub } from './embedded-hub';
import type { Logger } from './logger';
import { errorFields } from './logger';
import type { SettingsStore } from './settings/settings-store';

/**
 * Which hub the renderer talks to: the configured `hubUrl`, or — when it is null — the embedded hub.
 * Follows settings changes (starting or stopping the embedded hub) and reports every change of the
 * effective URL, because the renderer's CSP (connect-src) is built from it.
 */
export type HubConnectionManager = {
  start(): Promise<void>;
  connection(): Promise<Result<HubConnection>>;
  /** the hub origin the CSP allows right now; null while the embedded hub is not up */
  effectiveHubUrl(): string | null;
  onEffectiveUrlChange(listener: (url: string | null) => void): () => void;
  stop(): Promise<void>;
};

export type HubConnectionManagerOptions = {
  settings: Pick<SettingsStore, 'get' | 'onChange'>;
  createEmbeddedHub: () => EmbeddedHub;
  logger: Logger;
};

export function createHubConnectionManager(options: HubConnectionManagerOptions): HubConnectionManager {
  const log = options.logger;
  let embedded: EmbeddedHub | null = null;
  let effective: string | null = options.settings.get().hubUrl;
  const listeners = new Set<(url: string | null) => void>();
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;

  const setEffective = (url: string | null): void => {
    if (url === effective) return;
    effective = url;
    for (const listener of listeners) listener(url);
  };

  async function startEmbedded(): Promise<void> {
    const hub = options.createEmbeddedHub();
    embedded = hub;
    hub.onUrlChange((url) => {
      if (embedded === hub) setEffective(url);
    });
    try {
      const endpoint = await hub.start();
      if (embedded === hub) setEffective(endpoint.url);
    } catch (error) {
      // The renderer learns of it through getHubConnection; the app itself keeps running.
      log.error(errorFields(error), 'embedded hub did not start');
    }
  }

  async function stopEmbedded(): Promise<void> {
    const hub = embedded;
    embedded = null;
    if (hub) await hub.stop();
  }

  async function apply(hubUrl: string | null): Promise<void> {
    if (stopped) return;
    if (hubUrl === null) {
      if (!embedded) {
        setEffective(null);
        await startEmbedded();
      }
    } else {
      await stopEmbedded();
      setEffective(hubUrl);
    }
  }

  const enqueue = (task: () => Promise<void>): Promise<void> => {
    queue = queue.then(task, task);
    return queue;
  };

  options.settings.onChange(({ previous, current }) => {
    if (previous.hubUrl === current.hubUrl) return;
    log.info({ from: previous.hubUrl, to: current.hubUrl }, 'hub URL setting changed');
    void enqueue(() => apply(current.hubUrl));
  });

  return {
    start: () => enqueue(() => apply(options.settings.get().hubUrl)),
    async connection() {
      const configured = options.settings.get().hubUrl;
      if (configured !== null) return { ok: true, hubUrl: configured, embedded: false };
      await queue;
      const hub = embedded;
      if (!hub) return fail('not_found', 'no hub is configured and the embedded hub is not running');
      try {
        const endpoint = await hub.ready();
        return { ok: true, hubUrl: endpoint.url, embedded: true };
      } catch (error) {
        return fail('internal', (error as Error).message || 'the embedded hub is not running');
      }
    },
    effectiveHubUrl: () => effective,
    onEffectiveUrlChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () =>
      enqueue(async () => {
        stopped = true;
        await stopEmbedded();
      }),
  };
}
