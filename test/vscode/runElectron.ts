/**
 * Runs the extension suite in a downloaded VS Code (Electron) with @vscode/test-electron, for
 * machines that can download it: `npm run test:vscode-electron`. Offline, test/e2e/run.mjs runs the
 * same suite in code-server instead.
 */
import { cpSync, mkdtempSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const workspace = mkdtempSync(path.join(tmpdir(), 'callscript-ws-'));
  for (const f of readdirSync(path.join(root, 'examples'))) cpSync(path.join(root, 'examples', f), path.join(workspace, f));
  cpSync(path.join(root, 'test/vscode/broken.call.yaml'), path.join(workspace, 'broken.call.yaml'));
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((e) => {
  console.error(`VS Code tests failed: ${(e as Error).message}`);
  process.exit(1);
});
