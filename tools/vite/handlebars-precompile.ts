import Handlebars from 'handlebars';
import type { Plugin } from 'vite';

/**
 * Precompiles `.hbs` templates when the app is built (and when tests load them), so that the
 * browser only runs Handlebars' small runtime: no template compiler, no `new Function`, nothing a
 * strict content security policy forbids. Only Handlebars' built-in helpers are allowed, so a
 * template cannot call code the app does not know about.
 */
export function handlebarsPrecompile(): Plugin {
  return {
    name: 'aoc-handlebars-precompile',
    enforce: 'pre',
    transform(source, id) {
      if (!id.endsWith('.hbs')) return null;
      // Handlebars' types declare an object, but precompile() returns the template's JavaScript source.
      const spec = Handlebars.precompile(source, { knownHelpersOnly: true, noEscape: false }) as unknown as string;
      return {
        code: `import Handlebars from 'handlebars/runtime';\nexport default Handlebars.template(${spec});\n`,
        map: null,
      };
    },
  };
}
