import { defineConfig } from '@playwright/test';

/** e2e runs the built renderer (`npm run build`) served by a real hub with the demo county. */
// NOTE: E2E_PORT / E2E_STATIC let two suites run side by side on one machine (each its own hub and build).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4599);
const E2E_STATIC = process.env.E2E_STATIC ?? 'out/renderer';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  // NOTE: a spec signs in one to three workstations, each loading the map on software GL; CI's
  // machine has run up to 1.5× slower than a quiet one, so the default leaves room (specs that wait
  // for deadlines set their own).
  timeout: 180_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1600, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // MapLibre 6 needs WebGL2: SwiftShader gives it headless. No background networking (closed network).
      args: [
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    },
  },
  webServer: {
    command: `node scripts/e2e-hub.mjs ${E2E_PORT} ${E2E_STATIC}`,
    url: `http://127.0.0.1:${E2E_PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
