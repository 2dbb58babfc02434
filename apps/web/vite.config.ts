import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress-plugin';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const sharedEntry = fileURLToPath(new URL('../../packages/shared/src/index.ts', import.meta.url));

/** The staff SPA, served by the API at /app/ with an SPA fallback to index.html. */
export default defineConfig({
  root: webRoot,
  base: '/app/',
  plugins: [react(), precompress()],
  resolve: {
    // The workspace package may not be linked into node_modules; resolve it from source.
    alias: { '@lykt/shared': sharedEntry },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Source maps only when asked for (LYKT_WEB_SOURCEMAP=true): they would publish the app's source.
    sourcemap: process.env.LYKT_WEB_SOURCEMAP === 'true',
    // The CSP forbids inline scripts; keep every asset a separate file.
    assetsInlineLimit: 0,
    // Vendor code is one cached chunk of about 520 kB (160 kB gzipped); warn only beyond that.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks let browsers keep them cached.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/](?!qrcode[\\/]|dijkstrajs[\\/])/ },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
