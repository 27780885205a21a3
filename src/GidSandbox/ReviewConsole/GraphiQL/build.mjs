// Bundles GraphiQL into ../Assets/graphiql (git-ignored); run by the GidSandbox build when missing or stale.
import { build } from 'esbuild';

await build({
  entryPoints: ['index.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outdir: '../Assets/graphiql',
  entryNames: 'graphiql',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file' },
  logLevel: 'warning',
});
