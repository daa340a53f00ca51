// @ts-check
/**
 * The project's own lint rules.
 *
 * `project/layers`: the layers of src/, enforced (docs/architecture.md draws them). It reads every
 * import, re-export and `import()` of a file under src/ and refuses:
 * - an import of another layer of src/ that the importing layer may not use (LAYERS below);
 * - in the domain, Node's built-ins and the UI, server and host frameworks (the domain is pure:
 *   no I/O, no React, no Zendesk, no Vite);
 * - Zendesk's SDK (`zendesk_app_framework_sdk`) outside src/zendesk and src/local;
 * - zod's runtime in browser code other than through src/domain/zod.ts, which makes zod jitless
 *   before any schema exists (a type-only import is erased, so it is allowed).
 * Relative imports are resolved against the file, so `../../app/x` from the domain is caught at
 * any depth.
 *
 * `project/line-length`: no line over 140 columns. Prettier wraps code at 120 but cannot break a
 * long string or comment; those must be split by hand.
 *
 * tests/lint/project-rules.test.ts lints bad files with the project's configuration and expects
 * each rule to fire, so that none can be switched off unnoticed.
 */
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

/** For each layer (a folder of src/), the other layers it may import. */
export const LAYERS = {
  domain: [],
  shared: ['domain'],
  zendesk: ['domain', 'shared'],
  app: ['domain', 'shared', 'zendesk'],
  local: ['app', 'domain', 'shared', 'zendesk'],
  cli: ['domain'],
  proxy: ['domain', 'shared'],
};

/** Packages the domain may not use: it has no I/O, no UI, no server, no host, no bundler. */
const NOT_IN_DOMAIN = [
  /^react(-dom)?$/,
  /^@zendeskgarden\//,
  /^styled-components$/,
  /^zendesk_app_framework_sdk$/,
  /^vite$/,
  /^fastify$/,
  /^@fastify\//,
  /^pg$/,
  /^oracledb$/,
  /^@electric-sql\//,
  /^pino$/,
];

const ZAF_SDK = 'zendesk_app_framework_sdk';
const ZAF_LAYERS = new Set(['zendesk', 'local']);
/** Layers whose code runs in the browser (src/local/server runs in the dev server, on Node). */
const BROWSER_LAYERS = new Set(['domain', 'shared', 'zendesk', 'app', 'local']);
const JITLESS_ZOD = 'src/domain/zod.ts';

const BUILTINS = new Set(builtinModules);

/** @param {string} path a path relative to the project's root, with forward slashes */
function layerOf(path) {
  const match = /^src\/([^/]+)(\/|$)/.exec(path);
  return match === null ? undefined : match[1];
}

/** @param {string} spec a bare module specifier */
function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

/** @param {string} spec */
const isBuiltin = (spec) => spec.startsWith('node:') || BUILTINS.has(packageName(spec));

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each layer of src/ to the imports docs/architecture.md allows it.' },
    schema: [],
    messages: {
      layer: 'src/{{from}} may not import src/{{to}} (it may use: {{allowed}}). See docs/architecture.md.',
      domainPackage: "The domain is pure TypeScript: '{{spec}}' is I/O, UI or host code; use it in an outer layer.",
      zaf: "Only src/zendesk and src/local talk to Zendesk's SDK; go through the port in src/zendesk/port.ts.",
      zod: "Browser code imports zod from src/domain/zod.ts, which makes it jitless (no eval under the app's CSP).",
    },
  },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename).split(sep).join('/');
    const from = layerOf(file);
    if (from === undefined || !(from in LAYERS)) return {};
    const layer = /** @type {keyof typeof LAYERS} */ (from);
    const allowed = LAYERS[layer];
    const inBrowser = BROWSER_LAYERS.has(layer) && !file.startsWith('src/local/server/');

    /**
     * @param {import('estree').Node} node
     * @param {string} spec
     * @param {boolean} typeOnly
     */
    function check(node, spec, typeOnly) {
      if (spec.startsWith('.')) {
        const target = relative(root, resolve(dirname(context.filename), spec))
          .split(sep)
          .join('/');
        const to = layerOf(target);
        if (to !== undefined && to !== layer && !(/** @type {readonly string[]} */ (allowed).includes(to))) {
          const shown = allowed.length === 0 ? 'no other layer' : allowed.map((l) => `src/${l}`).join(', ');
          context.report({ node, messageId: 'layer', data: { from: layer, to, allowed: shown } });
        }
        return;
      }
      const name = packageName(spec);
      if (layer === 'domain' && (isBuiltin(spec) || NOT_IN_DOMAIN.some((re) => re.test(name)))) {
        context.report({ node, messageId: 'domainPackage', data: { spec } });
      }
      if (name === ZAF_SDK && !ZAF_LAYERS.has(layer)) context.report({ node, messageId: 'zaf' });
      if (name === 'zod' && inBrowser && !typeOnly && file !== JITLESS_ZOD) context.report({ node, messageId: 'zod' });
    }

    /** @param {import('estree').Node | null | undefined} source */
    const literal = (source) =>
      source?.type === 'Literal' && typeof source.value === 'string' ? source.value : undefined;

    /** typescript-eslint marks `import type` / `export type` with importKind / exportKind. */
    /** @param {unknown} node */
    const isTypeOnly = (node) => {
      const n = /** @type {{ importKind?: string, exportKind?: string, specifiers?: { importKind?: string }[] }} */ (
        node
      );
      if (n.importKind === 'type' || n.exportKind === 'type') return true;
      return (
        n.specifiers !== undefined && n.specifiers.length > 0 && n.specifiers.every((s) => s.importKind === 'type')
      );
    };

    return {
      ImportDeclaration(node) {
        const spec = literal(node.source);
        if (spec !== undefined) check(node, spec, isTypeOnly(node));
      },
      ExportNamedDeclaration(node) {
        const spec = literal(node.source);
        if (spec !== undefined) check(node, spec, isTypeOnly(node));
      },
      ExportAllDeclaration(node) {
        const spec = literal(node.source);
        if (spec !== undefined) check(node, spec, isTypeOnly(node));
      },
      ImportExpression(node) {
        const spec = literal(node.source);
        if (spec !== undefined) check(node, spec, false);
      },
    };
  },
};

export const MAX_LINE_LENGTH = 140;

/** @type {import('eslint').Rule.RuleModule} */
const lineLengthRule = {
  meta: {
    type: 'layout',
    docs: { description: `No line over ${MAX_LINE_LENGTH} columns.` },
    schema: [],
    messages: {
      long: 'This line is {{length}} columns long (at most {{max}}): split the string or the comment.',
    },
  },
  create(context) {
    return {
      Program() {
        const lines = context.sourceCode.lines;
        lines.forEach((line, index) => {
          // Code points, not UTF-16 units: a line of accented Catalan is as wide as it looks.
          const length = [...line].length;
          if (length <= MAX_LINE_LENGTH) return;
          context.report({
            loc: { start: { line: index + 1, column: 0 }, end: { line: index + 1, column: line.length } },
            messageId: 'long',
            data: { length: String(length), max: String(MAX_LINE_LENGTH) },
          });
        });
      },
    };
  },
};

/** @type {import('eslint').ESLint.Plugin} */
export const projectPlugin = {
  meta: { name: 'project' },
  rules: { layers: layersRule, 'line-length': lineLengthRule },
};
