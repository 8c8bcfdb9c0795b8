// `npm start`: runs the desktop app under electron-vite (dev server + Electron).
//
//   npm start                 electron-vite dev (renderer hot reload; main/preload rebuilt)
//   npm start -- --preview    electron-vite preview (production build, app:// protocol, strict CSP)
//
// The Electron binary is not fetched by `npm ci` here ("allowScripts": {"electron": false}), so
// first make sure it is there, running Electron's own install.js (it downloads where the internet
// is reachable). Where that fails, say so plainly and point to the browser build (`npm run serve`).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Where the electron package lives; WATCHFLOOR_ELECTRON_DIR lets the tests point at a fake. */
function electronDir() {
  if (process.env.WATCHFLOOR_ELECTRON_DIR) return process.env.WATCHFLOOR_ELECTRON_DIR;
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** Mirrors node_modules/electron/index.js: path.txt names the binary under dist/ (or the override). */
function binaryPresent(dir) {
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (!relative) return false;
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist');
  return existsSync(join(base, relative));
}

function run(command, args, { timeoutMs } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
    let timedOut = false;
    const timer =
      timeoutMs === undefined
        ? null
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, timeoutMs);
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      resolvePromise({ code: 1, signal: null, timedOut, error });
    });
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolvePromise({ code, signal, timedOut, error: null });
    });
  });
}

function explainMissingBinary(detail) {
  const lines = [
    '',
    '无法获取 Electron 程序文件（可能没有互联网连接），桌面版无法启动。',
    '请改用浏览器版：运行 `npm run serve`，然后在浏览器中打开 http://127.0.0.1:4500',
    '',
    'The Electron binary could not be fetched (probably no internet access), so the desktop app cannot start.',
    'Use the browser build instead: run `npm run serve`, then open http://127.0.0.1:4500 in a browser.',
    '',
    `(${detail})`,
    '',
  ];
  process.stderr.write(lines.join('\n'));
}

async function ensureElectronBinary() {
  const dir = electronDir();
  if (!dir) {
    explainMissingBinary('the electron package is not installed: run `npm ci` first');
    return false;
  }
  if (binaryPresent(dir)) return true;
  const installer = join(dir, 'install.js');
  if (!existsSync(installer)) {
    explainMissingBinary(`${installer} is missing`);
    return false;
  }
  const timeoutMs = Number(process.env.WATCHFLOOR_INSTALL_TIMEOUT_MS) || 60_000;
  process.stderr.write(`Electron binary missing; running ${installer} (up to ${timeoutMs / 1000} s)...\n`);
  const result = await run(process.execPath, [installer], { timeoutMs });
  if (binaryPresent(dir)) return true;
  const why = result.timedOut
    ? `install.js did not finish within ${timeoutMs / 1000} s`
    : result.error
      ? `install.js could not run: ${result.error.message}`
      : `install.js exited with code ${result.code}${result.signal ? ` (${result.signal})` : ''} and no binary`;
  explainMissingBinary(why);
  return false;
}

async function main() {
  const args = process.argv.slice(2);
  const preview = args.includes('--preview');
  const rest = args.filter((a) => a !== '--preview');
  if (!(await ensureElectronBinary())) process.exit(1);

  const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const child = spawn(process.execPath, [cli, ...(preview ? ['preview'] : ['dev']), ...rest], {
    cwd: root,
    stdio: 'inherit',
    // The embedded hub runs under this Node in development (better-sqlite3 was built for it).
    env: { ...process.env, WATCHFLOOR_NODE: process.execPath },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`could not start electron-vite: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

await main();
