import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { handlebarsPrecompile } from './scripts/vite-plugin-handlebars';

// The sidebar app lives in src/ (index.html there, as in Zendesk's React scaffold); the build goes
// to dist/assets, beside which the packaging step puts manifest.json and translations/. The
// logos in assets/ are copied next to the built page.
export default defineConfig({
  root: 'src',
  base: './',
  publicDir: resolve(import.meta.dirname, 'assets'),
  plugins: [handlebarsPrecompile(), react()],
  server: { host: '127.0.0.1', port: 3000, strictPort: false },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/assets'),
    emptyOutDir: true,
    assetsDir: 'static',
    rolldownOptions: { input: resolve(import.meta.dirname, 'src/index.html') },
  },
});
