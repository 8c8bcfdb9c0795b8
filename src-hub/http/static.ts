import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentTypeFor } from '@common/http/content-types';

type Found = { file: string; size: number; mtime: Date };

/**
 * Serves the built renderer: files under `root` only (no traversal, symlinks resolved and
 * checked), the SPA's index.html for unknown paths without an extension, hashed assets cached
 * for a year, index.html never cached.
 */
export function createStaticHandler(rootDir: string) {
  const rootPromise = realpath(resolve(rootDir));

  async function find(root: string, pathname: string): Promise<Found | undefined> {
    const candidate = resolve(join(root, normalize(`.${sep}${pathname}`)));
    if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
    try {
      let file = await realpath(candidate);
      if (file !== root && !file.startsWith(root + sep)) return undefined;
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      return info.isFile() ? { file, size: info.size, mtime: info.mtime } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Returns false when the request is not one for static files (the caller answers 404). */
  return async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return false;
    }
    if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) return false;
    const root = await rootPromise;
    let found = await find(root, decoded);
    let fallback = false;
    if (!found && extname(decoded) === '') {
      found = await find(root, '/index.html');
      fallback = true;
    }
    if (!found) return false;
    const isIndex = fallback || found.file.endsWith(`${sep}index.html`);
    const cacheControl = isIndex
      ? 'no-cache'
      : decoded.startsWith('/assets/')
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=300';
    const etag = `W/"${found.size.toString(16)}-${found.mtime.getTime().toString(16)}"`;
    const headers = {
      'content-type': contentTypeFor(extname(found.file)),
      'cache-control': cacheControl,
      etag,
      'last-modified': found.mtime.toUTCString(),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    res.writeHead(200, { ...headers, 'content-length': found.size });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    const stream = createReadStream(found.file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
    return true;
  };
}
