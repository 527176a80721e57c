#!/usr/bin/env node
'use strict';
// Starts the Callscript language server for any LSP client (Neovim, Helix, Emacs, ...).
// The server itself is the compiled (or bundled) server/src/server/main.ts of this package.
const { existsSync, readFileSync, statSync } = require('fs');
const { join } = require('path');

const root = join(__dirname, '..', '..');
const HELP = `Usage: callscript-language-server (--stdio | --node-ipc | --socket=PORT)

The Callscript language server: diagnostics, hover, completion, navigation, rename,
outline, folding, quick fixes and inlay hints for call scripts (*.call.yaml, *.call.yml).

Options:
  --stdio          talk LSP over stdin/stdout (what most editors use)
  --node-ipc       talk LSP over Node IPC (when started by a Node client with fork)
  --socket=PORT    talk LSP over a TCP socket on localhost
  --version        print the version and exit
  --help           print this help and exit

Setup for Neovim and Helix: docs/editors.md in the package.
`;

function version() {
  try {
    return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(HELP);
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${version()}\n`);
} else if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write(`callscript-language-server: say how to talk to the editor: --stdio, --node-ipc or --socket=PORT\n\n${HELP}`);
  process.exitCode = 2;
} else {
  // The bundle (dist/) or the TypeScript output (out/), whichever was built last: a release ships
  // the bundle; in a working tree, `tsc` may have run after the last bundle.
  const candidates = [join(root, 'dist', 'server', 'main.js'), join(root, 'out', 'server', 'src', 'server', 'main.js')];
  const built = candidates.filter((file) => existsSync(file));
  const entry = built.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!entry) {
    process.stderr.write(`callscript-language-server: the server is not built (looked for ${candidates.join(', ')}); run npm run build\n`);
    process.exitCode = 2;
  } else {
    require(entry).main();
  }
}
