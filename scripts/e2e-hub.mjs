// Starts a hub with a fresh demo data folder and the built renderer, for the e2e suite.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

const port = process.argv[2] ?? '4599';
const staticDir = process.argv[3] ?? 'out/renderer';
const data = `.watchfloor/e2e-data-${port}`;
if (!existsSync(`${staticDir}/index.html`)) {
  console.error(`${staticDir} is missing: run \`npm run build\` before \`npm run test:e2e\`.`);
  process.exit(1);
}
rmSync(data, { recursive: true, force: true });
const child = spawn(
  process.execPath,
  ['--import', 'tsx', 'src-hub/cli.ts', 'serve', '--port', port, '--data', data, '--demo', '--static', staticDir],
  { stdio: 'inherit' },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
