import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './startServer';

/**
 * The server's entry: the transport comes from the command line (`--stdio`, `--node-ipc`,
 * `--socket=PORT`, `--pipe=NAME`), as vscode-languageserver reads it.
 */
export function main(): void {
  // Last line of defence: a stray error is logged, and the server keeps answering.
  process.on('uncaughtException', (e) => process.stderr.write(`callscript-language-server: uncaught: ${e?.stack ?? e}\n`));
  process.on('unhandledRejection', (e) => process.stderr.write(`callscript-language-server: unhandled rejection: ${(e as Error)?.stack ?? e}\n`));
  startServer(createConnection(ProposedFeatures.all));
}

if (require.main === module) main();
