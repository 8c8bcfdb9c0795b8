// Linkage bench liaisons: one process holding one socket per department liaison. It records when
// each `linkage.sent` reaches a liaison's socket (shared clock across processes: timeOrigin +
// now()), and on request signs every order its liaisons have received, as fast as it can.
// Parent → {type:'sign'} | {type:'report'}; child → {type:'ready'}, {type:'signed', lastSignAt,
// count, refused}, {type:'received', received: [[orderId, departmentId, at], ...]}.
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { ulid } from 'ulid';
import type { CommandAck } from '@common/protocol/ack';
import { SOCKET_NAMESPACE } from '@common/protocol/login';

type Config = { url: string; liaisons: Array<{ token: string; departmentId: string }> };
const config = JSON.parse(process.argv[2] ?? '{}') as Config;
const now = (): number => performance.timeOrigin + performance.now();

type Received = { orderId: string; departmentId: string; at: number; socket: Socket; signed: boolean };
const received: Array<Received> = [];
const sockets: Array<Socket> = [];
let connected = 0;

for (const [i, l] of config.liaisons.entries()) {
  const s = io(`${config.url}${SOCKET_NAMESPACE}`, {
    auth: { token: l.token, workstation: `bench-liaison-${i}` },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  s.on('event', (e: { type: string; payload: { orderId?: string; departmentId?: string } }) => {
    const at = now();
    if (e.type !== 'linkage.sent' || !e.payload.orderId) return;
    if (e.payload.departmentId !== l.departmentId) {
      process.stderr.write(`liaison of ${l.departmentId} received an order for ${e.payload.departmentId}\n`);
      process.exit(1);
    }
    received.push({ orderId: e.payload.orderId, departmentId: l.departmentId, at, socket: s, signed: false });
  });
  s.on('connect', () => {
    connected += 1;
    if (connected === config.liaisons.length) process.send?.({ type: 'ready' });
  });
  s.on('connect_error', (err) => {
    process.stderr.write(`liaison connect_error: ${err.message}\n`);
    process.exit(1);
  });
  sockets.push(s);
}

process.on('message', (m: { type?: string }) => {
  if (m.type === 'report') {
    process.send?.({ type: 'received', received: received.map((r) => [r.orderId, r.departmentId, r.at]) });
    return;
  }
  if (m.type !== 'sign') return;
  const todo = received.filter((r) => !r.signed);
  const acks: Array<Promise<CommandAck>> = [];
  let lastSignAt = 0;
  for (const r of todo) {
    r.signed = true;
    lastSignAt = now();
    acks.push(r.socket.emitWithAck('command', { id: ulid(), type: 'linkage.sign', payload: { orderId: r.orderId } }));
  }
  void Promise.all(acks).then((answers) => {
    const refused = answers.filter((a) => !a.ok).length;
    process.send?.({ type: 'signed', lastSignAt, count: todo.length, refused });
  });
});
process.on('disconnect', () => {
  for (const s of sockets) s.close();
  process.exit(0);
});
