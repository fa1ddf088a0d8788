/** Vite build of the task pane: root `addin/`, output `addin/dist`, entry `taskpane.html`. */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The pane's build and dev-server configuration; `/api` is proxied to a running server in dev. */
export default defineConfig({
  root,
  base: '/',
  publicDir: resolve(root, 'public'),
  plugins: [react()],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: { input: { taskpane: resolve(root, 'taskpane.html'), 'auth-dialog': resolve(root, 'auth-dialog.html') } },
  },
  server: {
    proxy: { '/api': process.env.SERIATIM_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
