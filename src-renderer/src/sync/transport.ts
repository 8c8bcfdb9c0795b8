/**
 * What the sync engine needs from the wire. The app uses the socket.io transport
 * (socket-transport.ts); unit tests use a fake that drops acks and disconnects on purpose.
 */
export type TransportHandlers = {
  connected(): void;
  disconnected(reason: string): void;
  /** a failed (re)connect attempt; `message` is 'unauthorized' when the token is refused */
  connectError(message: string): void;
  /** a pushed hub event, not yet validated */
  event(raw: unknown): void;
  /** the hub ended this session (token expired or revoked) */
  sessionEnded(message: string): void;
};

export type RequestName = 'command' | 'sync' | 'snapshot';

export type Transport = {
  /** connect and keep reconnecting until stop() */
  start(handlers: TransportHandlers): void;
  stop(): void;
  /** pause the connection (browser reports no network); resume() reconnects */
  pause(): void;
  resume(): void;
  /** emits with an ack; rejects on timeout or when the connection drops before the answer */
  request(name: RequestName, payload: unknown, timeoutMs: number): Promise<unknown>;
};
