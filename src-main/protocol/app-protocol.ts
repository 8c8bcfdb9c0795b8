import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from '../app-origin';
import { contentTypeFor } from '@common/http/content-types';

/**
 * Serves the built renderer (out/renderer) on `app://watchfloor/...` with the CSP header on every
 * response. Kept free of Electron imports: index.ts wires `protocol.handle(APP_SCHEME, ...)` to
 * `createAppProtocolHandler`, and the tests call the handler with plain Requests.
 */
export type AppProtocolOptions = {
  /** absolute path of the built renderer folder */
  root: string;
  /** the current Content-Security-Policy (the hub origin can change while the app runs) */
  csp: () => string;
};

export type ResolvedPath = { ok: true; path: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps an `app://` URL to a file under `root`, refusing anything that would leave it: `..`
 * segments (raw or percent-encoded), encoded separators, NUL bytes, absolute paths, other hosts.
 */
export function resolveAppPath(url: string, root: string): ResolvedPath {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 404 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  // NOTE: an encoded "/" or "\" (%2F, %5C) would let a segment smuggle a separator past URL
  // normalisation; no file we ship needs one, so refuse outright.
  if (pathname.includes('\0') || /%2f|%5c/i.test(parsed.pathname) || pathname.includes('\\')) {
    return { ok: false, status: 400 };
  }
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403 };
  const relativePath = segments.length === 0 ? 'index.html' : segments.join(sep);
  const absoluteRoot = resolve(root);
  const target = resolve(absoluteRoot, relativePath);
  const rel = relative(absoluteRoot, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { ok: false, status: 403 };
  return { ok: true, path: target };
}

export function contentTypeOf(path: string): string {
  return contentTypeFor(extname(path));
}

export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const headersFor = (contentType: string): Headers =>
    new Headers({
      'content-type': contentType,
      'content-security-policy': options.csp(),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
  const refuse = (status: number): Response =>
    new Response(status === 404 ? 'not found' : 'refused', {
      status,
      headers: headersFor('text/plain; charset=utf-8'),
    });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const resolved = resolveAppPath(request.url, options.root);
    if (!resolved.ok) return refuse(resolved.status);
    let path = resolved.path;
    if (!(await isFile(path))) {
      // Client-side routes (no file extension) get the app shell; a missing asset stays a 404.
      if (extname(path) !== '') return refuse(404);
      path = resolve(options.root, 'index.html');
      if (!(await isFile(path))) return refuse(404);
    }
    const body = request.method === 'HEAD' ? null : await readFile(path);
    return new Response(body, { status: 200, headers: headersFor(contentTypeOf(path)) });
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
