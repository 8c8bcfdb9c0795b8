/**
 * The renderer's Content-Security-Policy, built from the one hub it may talk to. Pure: no Electron,
 * no globals, so the exact header is unit-tested.
 */
export type CspInput = {
  /** the effective hub (configured hubUrl, or the embedded hub's URL); null while none is known */
  hubUrl: string | null;
  /** the Vite dev server under `electron-vite dev`; null in built and packaged runs */
  devServerUrl?: string | null;
};

/** `http://h:p` → `ws://h:p`, `https://h:p` → `wss://h:p` (socket.io upgrades to a WebSocket). */
export function webSocketTwin(origin: string): string {
  if (origin.startsWith('https://')) return `wss://${origin.slice('https://'.length)}`;
  if (origin.startsWith('http://')) return `ws://${origin.slice('http://'.length)}`;
  throw new Error(`not an http(s) origin: ${origin}`);
}

/** The http(s) origin of a URL, or null: a path, query or credentials never reach the policy. */
export function httpOrigin(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.origin;
  } catch {
    return null;
  }
}

export function buildCsp(input: CspInput): string {
  const connect = ["'self'"];
  const hub = input.hubUrl === null ? null : httpOrigin(input.hubUrl);
  if (hub) connect.push(hub, webSocketTwin(hub));
  const dev = input.devServerUrl ? httpOrigin(input.devServerUrl) : null;
  const script = ["'self'"];
  if (dev) {
    // Dev only: Vite's HMR client talks over a WebSocket to the dev server, and
    // @vitejs/plugin-react injects an inline React Refresh preamble into index.html.
    connect.push(webSocketTwin(dev));
    script.push("'unsafe-inline'");
  }
  const directives: Array<[string, Array<string>]> = [
    ['default-src', ["'self'"]],
    ['script-src', script],
    // NOTE: Ant Design's CSS-in-JS (and MapLibre's popups/markers) write inline <style> and
    // style attributes at runtime; without 'unsafe-inline' here the UI renders unstyled.
    // Scripts stay strict, which is where injected content would do harm.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    // MapLibre runs its tile worker from a blob: or a same-origin URL.
    ['worker-src', ["'self'", 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', dedupe(connect)],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

function dedupe(values: Array<string>): Array<string> {
  return [...new Set(values)];
}
