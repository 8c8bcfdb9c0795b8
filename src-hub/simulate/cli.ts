// `npm run simulate -- <scenario> [flags]`: simulators that act on a running hub like a
// workstation would. One scenario so far: `teams`.
import { parseArgs } from 'node:util';
import { SimulatorError, TeamSimulator } from './teams';

const USAGE = `Watchfloor simulators

  npm run simulate -- teams [--hub http://127.0.0.1:4500] [--user duty] [--password duty123]
                            [--speed 40] [--jitter 0.25] [--interval 1] [--team <id> ...]

teams   follows the hub's rescue teams and drives the dispatched ones: en route along a
        road-like path toward their incident (about --speed km/h, ± --jitter), a position every
        --interval seconds, on scene on arrival; when the desk sets a team returning, it drives
        back to base and reports available. Needs an account allowed to send team.* commands:
        the desk (duty, commander) moves every team, a liaison only its department's.
        Default account: the demo duty officer (duty / duty123). Stop with Ctrl-C.

Exit codes: 0 stopped, 1 runtime failure (hub unreachable, login refused), 2 usage error.
`;

class UsageError extends Error {}

function positive(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > max)
    throw new UsageError(`--${name} takes a number in (0, ${max}] (got "${text}")`);
  return n;
}

async function main(argv: Array<string>): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        hub: { type: 'string', default: 'http://127.0.0.1:4500' },
        user: { type: 'string', default: 'duty' },
        password: { type: 'string', default: 'duty123' },
        speed: { type: 'string' },
        jitter: { type: 'string' },
        interval: { type: 'string' },
        team: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const scenario = positionals[0];
  try {
    if (scenario !== 'teams') throw new UsageError(scenario ? `unknown scenario "${scenario}"` : 'name a scenario');
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1] ?? ''}"`);
    let hubUrl: string;
    try {
      const u = new URL(values.hub);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
      hubUrl = u.origin;
    } catch {
      throw new UsageError(`--hub takes the hub's http(s) address, e.g. http://127.0.0.1:4500 (got "${values.hub}")`);
    }
    const sim = new TeamSimulator({
      hubUrl,
      username: values.user,
      password: values.password,
      speedKmh: positive('speed', values.speed, 40, 200),
      jitter: positive('jitter', values.jitter, 0.25, 0.9),
      intervalSec: positive('interval', values.interval, 1, 60),
      ...(values.team ? { teamIds: values.team } : {}),
      log: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
    });
    await sim.start();
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        sim.stop();
        resolve();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof SimulatorError) {
      process.stderr.write(`simulate: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`simulate: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
