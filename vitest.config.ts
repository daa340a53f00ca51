import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { handlebarsPrecompile } from './scripts/vite-plugin-handlebars';

export default defineConfig({
  plugins: [handlebarsPrecompile(), react()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Component tests opt into jsdom per file with a `@vitest-environment jsdom` comment.
    restoreMocks: true,
    setupFiles: ['tests/setup-dom.ts'],
  },
});
