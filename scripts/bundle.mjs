// Bundles the extension, the language server and the preview's webview script with esbuild into dist/.
// `node scripts/bundle.mjs [--watch] [--minify]`
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const common = { bundle: true, sourcemap: true, minify, logLevel: 'warning', legalComments: 'none' };
// ESM dependencies (tinyglobby's fdir) call createRequire(import.meta.url): give CommonJS bundles a real one.
const nodeCjs = {
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  define: { 'import.meta.url': 'import_meta_url' },
  banner: { js: "const import_meta_url = require('url').pathToFileURL(__filename).href;" },
  // js-yaml's CommonJS build, not the ES module esbuild would pick for an `import`: bundled, the ES
  // build read a large script markedly slower (measured with `npm run bench:lsp`, 10,000 steps:
  // open to diagnostics 480-550 ms with this, 640-910 ms without). The cause is not known.
  alias: { 'js-yaml': './node_modules/js-yaml/dist/js-yaml.cjs.js' },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', ...nodeCjs, external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server/main.ts'], outfile: 'dist/server/main.js', ...nodeCjs },
  { ...common, entryPoints: ['client/webview/main.ts'], outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife', target: 'es2022', tsconfig: existsSync('client/webview/tsconfig.json') ? 'client/webview/tsconfig.json' : undefined },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
