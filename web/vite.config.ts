/**
 * Builds the reference web app into web/dist, which the gateway serves at `/`. Everything (code, CSS)
 * is bundled: the page makes no request outside the gateway's origin (no fonts, CDNs or analytics).
 * `npm run dev:web` proxies the gateway's paths to a running `npm start` for hot reload.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const gateway = process.env.FIELDBOOKS_GATEWAY_URL ?? 'http://127.0.0.1:4000';

const config: UserConfig = {
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Source maps help a frontend team read the reference client in the browser's devtools.
    sourcemap: true,
    // Keep assets as files: inlining them as data: URLs would need a looser Content-Security-Policy.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/graphql': { target: gateway, ws: true, changeOrigin: false },
      '/oauth': gateway,
      '/app-config.json': gateway,
    },
  },
};

export default defineConfig(({ command }) => {
  // A build is always React's production build, whatever the caller's NODE_ENV (vitest runs with
  // NODE_ENV=test, and developers often export NODE_ENV=development): Vite honours a preset NODE_ENV.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});
