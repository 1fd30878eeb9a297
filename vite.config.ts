import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The UI is a static SPA served by the Express app (server/http/spa.ts), which injects the
// per-request boot data into index.html. Vite only bundles it.
export default defineConfig({
  root: 'client',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
  },
});
