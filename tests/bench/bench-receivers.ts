// Feed bench receivers: one process holding N socket.io clients. Each `event` whose text is
// `bench:<sentAt>:<measured>` gives a latency sample (shared clock: timeOrigin + now()).
// Parent → {type:'stop'}; child → {type:'ready'} then {type:'result', latencies, received}.
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { SOCKET_NAMESPACE } from '@common/protocol/login';

type Config = { url: string; token?: string; clients: number };
const config = JSON.parse(process.argv[2] ?? '{}') as Config;
const now = (): number => performance.timeOrigin + performance.now();
const latencies: Array<number> = [];
let received = 0;

function textOf(e: unknown): string | undefined {
  const payload = (e as { payload?: { text?: unknown } }).payload;
  return typeof payload?.text === 'string' ? payload.text : undefined;
}

const sockets: Array<Socket> = [];
let connected = 0;
for (let i = 0; i < config.clients; i++) {
  const s = io(`${config.url}${SOCKET_NAMESPACE}`, {
    auth: config.token ? { token: config.token, workstation: `bench-rx-${process.pid}-${i}` } : {},
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  s.on('event', (e: unknown) => {
    const t = now();
    const text = textOf(e);
    if (!text?.startsWith('bench:')) return;
    const [, sentAt, measured] = text.split(':');
    received += 1;
    if (measured === '1') latencies.push(t - Number(sentAt));
  });
  s.on('connect', () => {
    connected += 1;
    if (connected === config.clients) process.send?.({ type: 'ready' });
  });
  s.on('connect_error', (err) => {
    process.stderr.write(`receiver connect_error: ${err.message}\n`);
    process.exit(1);
  });
  sockets.push(s);
}

process.on('message', (m: { type?: string }) => {
  if (m.type !== 'stop') return;
  for (const s of sockets) s.close();
  process.send?.({ type: 'result', latencies, received }, () => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
