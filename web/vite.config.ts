/**
 * Builds the web application into web/dist, which the server serves from its own origin (src/server/web).
 * `npx vite --config web/vite.config.ts` runs a development server that sends /api to `imketen start` on :8080.
 * Component tests (vitest) run in happy-dom.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const root = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  test: { environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'], setupFiles: ['src/test-setup.ts'],
    // Typing through a form with user-event takes seconds on a busy 2-core machine; 5 s (the default) is a race, not a check.
    testTimeout: 30_000 },
});
