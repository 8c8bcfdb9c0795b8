// Plain-Vite config for working on the renderer in a browser, without Electron.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  resolve: { alias: { '@common': fileURLToPath(new URL('./src-common', import.meta.url)) } },
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:4500', '/socket.io': { target: 'ws://127.0.0.1:4500', ws: true } },
  },
});
