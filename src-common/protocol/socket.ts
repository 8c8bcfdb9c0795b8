import type { CommandAck } from './ack';
import type { HubEvent } from './events';
import type { SnapshotAck, SyncAck } from './sync';

/**
 * Typed socket.io maps for namespace `/v1`. Inputs are `unknown` on purpose: the hub validates
 * everything that arrives; clients send `Command` / `SyncRequest` shapes.
 */
export type ClientToServerEvents = {
  command: (command: unknown, ack: (answer: CommandAck) => void) => void;
  sync: (request: unknown, ack: (answer: SyncAck) => void) => void;
  snapshot: (request: unknown, ack: (answer: SnapshotAck) => void) => void;
};

export type ServerToClientEvents = {
  /** one event, in seq order per socket */
  event: (event: HubEvent) => void;
  /** the session ended (expired or revoked); the socket is closed right after */
  'session.ended': (reason: { code: 'unauthorized'; message: string }) => void;
};

/** Handshake `auth` object. */
export type SocketAuth = { token: string; workstation?: string };
