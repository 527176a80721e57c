import { join } from 'path';
import { pathToFileURL } from 'url';
import { SERVER_ENV, SERVER_NODE_OPTIONS } from '../../server/src/node/serverProcess';
import { REPO, TestClient } from '../../test/server/client';

/** A language server under test: how to start it and how it names documents and versions. */
export interface ServerUnderTest {
  name: string;
  languageId: string;
  /** whether its diagnostics carry the document version (else: the next publication counts) */
  versioned: boolean;
  start(root: string): Promise<TestClient>;
}

export const callscript: ServerUnderTest = {
  name: 'callscript',
  languageId: 'callscript',
  versioned: true,
  // started as the VS Code extension starts it
  start: (root) => TestClient.start({ root, settings: {}, nodeArgs: [...SERVER_NODE_OPTIONS], env: { ...SERVER_ENV } }),
};

/**
 * Red Hat's yaml-language-server with the same JSON schema mapped to the script files, with
 * validation, hover and completion on: the generic alternative a script author would otherwise use.
 */
export const yamlLanguageServer: ServerUnderTest = {
  name: 'yaml-language-server',
  languageId: 'yaml',
  versioned: false,
  async start(root) {
    const bin = join(REPO, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
    const schema = pathToFileURL(join(REPO, 'schemas', 'callscript.schema.json')).href;
    const yaml = { schemas: { [schema]: ['*.call.yaml', '**/*.call.yaml'] }, validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false } };
    const client = await TestClient.start({ root, command: [process.execPath, bin, '--stdio'], sections: { yaml, http: {}, '[yaml]': {}, editor: {} } });
    // It reads its settings when told they changed; wait for that before opening anything.
    const pulled = client.nextConfigurationRequest();
    await client.notify('workspace/didChangeConfiguration', { settings: { yaml } });
    await pulled;
    return client;
  },
};
