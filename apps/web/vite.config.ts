import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { fontPreload } from './font-preload-plugin';
import { precompress } from './precompress-plugin';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const sharedEntry = fileURLToPath(new URL('../../packages/shared/src/index.ts', import.meta.url));

/** The staff SPA, served by the API at /app/ with an SPA fallback to index.html. */
export default defineConfig({
  root: webRoot,
  base: '/app/',
  plugins: [react(), fontPreload(), precompress()],
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
    // The largest page chunks (charts on statistics and reports) stay below this.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // The shared package's modules only declare constants and zod schemas, and the design
      // system's React modules only define components (its custom elements live in @u-elements,
      // which keeps its side effects): a page that uses one export need not load all the others.
      treeshake: {
        moduleSideEffects: (id: string) => !/packages[\\/]shared[\\/]src[\\/]|node_modules[\\/]@digdir[\\/]designsystemet-react[\\/]/.test(id),
        manualPureFunctions: ['z'],
      },
      output: {
        // Libraries every page needs change less often than the app: their own chunks stay cached.
        // Libraries only some pages use (charts, forms, QR codes) go with those pages' lazy chunks.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'framework', test: /node_modules[\\/](@tanstack|i18next|react-i18next)[\\/]/ },
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
