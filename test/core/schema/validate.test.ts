import { strict as assert } from 'assert';
import { analyze, type Finding } from '../../../server/src/core';
import { findingsOf, rangeOf, rangeText, single } from '../../helpers/findings';
import { script } from '../../helpers/script';

const schemaFindings = (text: string): Finding[] => findingsOf(text, 'schema');

/** Applies a fix's edits (last first, so offsets stay valid). */
function applyFix(text: string, f: Finding, index = 0): string {
  const edits = [...(f.fixes?.[index]?.edits ?? [])].sort((a, b) => b.start - a.start);
  return edits.reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

describe('schema/validate', () => {
  it('finds nothing wrong with the minimal script', () => {
    assert.deepEqual(analyze(script()).findings, []);
  });

  describe('unknown keys', () => {
    const text = script({
      steps: `
        greeting:
          sya: Hello
          outcome: resolved
      `,
    });

    it('points at the key itself and suggests the near miss', () => {
      const f = single(text, 'schema');
      assert.equal(rangeText(text, f), 'sya');
      assert.deepEqual({ start: f.start, end: f.end }, rangeOf(text, 'sya'));
      assert.equal(f.message, 'Unknown key "sya" in step "greeting". Did you mean "say"?');
      assert.equal(f.severity, 'error');
    });

    it('offers a preferred fix that renames the key', () => {
      const f = single(text, 'schema');
      assert.equal(f.fixes?.length, 1);
      assert.equal(f.fixes[0].title, 'Change to "say"');
      assert.equal(f.fixes[0].preferred, true);
      const fixed = applyFix(text, f);
      assert.ok(fixed.includes('    say: Hello\n'));
      assert.deepEqual(analyze(fixed).findings, []);
    });

    it('lists the allowed keys when nothing is close', () => {
      const t = script({ colour: 'blue' });
      const f = single(t, 'schema');
      assert.equal(rangeText(t, f), 'colour');
      assert.match(f.message, /^Unknown key "colour" in the script\. Allowed keys: callscript, id, title, .*kind, direction, .*steps, objections, outcomes\.$/);
      assert.equal(f.fixes, undefined);
    });

    it('suggests keys in nested objects too (variables, branches, outcomes)', () => {
      const t = script({
        variables: `
          name: { typ: string }
        `,
        steps: `
          greeting:
            say: Hi {name}
            branches:
              - when: ok
                outcom: resolved
        `,
      });
      const found = schemaFindings(t);
      assert.deepEqual(
        found.map((f) => [rangeText(t, f), f.message]),
        [
          ['typ', 'Unknown key "typ" in variable "name". Did you mean "type"?'],
          ['outcom', 'Unknown key "outcom" in branch 1 of step "greeting". Did you mean "outcome"?'],
        ],
      );
    });
  });

  describe('enum values', () => {
    it('points at the value, with did-you-mean text and a fix', () => {
      const t = script({ kind: 'helpdsk' });
      const f = single(t, 'schema');
      assert.equal(rangeText(t, f), 'helpdsk');
      assert.equal(f.message, '"helpdsk" is not allowed for "kind"; expected one of: telesales, helpdesk, retention, information-line. Did you mean "helpdesk"?');
      assert.deepEqual(f.fixes?.[0].edits, [{ ...rangeOf(t, 'helpdsk'), newText: 'helpdesk' }]);
      assert.equal(f.fixes?.[0].preferred, true);
    });

    it('replaces a quoted value with its quotes', () => {
      const t = script({ direction: '"outbund"' });
      const f = single(t, 'schema');
      assert.equal(rangeText(t, f), '"outbund"');
      assert.equal(applyFix(t, f).includes('direction: outbound\n'), true);
    });

    it('gives no fix when no value is close', () => {
      const t = script({ kind: 'zzzzzz' });
      const f = single(t, 'schema');
      assert.equal(rangeText(t, f), 'zzzzzz');
      assert.ok(!f.message.includes('Did you mean'));
      assert.equal(f.fixes, undefined);
    });

    it('reports a nested enum (a variable type, an objection technique) at its value', () => {
      const t = script({
        variables: `
          name: { type: strin }
        `,
        steps: `
          greeting:
            say: Hi {name}
            objections: [busy]
            outcome: resolved
        `,
        objections: `
          busy:
            reply: I will be quick.
            technique: feel-felt
        `,
      });
      const found = schemaFindings(t);
      assert.deepEqual(
        found.map((f) => rangeText(t, f)),
        ['strin', 'feel-felt'],
      );
      assert.match(found[0].message, /^"strin" is not allowed for "type" of variable "name"; .* Did you mean "string"\?$/);
      assert.match(found[1].message, /for "technique" of objection "busy"; .* Did you mean "feel-felt-found"\?$/);
    });

    it('calls an empty value empty and points at its key', () => {
      const t = script({ kind: '' });
      const f = single(t, 'schema');
      assert.equal(rangeText(t, f), 'kind');
      assert.match(f.message, /^"kind" is empty; expected one of: telesales, /);
    });
  });

  describe('missing required keys', () => {
    it('points at the first key of a branch without `when`', () => {
      const t = script({
        steps: `
          greeting:
            ask: Is it working?
            branches:
              - next: greeting
              - when: yes
                outcome: resolved
        `,
      });
      const f = single(t, 'schema');
      assert.equal(f.message, 'Branch 1 of step "greeting" is missing the required key "when".');
      assert.deepEqual({ start: f.start, end: f.end }, rangeOf(t, 'next'));
      assert.deepEqual(f.data, { missing: 'when' });
    });

    it('points at the first key of the file when the root lacks `start`', () => {
      const t = script({ start: null });
      const f = single(t, 'schema');
      assert.equal(f.message, 'The script is missing the required key "start".');
      assert.equal(rangeText(t, f), 'callscript');
      assert.equal(f.start, 0);
    });

    it('points at the parent key for objections, outcomes and handovers', () => {
      const t = script({
        steps: `
          greeting:
            say: Hello
            objections: [busy]
            transfer: { outcome: resolved }
        `,
        objections: `
          busy:
            technique: empathy
        `,
        outcomes: `
          resolved: { success: true }
        `,
      });
      const found = schemaFindings(t);
      assert.deepEqual(
        found.map((f) => [rangeText(t, f), f.message]),
        [
          ['transfer', '"transfer" of step "greeting" is missing the required key "to".'],
          ['busy', 'Objection "busy" is missing the required key "reply".'],
          ['resolved', 'Outcome "resolved" is missing the required key "label".'],
        ],
      );
      // each on the declaration's key, not on a reference to it
      assert.ok(found[1].start > t.indexOf('objections:\n'));
      assert.ok(found[2].start > t.indexOf('outcomes:'));
    });

    it('reports each missing root key once', () => {
      const t = 'callscript: 1\n';
      const found = schemaFindings(t);
      assert.deepEqual(
        found.map((f) => f.data?.missing).sort(),
        ['direction', 'id', 'kind', 'languages', 'outcomes', 'start', 'steps', 'title'],
      );
      for (const f of found) assert.equal(rangeText(t, f), 'callscript');
    });
  });

  describe('wrong types', () => {
    it('says what was expected and what was found, at the value', () => {
      const t = script({
        steps: `
          greeting:
            say: Hello
            next: 5
        `,
      });
      const f = single(t, 'schema');
      assert.equal(rangeText(t, f), '5');
      assert.equal(f.message, '"next" of step "greeting" must be a string, not a number (5).');
    });

    it('names lists, mappings and booleans in plain words', () => {
      const t = script({ steps: '[a]', outcomes: `
        resolved: { label: Resolved, success: yes }
      ` });
      const found = schemaFindings(t);
      const byText = new Map(found.map((f) => [rangeText(t, f), f.message]));
      assert.equal(byText.get('[a]'), '"steps" must be a mapping, not a list.');
      assert.equal(byText.get('yes'), '"success" of outcome "resolved" must be true or false, not a string ("yes").');
    });

    it('points at the key when the value is empty', () => {
      const t = script({ start: '' });
      const f = single(t, 'schema');
      assert.equal(rangeText(t, f), 'start');
      assert.equal(f.message, '"start" must be a string, not empty.');
    });

    it('reports the wrong format version at its value', () => {
      const t = script({ callscript: '2' });
      const f = single(t, 'schema');
      assert.equal(rangeText(t, f), '2');
      assert.equal(f.message, '"callscript" must be 1, not 2.');
      const quoted = script({ callscript: '"1"' });
      assert.equal(single(quoted, 'schema').message, '"callscript" must be 1, not "1".');
    });
  });

  describe('ids (propertyNames)', () => {
    it('points at an invalid step id key, once', () => {
      const t = script({
        start: 'Greeting',
        steps: `
          Greeting:
            say: Hello
            outcome: resolved
        `,
      });
      // `start: Greeting` breaks the id pattern too; the key itself is reported once.
      const found = schemaFindings(t).filter((f) => f.start > t.indexOf('steps:'));
      assert.equal(found.length, 1);
      assert.equal(found[0].start, t.indexOf('  Greeting:') + 2);
      assert.equal(rangeText(t, found[0]), 'Greeting');
      assert.match(found[0].message, /^"Greeting" is not a valid id in "steps": use lower-case letters and digits, with "-" or "_" between words/);
    });

    it('checks variable names with their own rule', () => {
      const t = script({ variables: `
        Customer-Name: { type: string }
      ` });
      const f = single(t, 'schema');
      assert.equal(rangeText(t, f), 'Customer-Name');
      assert.equal(f.message, '"Customer-Name" is not a valid id in "variables": use lower-case letters, digits and "_" (e.g. "customer_name").');
    });

    it('explains patterns of values: ids, durations, language codes', () => {
      const t = script({ id: 'Bad Id', 'talk-time-budget': '4 min', languages: '[EN]' });
      const found = schemaFindings(t);
      const byText = new Map(found.map((f) => [rangeText(t, f), f.message]));
      assert.equal(found.length, 3);
      assert.match(byText.get('Bad Id') ?? '', /^"Bad Id" is not a valid value for "id": use lower-case letters/);
      assert.match(byText.get('4 min') ?? '', /write a duration such as "4m", "90s" or "3m30s"/);
      assert.match(byText.get('EN') ?? '', /item 1 of "languages": use a language code such as "pl", "en" or "en-GB"/);
    });
  });

  describe('texts (string or map per language)', () => {
    it('gives ONE message for a text of the wrong shape', () => {
      const t = script({
        steps: `
          greeting:
            say: [a, b]
            ask: { en: [x] }
            note: 5
            outcome: resolved
        `,
      });
      const found = schemaFindings(t);
      assert.deepEqual(
        found.map((f) => rangeText(t, f)),
        ['[a, b]', '{ en: [x] }', '5'],
      );
      for (const f of found) assert.match(f.message, /must be a text: a string, or a map from language code to a string \(e\.g\. \{ pl: "\.\.\.", en: "\.\.\." \}\), not /);
      assert.match(found[0].message, /not a list\.$/);
      assert.match(found[2].message, /not a number \(5\)\.$/);
    });

    it('describes trigger phrases in their own words', () => {
      const t = script({
        steps: `
          greeting:
            say: Hello
            objections: [busy]
            outcome: resolved
        `,
        objections: `
          busy:
            reply: Just a minute.
            triggers: nope
        `,
      });
      const f = single(t, 'schema');
      assert.equal(rangeText(t, f), 'nope');
      assert.equal(f.message, '"triggers" of objection "busy" must be a list of phrases, or a map from language code to a list of phrases, not a string ("nope").');
    });
  });

  describe('collections', () => {
    it('reports an empty steps map or branch list at the brackets', () => {
      const t = script({
        steps: `
          greeting:
            say: Hi
            branches: []
        `,
      });
      const f = single(t, 'schema');
      assert.equal(rangeText(t, f), '[]');
      assert.equal(f.message, '"branches" of step "greeting" must not be empty.');
    });

    it('points a repeated list item at the repeat, numbering the items in order', () => {
      const t = script({
        steps: `
          greeting:
            say: Hi
            tags: [a, b, a]
            outcome: resolved
        `,
      });
      const f = single(t, 'schema');
      assert.equal(f.start, t.indexOf('[a, b, a]') + 7);
      assert.equal(rangeText(t, f), 'a');
      assert.equal(f.message, '"tags" of step "greeting" lists the same item twice (items 1 and 3).');
    });
  });

  describe('messages', () => {
    const messy = script({
      callscript: '3',
      id: 'Not Valid',
      kind: 'sales',
      direction: 'sideways',
      channel: 'fax',
      languages: '[EN, en, en]',
      'talk-time-budget': 'long',
      variables: `
        Bad: { type: text, required: maybe, extra: 1 }
      `,
      compliance: `
        require: recording
        other: 1
      `,
      steps: `
        greeting:
          say: { EN: x }
          next: [a]
          branches: [1, { when: 2, goto: x }]
          transfer: queue
          escalate: { to: Second Line }
          tags: offer
          capture: Name
      `,
      objections: `
        o:
          triggers: [1, [2]]
          resume: 5
      `,
      outcomes: `
        x: { label: [1], success: 1, disposition: {} }
      `,
    });
    const found = schemaFindings(messy);

    it('reads as plain English, without JSON Schema jargon', () => {
      assert.ok(found.length >= 20, `only ${found.length} findings`);
      for (const f of found) {
        assert.doesNotMatch(f.message, /must NOT|should|#\/|\/steps|instancePath|additionalProperties|propertyNames|anyOf|undefined|\[object/, f.message);
        assert.match(f.message, /^["A-Z].*[.?]$/, f.message);
      }
    });

    it('reports no finding twice', () => {
      const keys = found.map((f) => `${f.start}:${f.end}:${f.message}`);
      assert.deepEqual(keys, [...new Set(keys)]);
    });

    it('keeps every range inside the text', () => {
      for (const f of found) assert.ok(f.start >= 0 && f.start <= f.end && f.end <= messy.length, `${f.message} at ${f.start}..${f.end}`);
    });
  });
});
