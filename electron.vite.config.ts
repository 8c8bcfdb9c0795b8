import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const alias = { '@common': resolve(__dirname, 'src-common') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      lib: {
        // `hub` is the embedded hub's entry: main starts it in its own process, never imports it.
        entry: { index: resolve(__dirname, 'src-main/index.ts'), hub: resolve(__dirname, 'src-hub/cli.ts') },
        formats: ['cjs'],
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(__dirname, 'src-main/preload/index.ts'), formats: ['cjs'] },
      // NOTE: a sandboxed preload can `require` only 'electron'; bundle any dependency it pulls in
      // instead of leaving a `require('zod')` that fails at load. (It should import none at runtime.)
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rolldownOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});
