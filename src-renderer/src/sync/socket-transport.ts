import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { SOCKET_NAMESPACE } from '@common/protocol/login';
import type { ClientToServerEvents, ServerToClientEvents, SocketAuth } from '@common/protocol/socket';
import type { RequestName, Transport, TransportHandlers } from './transport';

type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The one socket.io connection to the hub's `/v1` namespace. */
export function createSocketTransport(options: { hubUrl: string; auth: SocketAuth }): Transport {
  let socket: HubSocket | null = null;
  let ended = false;
  let paused = false;

  return {
    start(handlers: TransportHandlers) {
      ended = false;
      socket = io(`${options.hubUrl}${SOCKET_NAMESPACE}`, {
        auth: options.auth,
        reconnectionDelay: 500,
        reconnectionDelayMax: 5_000,
      });
      socket.on('connect', () => handlers.connected());
      socket.on('disconnect', (reason) => {
        handlers.disconnected(reason);
        // NOTE: socket.io does not reconnect by itself after a server-side disconnect.
        if (reason === 'io server disconnect' && !ended && !paused) {
          setTimeout(() => {
            if (!ended && !paused) socket?.connect();
          }, 1_000);
        }
      });
      socket.on('connect_error', (error) => handlers.connectError(error.message));
      socket.on('event', (event) => handlers.event(event));
      socket.on('session.ended', (reason) => {
        ended = true;
        handlers.sessionEnded(reason.message);
      });
    },
    stop() {
      ended = true;
      socket?.removeAllListeners();
      socket?.disconnect();
      socket = null;
    },
    pause() {
      paused = true;
      socket?.disconnect();
    },
    resume() {
      paused = false;
      socket?.connect();
    },
    async request(name: RequestName, payload: unknown, timeoutMs: number): Promise<unknown> {
      // NOTE: never let socket.io buffer a request while disconnected: the outbox owns resending.
      if (!socket?.connected) throw new Error('not connected');
      const timed = socket.timeout(timeoutMs);
      switch (name) {
        case 'command':
          return timed.emitWithAck('command', payload);
        case 'sync':
          return timed.emitWithAck('sync', payload);
        case 'snapshot':
          return timed.emitWithAck('snapshot', payload);
      }
    },
  };
}
