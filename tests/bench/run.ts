// `npm run bench -- <name> [args]`: runs tests/bench/<name>.ts, which exports `run(args)`.
// Each bench prints one line per figure: `BENCH <name> <value> <unit>`.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const name = process.argv[2];
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.includes('-'))
  .map((f) => f.replace(/\.ts$/, ''));

if (!name || !/^[a-z0-9]+$/.test(name) || !existsSync(join(here, `${name}.ts`))) {
  console.error(`usage: npm run bench -- <name>   (benches: ${benches.join(', ')})`);
  process.exit(2);
}
const mod = (await import(pathToFileURL(join(here, `${name}.ts`)).href)) as { run(args: Array<string>): Promise<void> };
await mod.run(process.argv.slice(3));
