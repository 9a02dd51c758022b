import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The console is built to dist/ and served by the gateway from the same origin as /graphql. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline script or style in index.html: the console's CSP is script-src 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
  logLevel: 'warn',
});
