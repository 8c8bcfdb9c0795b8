// Feed bench receivers: one process holding N socket.io clients per target (the hub, the raw
// baseline). Each `event` whose text is `bench:<sentAt>:<measured>` gives a latency sample for
// its target (shared clock across processes: timeOrigin + now()).
// Parent → {type:'stop'}; child → {type:'ready'} then {type:'result', latencies: {tag: [...]}};
// the child exits when the parent disconnects the IPC channel.
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { SOCKET_NAMESPACE } from '@common/protocol/login';

type Target = { tag: string; url: string; token?: string };
type Config = { targets: Array<Target>; clients: number };
const config = JSON.parse(process.argv[2] ?? '{}') as Config;
const now = (): number => performance.timeOrigin + performance.now();
const latencies: Record<string, Array<number>> = {};

function textOf(e: unknown): string | undefined {
  const payload = (e as { payload?: { text?: unknown } }).payload;
  return typeof payload?.text === 'string' ? payload.text : undefined;
}

const sockets: Array<Socket> = [];
const expected = config.targets.length * config.clients;
let connected = 0;
for (const target of config.targets) {
  const samples: Array<number> = [];
  latencies[target.tag] = samples;
  for (let i = 0; i < config.clients; i++) {
    const s = io(`${target.url}${SOCKET_NAMESPACE}`, {
      auth: target.token ? { token: target.token, workstation: `bench-rx-${process.pid}-${i}` } : {},
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    s.on('event', (e: unknown) => {
      const t = now();
      const text = textOf(e);
      if (!text?.startsWith('bench:')) return;
      const [, sentAt, measured] = text.split(':');
      if (measured === '1') samples.push(t - Number(sentAt));
    });
    s.on('connect', () => {
      connected += 1;
      if (connected === expected) process.send?.({ type: 'ready' });
    });
    s.on('connect_error', (err) => {
      process.stderr.write(`receiver connect_error (${target.tag}): ${err.message}\n`);
      process.exit(1);
    });
    sockets.push(s);
  }
}

process.on('message', (m: { type?: string }) => {
  if (m.type !== 'stop') return;
  for (const s of sockets) s.close();
  // NOTE: no exit here: the parent disconnects once it has the result (an exit could overtake
  // the message in the parent's event order).
  process.send?.({ type: 'result', latencies });
});
process.on('disconnect', () => process.exit(0));
