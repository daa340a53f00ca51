// `.hbs` files are precompiled by scripts/vite-plugin-handlebars.ts into Handlebars template
// functions that run on the runtime-only build.
declare module '*.hbs' {
  const template: (context: unknown, options?: { partials?: Record<string, unknown> }) => string;
  export default template;
}
