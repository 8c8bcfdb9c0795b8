import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCsp, webSocketTwin } from '../../../src-main/csp';
import { createAppProtocolHandler, resolveAppPath } from '../../../src-main/protocol/app-protocol';

const directives = (csp: string): Map<string, Array<string>> =>
  new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );

describe('buildCsp', () => {
  it('allows exactly the hub origin and its WebSocket twin in connect-src, nothing broader', () => {
    const csp = directives(buildCsp({ hubUrl: 'http://127.0.0.1:49152/some/path?x=1' }));
    expect(csp.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:49152', 'ws://127.0.0.1:49152']);
    const all = [...csp.values()].flat();
    for (const broad of ['*', 'http:', 'https:', 'ws:', 'wss:', "'unsafe-eval'"]) expect(all).not.toContain(broad);
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it('uses wss for an https hub and drops credentials, paths and default ports', () => {
    const csp = directives(buildCsp({ hubUrl: 'https://hub.rongan.gov.cn:443/v1' }));
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://hub.rongan.gov.cn', 'wss://hub.rongan.gov.cn']);
    expect(webSocketTwin('http://10.0.0.5:4500')).toBe('ws://10.0.0.5:4500');
  });

  it('has the full strict policy', () => {
    expect(buildCsp({ hubUrl: 'http://127.0.0.1:4500' })).toBe(
      [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "worker-src 'self' blob:",
        "font-src 'self' data:",
        "connect-src 'self' http://127.0.0.1:4500 ws://127.0.0.1:4500",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
  });

  it('with no hub (yet), or a hub URL that is not http(s), connects to itself only', () => {
    expect(directives(buildCsp({ hubUrl: null })).get('connect-src')).toEqual(["'self'"]);
    expect(directives(buildCsp({ hubUrl: 'javascript:alert(1)' })).get('connect-src')).toEqual(["'self'"]);
    expect(directives(buildCsp({ hubUrl: 'not a url' })).get('connect-src')).toEqual(["'self'"]);
  });

  it('relaxes only for the dev server, and only when one is given', () => {
    const csp = directives(buildCsp({ hubUrl: 'http://127.0.0.1:4500', devServerUrl: 'http://localhost:5173/' }));
    expect(csp.get('connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:4500',
      'ws://127.0.0.1:4500',
      'ws://localhost:5173',
    ]);
    expect(csp.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives(buildCsp({ hubUrl: null, devServerUrl: null })).get('script-src')).toEqual(["'self'"]);
  });
});

describe('app:// protocol', () => {
  let root: string;
  beforeAll(async () => {
    const base = await mkdtemp(join(tmpdir(), 'wf-proto-'));
    root = join(base, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>wf</title>');
    await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    await writeFile(join(base, 'secret.txt'), 'secret');
  });
  afterAll(async () => {
    await rm(join(root, '..'), { recursive: true, force: true });
  });

  it.each([
    'app://watchfloor/../secret.txt',
    'app://watchfloor/%2e%2e/secret.txt',
    'app://watchfloor/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://watchfloor/assets/..%5c..%5csecret.txt',
    'app://watchfloor/%00index.html',
    'app://watchfloor/%E0%A4%A',
    'app://other-host/index.html',
  ])('never resolves %s outside the root', (url) => {
    const resolved = resolveAppPath(url, root);
    // The URL parser itself folds a leading `/../` into `/`; what matters is staying under root.
    if (resolved.ok) expect(resolved.path.startsWith(root + sep)).toBe(true);
    expect(resolved.ok && resolved.path === join(root, '..', 'secret.txt')).toBe(false);
  });

  it('refuses encoded separators, NUL bytes, bad escapes and other hosts outright', () => {
    expect(resolveAppPath('app://watchfloor/assets/%2e%2e%2f%2e%2e%2fsecret.txt', root)).toEqual({
      ok: false,
      status: 400,
    });
    expect(resolveAppPath('app://watchfloor/assets/..%5c..%5csecret.txt', root)).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath('app://watchfloor/%00index.html', root)).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath('app://watchfloor/%E0%A4%A', root)).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath('app://other-host/index.html', root)).toEqual({ ok: false, status: 404 });
    expect(resolveAppPath('app://watchfloor/assets/index-abc.js', root)).toEqual({
      ok: true,
      path: join(root, 'assets', 'index-abc.js'),
    });
  });

  it('never serves a file outside the root, and puts the CSP on every response', async () => {
    const handler = createAppProtocolHandler({ root, csp: () => 'default-src test' });
    const ok = await handler(new Request('app://watchfloor/assets/index-abc.js'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(ok.headers.get('content-security-policy')).toBe('default-src test');
    expect(await ok.text()).toBe('console.log(1)');

    for (const url of [
      'app://watchfloor/%2e%2e/secret.txt',
      'app://watchfloor/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://watchfloor/missing.js',
    ]) {
      const refused = await handler(new Request(url));
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(await refused.text()).not.toContain('secret');
      expect(refused.headers.get('content-security-policy')).toBe('default-src test');
    }

    const root_ = await handler(new Request('app://watchfloor/'));
    expect(await root_.text()).toContain('<title>wf</title>');
    const route = await handler(new Request('app://watchfloor/incidents/42'));
    expect(route.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const post = await handler(new Request('app://watchfloor/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});
