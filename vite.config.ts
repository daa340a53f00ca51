import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { ASSETS_DIR } from './tools/vite/assets-dir.ts';
import { handlebarsPrecompile } from './tools/vite/handlebars-precompile.ts';
import { prebuiltData } from './tools/vite/prebuilt-data.ts';
import { preloadFirstView } from './tools/vite/preload-first-view.ts';

/**
 * After a build into dist/assets, puts manifest.json and translations/ beside it, as Zendesk's
 * scaffold does: dist/ is then the app's directory (for `zcli apps:server dist`; `npm run
 * package` zips it after checking it against Zendesk's rules).
 */
function appDirectory(root: string): Plugin {
  return {
    name: 'aoc-app-directory',
    apply: 'build',
    writeBundle(options) {
      const assets = options.dir ?? '';
      if (resolve(assets) !== resolve(root, 'dist/assets')) return; // builds elsewhere (tests) stay as they are
      const dist = resolve(root, 'dist');
      copyFileSync(resolve(root, 'manifest.json'), join(dist, 'manifest.json'));
      mkdirSync(join(dist, 'translations'), { recursive: true });
      for (const file of readdirSync(resolve(root, 'translations'))) {
        if (file.endsWith('.json')) copyFileSync(resolve(root, 'translations', file), join(dist, 'translations', file));
      }
    },
  };
}

// The sidebar app lives in src/ (index.html there, as in Zendesk's React scaffold); the build goes
// to dist/assets, beside which the packaging step puts manifest.json and translations/. The
// logos in assets/ are copied next to the built page.
export default defineConfig({
  root: 'src',
  base: './',
  publicDir: resolve(import.meta.dirname, 'assets'),
  plugins: [
    prebuiltData(import.meta.dirname),
    handlebarsPrecompile(),
    react(),
    preloadFirstView(import.meta.dirname, 'src/app/boot.tsx'),
    appDirectory(import.meta.dirname),
  ],
  server: { host: '127.0.0.1', port: 3000, strictPort: false },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/assets'),
    emptyOutDir: true,
    assetsDir: ASSETS_DIR,
    rolldownOptions: { input: resolve(import.meta.dirname, 'src/index.html') },
  },
});
