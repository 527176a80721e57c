import { strict as assert } from 'assert';
import { ALL_RULES, CONFIG_FILE_NAMES, ConfigError, defaultConfig, DEFAULT_WORDS_PER_MINUTE, mergeConfigs, parseConfig } from '../../server/src/core';

/** Asserts that parsing throws a ConfigError whose one-line message matches. */
function assertRefused(text: string, message: RegExp): void {
  assert.throws(
    () => parseConfig(text, 'team.yaml'),
    (e: unknown) => {
      assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${String(e)}`);
      assert.match(e.message, message);
      assert.match(e.message, /^team\.yaml: /);
      assert.ok(!e.message.includes('\n'), `one line expected: ${e.message}`);
      return true;
    },
  );
}

describe('config', () => {
  it('has defaults: no rule settings, and the speaking rate left to the analysis (150 words per minute)', () => {
    assert.deepEqual(defaultConfig(), { rules: {} });
    assert.equal(DEFAULT_WORDS_PER_MINUTE, 150);
    assert.equal(DEFAULT_WORDS_PER_MINUTE, 150);
    assert.equal(CONFIG_FILE_NAMES[0], 'callscript.config.yaml');
  });

  it('reads severities, off, options and the speaking rate', () => {
    const c = parseConfig('speaking-rate: 120\nrules:\n  unused-variable: off\n  dead-end: warning\n  long-utterance: { severity: info, max-words: 25 }\n  endless-loop: false\n');
    assert.equal(c.wordsPerMinute, 120);
    assert.deepEqual(c.rules, {
      'unused-variable': { severity: 'off', options: {} },
      'dead-end': { severity: 'warning', options: {} },
      'long-utterance': { severity: 'info', options: { 'max-words': 25 } },
      'endless-loop': { severity: 'off', options: {} },
    });
  });

  it('keeps a rule\'s default severity when only options are given', () => {
    const c = parseConfig('rules:\n  long-utterance: { max-words: 12 }\n');
    assert.deepEqual(c.rules['long-utterance'], { severity: 'warning', options: { 'max-words': 12 } });
  });

  it('reads an empty file, or one with only comments, as the defaults', () => {
    for (const text of ['', '\n\n', '# nothing configured yet\n', '\ufeff# bom\r\n', 'rules:\n']) assert.deepEqual(parseConfig(text), defaultConfig(), JSON.stringify(text));
  });

  it('refuses what it cannot use, naming the problem in one line', () => {
    assertRefused('a: [', /unexpected end/);
    assertRefused('- x\n', /expected a mapping with "rules" and "speaking-rate"/);
    assertRefused('colour: blue\n', /unknown key "colour"/);
    assertRefused('speaking-rate: 10\n', /speaking-rate must be a number of words per minute between 40 and 400/);
    assertRefused('speaking-rate: fast\n', /speaking-rate must be a number/);
    assertRefused('rules: [dead-end]\n', /"rules" must map rule ids to a severity/);
    assertRefused('rules:\n  dead-ends: off\n', /unknown rule "dead-ends"/);
    assertRefused('rules:\n  dead-end: loud\n', /rule "dead-end" has severity "loud"; expected one of error, warning, info, hint, off/);
    assertRefused('rules:\n  dead-end: [error]\n', /rule "dead-end" must be a severity/);
    assertRefused('rules:\n  dead-end: { severity: 3 }\n', /rule "dead-end" has severity 3/);
    assertRefused('a: &x 1\nb: *x\n', /alias/);
  });

  it('accepts every rule id, reader rules included', () => {
    const text = 'rules:\n' + ALL_RULES.map((r) => `  ${r.id}: hint`).join('\n');
    const c = parseConfig(text);
    assert.deepEqual(Object.keys(c.rules), ALL_RULES.map((r) => r.id));
  });

  it('merges layers, later ones winning rule by rule', () => {
    const editor = { wordsPerMinute: 130, rules: parseConfig('rules:\n  dead-end: warning\n  unused-variable: off\n').rules };
    const file = { rules: parseConfig('rules:\n  dead-end: info\n').rules };
    const merged = mergeConfigs(editor, file);
    assert.equal(merged.wordsPerMinute, 130);
    assert.equal(merged.rules['dead-end'].severity, 'info');
    assert.equal(merged.rules['unused-variable'].severity, 'off');
    // the inputs are left as they were
    assert.equal(editor.rules['dead-end'].severity, 'warning');
    assert.equal(mergeConfigs(editor, { wordsPerMinute: 170 }).wordsPerMinute, 170);
  });

  // BUG (config.ts): parseConfig always fills in wordsPerMinute (150 when the file has no
  // speaking-rate), so layering a parsed file over editor settings resets the editor's rate:
  // mergeConfigs({ wordsPerMinute: 130 }, parseConfig('rules: {}')).wordsPerMinute is 150, not 130.
  // (No caller layers configurations yet.)
  it('keeps the editor\'s speaking rate under a file that does not set one', () => {
    assert.equal(mergeConfigs({ wordsPerMinute: 130 }, parseConfig('rules: {}\n')).wordsPerMinute, 130);
  });
});
