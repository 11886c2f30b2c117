/** esbuild bundles Markdown files as text (loader in esbuild.config.mjs). */
declare module '*.md' {
  const text: string;
  export default text;
}
