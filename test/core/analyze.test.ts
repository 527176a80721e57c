import { strict as assert } from 'assert';
import { ALL_RULES, analyze, byPosition, defaultConfig, MAX_TEXT_LENGTH, mergeConfigs, parseConfig, type Analysis, type Finding } from '../../server/src/core';
import { assertClean, findingsOf, rangeText, single } from '../helpers/findings';
import { script } from '../helpers/script';

/** A script with one finding each of undeclared-variable, unused-variable and long-utterance. */
const noisy = script({
  variables: `
    spare: { type: string }
  `,
  steps: `
    greeting:
      say: Hello {who}. One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six twenty-seven twenty-eight twenty-nine thirty thirty-one.
      outcome: resolved
  `,
});

const ids = (a: Analysis): string[] => a.findings.map((f) => f.ruleId);

/** Analyzes, failing the test on a throw or on any finding outside the text. */
function safeAnalyze(text: string): Analysis {
  const a = analyze(text);
  for (const f of a.findings) {
    assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end), `${f.ruleId}: non-integer range`);
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.ruleId} "${f.message}" has range ${f.start}..${f.end} outside 0..${text.length}`);
    assert.ok(ALL_RULES.some((r) => r.id === f.ruleId), `unknown rule id ${f.ruleId}`);
    assert.doesNotMatch(f.message, /Internal error/, f.message);
  }
  return a;
}

describe('analyze', () => {
  it('gives a valid script a model, a flow and no findings', () => {
    const a = analyze(script());
    assertClean(a);
    assert.equal(a.model?.id, 'test-script');
    assert.equal(a.model?.start?.id, 'greeting');
    assert.deepEqual([...(a.flow?.keys() ?? [])], ['greeting']);
    assert.equal(a.yaml.documentCount, 1);
    assert.equal(a.lines.lineCount, script().split('\n').length);
  });

  describe('not a script', () => {
    it('says another YAML file is not a call script, at its first key', () => {
      const t = 'name: my-app\nversion: 1\n';
      const a = analyze(t);
      assert.equal(a.findings.length, 1);
      const f = a.findings[0];
      assert.equal(f.ruleId, 'schema');
      assert.equal(rangeText(t, f), 'name');
      assert.match(f.message, /^This is not a call script: it has no `callscript: 1` key at the top\./);
      assert.equal(a.model, undefined);
      assert.equal(a.flow, undefined);
    });

    it('says a list or a lone string is not a call script, over the whole value', () => {
      for (const t of ['- a\n- b\n', 'just words\n']) {
        const a = analyze(t);
        assert.equal(a.findings.length, 1, t);
        assert.equal(rangeText(t, a.findings[0]), t.trimEnd());
        assert.match(a.findings[0].message, /not a call script/);
      }
    });

    it('explains an empty file in one finding at its start', () => {
      for (const t of ['', '\n\n  \n', '# a comment\n']) {
        const a = analyze(t);
        assert.equal(a.findings.length, 1, JSON.stringify(t));
        assert.deepEqual([a.findings[0].ruleId, a.findings[0].start, a.findings[0].end], ['schema', 0, 0]);
        assert.match(a.findings[0].message, /^The file is empty: a call script starts with `callscript: 1`/);
        assert.equal(a.model, undefined);
      }
    });

    // BUG (parse.ts): `---` alone reads as an empty scalar with range -1..-1, so the "not a call
    // script" finding gets start = end = -1.
    it('reports a document with only `---` inside the text', () => {
      const a = safeAnalyze('---\n');
      assert.equal(a.findings.length, 1);
    });

    it('does not run the flow rules when the YAML is broken', () => {
      const t = 'callscript: 1\nsteps:\n  a: "unclosed\n';
      const a = analyze(t);
      assert.deepEqual(ids(a), ['yaml-syntax']);
      assert.equal(a.model, undefined);
    });

    it('refuses a text over the size limit without parsing it', () => {
      const a = analyze('#'.repeat(MAX_TEXT_LENGTH + 1));
      assert.equal(a.findings.length, 1);
      assert.match(a.findings[0].message, /too large to be a call script/);
      assert.equal(a.yaml.root, undefined);
    });
  });

  describe('configuration', () => {
    it('reports the default severities', () => {
      const a = analyze(noisy);
      assert.deepEqual(
        a.findings.map((f) => [f.ruleId, f.severity]),
        [
          ['unused-variable', 'warning'],
          ['long-utterance', 'warning'],
          ['undeclared-variable', 'error'],
        ],
      );
    });

    it('changes severities and turns rules off', () => {
      const config = parseConfig('rules:\n  undeclared-variable: info\n  unused-variable: off\n  long-utterance: { severity: hint }\n');
      const a = analyze(noisy, { config });
      assert.deepEqual(
        a.findings.map((f) => [f.ruleId, f.severity]),
        [
          ['long-utterance', 'hint'],
          ['undeclared-variable', 'info'],
        ],
      );
    });

    it('turns the reader rules off too', () => {
      const t = script({ kind: 'bogus' });
      assert.equal(findingsOf(t, 'schema').length, 1);
      assert.deepEqual(analyze(t, { config: parseConfig('rules: { schema: off }') }).findings, []);
      assert.deepEqual(analyze('a: [', { config: parseConfig('rules: { yaml-syntax: warning }') }).findings.map((f) => f.severity), ['warning']);
    });

    it('passes rule options: long-utterance max-words', () => {
      assert.equal(findingsOf(noisy, 'long-utterance').length, 1);
      const loose = parseConfig('rules:\n  long-utterance: { max-words: 40 }\n');
      assert.equal(findingsOf(noisy, 'long-utterance', { config: loose }).length, 0);
      const strict = parseConfig('rules:\n  long-utterance: { severity: error, max-words: 3 }\n');
      const f = single(noisy, 'long-utterance', { config: strict });
      assert.equal(f.severity, 'error');
      assert.match(f.message, /has 31 words, too long to say in one breath \(max 3\)/);
    });

    it('keeps the default severity when only options are given', () => {
      const config = parseConfig('rules:\n  long-utterance: { max-words: 5 }\n');
      assert.equal(single(noisy, 'long-utterance', { config }).severity, 'warning');
    });

    it('uses the speaking rate for talk time', () => {
      const t = script({
        'talk-time-budget': '10s',
        steps: `
          greeting:
            say: one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty
            outcome: resolved
        `,
      });
      // 20 words: 8s at 150 words per minute, 12s at 100
      assert.equal(findingsOf(t, 'talk-time-budget').length, 0);
      const slow = mergeConfigs(defaultConfig(), parseConfig('speaking-rate: 100'));
      assert.match(single(t, 'talk-time-budget', { config: slow }).message, /about 12s to read at 100 words per minute/);
    });
  });

  describe('suppression comments', () => {
    const withLine = (before: string, comment: string): string => {
      assert.ok(noisy.includes(before));
      return noisy.replace(before, `${comment}\n${before}`);
    };

    it('disable-next-line with one id hides that rule on the next line only', () => {
      const t = withLine('    say: Hello', '    # callscript-disable-next-line undeclared-variable');
      assert.deepEqual(ids(analyze(t)), ['unused-variable', 'long-utterance']);
    });

    it('disable-next-line without ids hides every rule on the next line', () => {
      const t = withLine('    say: Hello', '    # callscript-disable-next-line');
      assert.deepEqual(ids(analyze(t)), ['unused-variable']);
    });

    it('disable-next-line takes several ids, with commas or spaces, and a trailing remark', () => {
      for (const comment of [
        '    # callscript-disable-next-line undeclared-variable, long-utterance',
        '    # callscript-disable-next-line undeclared-variable long-utterance',
        '    #callscript-disable-next-line long-utterance,undeclared-variable -- the name comes later',
      ]) {
        assert.deepEqual(ids(analyze(withLine('    say: Hello', comment))), ['unused-variable'], comment);
      }
    });

    it('does not hide findings two lines down, nor other rules', () => {
      const t = withLine('  greeting:', '  # callscript-disable-next-line');
      assert.deepEqual(ids(analyze(t)), ['unused-variable', 'long-utterance', 'undeclared-variable']);
      const other = withLine('    say: Hello', '    # callscript-disable-next-line unused-outcome');
      assert.deepEqual(ids(analyze(other)), ['unused-variable', 'long-utterance', 'undeclared-variable']);
    });

    it('ignores a directive that is not alone on its line', () => {
      const t = noisy.replace('  spare: { type: string }', '  spare: { type: string } # callscript-disable-next-line');
      assert.equal(ids(analyze(t)).length, 3);
    });

    it('disable-line at the end of a line hides that rule on its own line only', () => {
      const t = noisy.replace('  spare: { type: string }', '  spare: { type: string }   # callscript-disable-line unused-variable -- kept for the CRM export');
      assert.deepEqual(ids(analyze(t)), ['long-utterance', 'undeclared-variable']);
      const other = noisy.replace('  spare: { type: string }', '  spare: { type: string } # callscript-disable-line long-utterance');
      assert.deepEqual(ids(analyze(other)), ['unused-variable', 'long-utterance', 'undeclared-variable']);
    });

    it('reads disable-line on a line of its own as no directive at all (not as "disable")', () => {
      const t = noisy.replace('variables:', '# callscript-disable-line\nvariables:');
      assert.equal(ids(analyze(t)).length, 3);
    });

    it('disable … enable hides findings on the lines between', () => {
      const t = noisy.replace('variables:', '# callscript-disable\nvariables:').replace('start:', '# callscript-enable\nstart:');
      assert.deepEqual(ids(analyze(t)), ['long-utterance', 'undeclared-variable']);
    });

    it('disable with an id hides only that rule, to the end of the file when not enabled again', () => {
      const t = noisy.replace('steps:', '# callscript-disable long-utterance\nsteps:');
      assert.deepEqual(ids(analyze(t)), ['unused-variable', 'undeclared-variable']);
    });

    it('enable with an id ends only that rule\'s range', () => {
      const t = noisy
        .replace('variables:', '# callscript-disable unused-variable undeclared-variable\nvariables:')
        .replace('steps:', '# callscript-enable undeclared-variable\nsteps:');
      assert.deepEqual(ids(analyze(t)), ['long-utterance', 'undeclared-variable']);
    });

    it('works with CRLF line breaks', () => {
      const t = withLine('    say: Hello', '    # callscript-disable-next-line undeclared-variable').replace(/\n/g, '\r\n');
      assert.deepEqual(ids(analyze(t)), ['unused-variable', 'long-utterance']);
    });

    it('also hides reader findings (schema, yaml-syntax)', () => {
      const t = script({ kind: 'bogus' }).replace('kind:', '# callscript-disable-next-line schema\nkind:');
      assert.deepEqual(analyze(t).findings, []);
    });
  });

  describe('findings', () => {
    it('are sorted by position', () => {
      const t = script({
        variables: `
          a: { type: strin }
          b: { type: string }
        `,
        steps: `
          greeting:
            say: Hi {c}
            next: nowhere
          lost:
            say: Nobody comes here
        `,
        outcomes: `
          resolved: { label: Resolved, success: true }
          spare: { label: Spare }
        `,
      });
      const a = safeAnalyze(t);
      assert.ok(a.findings.length >= 7, ids(a).join(', '));
      assert.deepEqual(a.findings, [...a.findings].sort(byPosition));
      for (let i = 1; i < a.findings.length; i++) assert.ok(a.findings[i - 1].start <= a.findings[i].start);
      // several rules are represented, not only the schema
      assert.ok(new Set(ids(a)).size >= 5, ids(a).join(', '));
    });
  });

  describe('never throws', () => {
    const broken = [
      '',
      '\ufeff',
      '---\na: 1\n---\n',
      'callscript: 1\n',
      'callscript: 1\nsteps: [a]\noutcomes: 5\nvariables: x\nobjections: [1]\nstart: [x]\nlanguages: { a: b }\n',
      'callscript: 1\nstart: a\nsteps:\n  a:\n  b: 5\n  c: [1]\n  d: { next: [x], branches: x, outcome: {}, transfer: 1, escalate: [] }\noutcomes:\n  o:\n',
      'callscript: 1\nstart: a\nsteps:\n  a: { branches: [null, 1, [x], { when: [], next: {} }], objections: [{}, 5] }\nobjections: { x: 1, y: { resume: [], outcome: {} } }\n',
      'callscript: 1\nstart: a\nsteps: &s\n  a: { next: a, say: *s }\n',
      'callscript: 1\nlanguages: [en, pl]\nsteps:\n  a:\n    say: { en: , pl: [x] }\n    ask: "{not-a-var} {a} {"\n',
      'callscript: 1\n"steps": {"a": {"next": "a"}}\n? [complex, key]\n: value\n1: 2\nnull: x\n',
      'callscript: 1\ntalk-time-budget: 0s\nstart: a\nsteps:\n  a: { say: "", next: a }\n',
      'callscript: !!str 1\nsteps: !!map { a: !!map { next: !!str a } }\n',
      '\u0000\u0001',
      '\t\tcallscript: 1',
      '{'.repeat(100),
      'callscript: 1\nsteps:\n  a:\n    say: ' + '['.repeat(10_000),
      'callscript: 1\nsteps: ' + '- '.repeat(10_000) + 'x\n',
      'callscript: 1\n' + 'x'.repeat(100_000),
    ];
    broken.forEach((t, i) => {
      it(`analyzes broken input ${i + 1} (${JSON.stringify(t.slice(0, 40))}) with findings in range`, () => {
        const a = safeAnalyze(t);
        assert.ok(a.findings.length >= 1, 'broken input must produce a finding');
      });
    });

    /** Analyzes `count` random edits of a full script; returns the findings out of range, as text. */
    function fuzz(count: number, tolerate: (f: Finding) => boolean): string[] {
      const base = script({
        kind: 'telesales',
        direction: 'outbound',
        languages: '[en, pl]',
        'talk-time-budget': '1m',
        variables: `
          name: { type: string, required: true, source: crm }
        `,
        compliance: `
          require: [recording-notice]
        `,
        steps: `
          greeting:
            say: { en: "Hi {name}", pl: "Cześć {name}" }
            satisfies: [recording-notice]
            objections: [busy]
            branches:
              - when: yes
                next: offer
              - when: no
                outcome: resolved
          offer:
            say: { en: Buy, pl: Kup }
            tags: [offer]
            transfer: { to: sales, outcome: resolved }
        `,
        objections: `
          busy:
            reply: { en: "Quick one", pl: "Szybko" }
            resume: offer
        `,
      });
      const alphabet = ' \n:-[]{}&*!|>"\'#,?a1\t';
      let seed = 42;
      const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
      const bad: string[] = [];
      for (let i = 0; i < count; i++) {
        let t = base;
        for (let k = 0; k <= rnd(3); k++) {
          const at = rnd(t.length);
          const op = rnd(3);
          if (op === 0) t = t.slice(0, at) + t.slice(at + 1 + rnd(5));
          else if (op === 1) t = t.slice(0, at) + alphabet[rnd(alphabet.length)] + t.slice(at);
          else t = t.slice(0, at) + t.slice(rnd(t.length));
        }
        for (const f of analyze(t).findings) {
          const inRange = f.start >= 0 && f.start <= f.end && f.end <= t.length;
          if ((!inRange && !tolerate(f)) || /Internal error/.test(f.message)) bad.push(`${f.ruleId} ${f.start}..${f.end} ${f.message} in ${JSON.stringify(t)}`);
        }
      }
      return bad;
    }

    it('survives a thousand random edits of a full script', function () {
      this.timeout(120_000);
      // -1..-1 is the empty-value bug below, tolerated here so that this test guards everything else.
      assert.deepEqual(fuzz(1000, (f) => f.start === -1 && f.end === -1), []);
    });

    // BUG (parse.ts): empty values and empty keys have range -1..-1 (see yaml/parse.test.ts), which
    // rules pass on: `say: { en: Buy, up }` gives a missing-translation finding at -1..-1 for "up",
    // and a line `:` gives `Unknown key ""` at -1..-1.
    it('keeps every finding of a thousand random edits inside the text', function () {
      this.timeout(120_000);
      assert.deepEqual(fuzz(1000, () => false), []);
    });
  });
});
