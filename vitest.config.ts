import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { handlebarsPrecompile } from './tools/vite/handlebars-precompile.ts';

export default defineConfig({
  plugins: [handlebarsPrecompile(), react()],
  test: {
    environment: 'node',
    // Component tests opt into jsdom per file with a `@vitest-environment jsdom` comment.
    restoreMocks: true,
    setupFiles: ['tests/setup-dom.ts'],
    projects: [
      // `include` lives in each project: with `extends: true` a root `include` would be merged into
      // both projects and every test would run twice.
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          // Limits sized for the slowest machine that runs CI (a busy 2-core box runs jsdom component
          // tests several times slower than a laptop), not vitest's default 5 s.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      // End-to-end tests in headless Chromium (tests/e2e): each file starts the local run (proxy,
      // dev server) or a build of its own, so they get longer time limits, run one file at a time
      // and only after the other tests, not competing with them for the CPU.
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
