import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Budget: the JavaScript the sidebar's page loads before it can show the classification (its
 * scripts and module preloads), gzipped, must stay within 180 KB. That is the entry and the first
 * view (src/app/boot.tsx: the classifier with AOC's whole catalogue and its lexicon, React, plain
 * CSS), which the page preloads (tools/vite/preload-first-view.ts); Garden, the tabs, panels,
 * templates, procedures and other languages load after the classification is shown and are not
 * counted.
 */
const BUDGET_BYTES = 180 * 1024;
const outDir = mkdtempSync(join(tmpdir(), 'aoc-bundle-'));
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe('sidebar bundle', () => {
  it(`loads at most ${String(BUDGET_BYTES / 1024)} KB of gzipped JavaScript up front`, async () => {
    // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: resolve('vite.config.ts'),
        mode: 'production',
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true },
      });
    } finally {
      process.env.NODE_ENV = previous;
    }
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="\.\/(static\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    const bytes = scripts.reduce(
      (sum, file) => sum + gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length,
      0,
    );
    console.log(
      `sidebar initial JavaScript: ${(bytes / 1024).toFixed(1)} KB gzipped (${String(scripts.length)} files; ` +
        `budget ${String(BUDGET_BYTES / 1024)} KB)`,
    );
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
    // zod's code (every schema of it keeps its state in `_zod`) cost the first view tens of
    // milliseconds to evaluate: the settings, the ticket and the classifier are read without it.
    const withZod = scripts.filter((file) => readFileSync(join(outDir, file), 'utf8').includes('._zod'));
    expect(withZod).toEqual([]);
  }, 120_000);
});
