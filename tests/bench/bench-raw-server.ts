// Baseline for the feed bench: a bare socket.io server that rebroadcasts every `msg` to all
// other clients, with the hub's transport settings. Run as a child; sends {type:'ready', url}.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { MAX_TRANSPORT_BYTES } from '@common/protocol/limits';
import { SOCKET_NAMESPACE } from '@common/protocol/login';

const http = createServer();
const io = new Server(http, { maxHttpBufferSize: MAX_TRANSPORT_BYTES, serveClient: false });
io.of(SOCKET_NAMESPACE).on('connection', (socket) => {
  socket.on('msg', (m: unknown, ack?: (a: unknown) => void) => {
    socket.broadcast.emit('event', m);
    ack?.({ ok: true });
  });
});
http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}` });
});
process.on('message', (m: { type?: string }) => {
  if (m.type === 'stop') void io.close().then(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
