import { strict as assert } from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { packageVersion } from '../../server/src/cli/version';
import { cleanup, runCli, tempDir } from './helpers';

/** Golden scenarios: test/cli/scenarios/*.scenario, each a document, a command and the expected output. */
const DIR = resolve(__dirname, '../../../test/cli/scenarios');

/**
 * Sections start with `====name====`: test (title), document (optional, written as script.call.yaml),
 * config (optional, written as callscript.config.yaml), stdin (optional), command (arguments after
 * `callscript`, split on spaces), status, stdout, stderr (optional; empty when absent).
 * `{document}` and `{version}` are replaced in command and expected output.
 */
function parseScenario(text: string): Record<string, string> {
  const sections: Record<string, string> = {};
  const parts = text.split(/^====([a-z]+)====\n/m);
  for (let i = 1; i < parts.length; i += 2) sections[parts[i]] = parts[i + 1];
  return sections;
}

describe('cli: golden scenarios', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.scenario')).sort()) {
    const s = parseScenario(readFileSync(join(DIR, file), 'utf8'));
    it(`${file}: ${s.test.trim()}`, () => {
      const files: Record<string, string> = {};
      if (s.document !== undefined) files['script.call.yaml'] = s.document;
      if (s.config !== undefined) files['callscript.config.yaml'] = s.config;
      const dir = tempDir(files);
      try {
        const fill = (t: string): string => t.replace(/\{document\}/g, 'script.call.yaml').replace(/\{version\}/g, packageVersion());
        const r = runCli(fill(s.command.trim()).split(' '), dir, { input: s.stdin ?? '' });
        assert.equal(r.stdout, fill(s.stdout ?? ''));
        assert.equal(r.stderr, fill(s.stderr ?? ''));
        assert.equal(r.status, Number(s.status));
      } finally {
        cleanup(dir);
      }
    });
  }
});
