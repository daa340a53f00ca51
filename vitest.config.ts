import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Component tests opt into jsdom per file with a `@vitest-environment jsdom` comment.
    restoreMocks: true,
  },
});
