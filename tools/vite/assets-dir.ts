/**
 * The folder, inside the build's output, that holds its content-hashed files (vite.config.ts's
 * `build.assetsDir`). Whatever serves the build and treats those files apart (the end-to-end
 * tests' server caches them as a CDN would) takes the name from here, so the two cannot drift.
 */
export const ASSETS_DIR = 'static';
