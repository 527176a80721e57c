/**
 * Entry point of the extension test suite, run inside a real VS Code extension host
 * (`extensionTestsPath`): by @vscode/test-electron where VS Code can be downloaded, and here by
 * code-server through test/e2e/run.mjs. Resolves when every test passed.
 */
import * as path from 'path';
import Mocha from 'mocha';
import { readdirSync } from 'fs';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  for (const f of readdirSync(__dirname)) if (f.endsWith('.vscode-test.js')) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} tests failed`)) : resolve()));
  });
}
