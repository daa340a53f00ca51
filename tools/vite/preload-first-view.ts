import { resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * The sidebar's entry module is small and imports the first view (the classification) itself,
 * after it has asked Zendesk for the ticket; Vite preloads only what an entry imports statically,
 * so the page would fetch the first view's scripts only once the entry had run. This plugin adds a
 * `modulepreload` link to the built page for the module `entry` becomes and every chunk it imports
 * statically: the browser fetches them with the entry. They are then also what the bundle budget
 * (tests/budget) counts as loaded up front, as it counts every script the page names.
 */
export function preloadFirstView(root: string, entry: string): Plugin {
  const id = resolve(root, entry);
  return {
    name: 'aoc-preload-first-view',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (bundle === undefined) return html;
        const chunks = new Map(
          Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])),
        );
        const first = [...chunks.values()].find((c) => c.facadeModuleId === id);
        if (first === undefined) throw new Error(`${entry} is not a chunk of the build: nothing to preload`);
        const files: string[] = [];
        const visit = (file: string): void => {
          if (files.includes(file)) return;
          files.push(file);
          for (const imported of chunks.get(file)?.imports ?? []) visit(imported);
        };
        visit(first.fileName);
        const tags: HtmlTagDescriptor[] = files
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head',
          }));
        return { html, tags };
      },
    },
  };
}
