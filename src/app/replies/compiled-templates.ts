import type { CompiledTemplate, TemplateLoader } from '../../domain/templates/render';

/**
 * The precompiled templates, loaded on demand (each is its own small chunk in the app bundle, so
 * the sidebar does not pay for the texts until the agent opens a reply).
 */
const modules = import.meta.glob<CompiledTemplate>('../../domain/templates/messages/*.hbs', { import: 'default' });

export const loadCompiledTemplate: TemplateLoader = async (name) => {
  const importer = modules[`../../domain/templates/messages/${name}.hbs`];
  if (importer === undefined) throw new Error(`No template file messages/${name}.hbs`);
  return importer();
};

/** File names of every template text, e.g. `vo-fi-alta.ca` (for coverage checks). */
export const TEMPLATE_FILES: readonly string[] = Object.keys(modules).map((p) =>
  p.replace('../../domain/templates/messages/', '').replace(/\.hbs$/, ''),
);
