import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { handlebarsPrecompile } from './scripts/vite-plugin-handlebars';

// The app lives in src/ (index.html there, as in Zendesk's React scaffold); the build goes to
// dist/assets so that dist/ can hold manifest.json and translations/ beside it.
export default defineConfig({
  root: 'src',
  base: './',
  plugins: [handlebarsPrecompile(), react()],
  server: { host: '127.0.0.1', port: 3000, strictPort: false },
  build: { outDir: '../dist/assets', emptyOutDir: true },
});
