// `.hbs` files are precompiled by tools/vite/handlebars-precompile.ts into Handlebars template
// functions that run on the runtime-only build.
declare module '*.hbs' {
  const template: (context: unknown, options?: { partials?: Record<string, unknown> }) => string;
  export default template;
}
