import { strict as assert } from 'assert';
import { execFileSync, fork, spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { REPO, SERVER_BIN } from './client';

const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

describe('server: callscript-language-server command', function () {
  this.timeout(30000);

  it('prints its version and its help', () => {
    assert.equal(execFileSync(process.execPath, [SERVER_BIN, '--version'], { encoding: 'utf8' }).trim(), version);
    const help = execFileSync(process.execPath, [SERVER_BIN, '--help'], { encoding: 'utf8' });
    assert.match(help, /--stdio/);
    assert.match(help, /--node-ipc/);
  });

  it('refuses to start without a transport, with exit code 2', () => {
    const run = spawnSync(process.execPath, [SERVER_BIN], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--stdio/);
  });

  it('starts the file as a script with a shebang', () => {
    assert.match(readFileSync(SERVER_BIN, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  });

  it('talks LSP over Node IPC', async () => {
    const child = fork(SERVER_BIN, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(result.serverInfo?.name, 'callscript-language-server');
      assert.equal(result.serverInfo?.version, version);
      assert.ok(result.capabilities.hoverProvider);
      await connection.sendRequest('shutdown');
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});
