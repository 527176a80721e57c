import { strict as assert } from 'assert';
import { findingsOf, rangeText, single } from '../../helpers/findings';
import { script, type ScriptOverrides } from '../../helpers/script';

const RULE = 'missing-translation';

const bilingual = (overrides: ScriptOverrides): string => script({ languages: '[pl, en]', ...overrides });

describe('missing-translation', () => {
  it('reports a text map missing a language, over the whole map', () => {
    const t = bilingual({
      steps: `
        greeting:
          say: { pl: "Dzień dobry" }
          outcome: resolved
      `,
    });
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), '{ pl: "Dzień dobry" }');
    assert.equal(f.message, 'The say of "greeting" has no en text.');
    assert.deepEqual(f.data, { owner: 'greeting', field: 'say', missing: 'en' });
    assert.equal(f.severity, 'warning');
  });

  it('reports a single string in a bilingual script, suggesting the per-language form', () => {
    const t = bilingual({
      steps: `
        greeting:
          ask: "How can I help?"
          outcome: resolved
      `,
    });
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), '"How can I help?"');
    assert.equal(f.message, 'The ask of "greeting" is one string, but the script is in pl, en: give it per language (e.g. { pl: "...", en: "..." }).');
    assert.deepEqual(f.data, { owner: 'greeting', field: 'ask', missing: 'en' });
  });

  it('reports a language the script does not declare, at its text', () => {
    const t = bilingual({
      steps: `
        greeting:
          say: { pl: Cześć, en: Hi, de: Hallo }
          outcome: resolved
      `,
    });
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), 'Hallo');
    assert.equal(f.message, '"de" is not one of the script\'s languages (pl, en).');
  });

  it('checks notes and objection replies too', () => {
    const t = bilingual({
      steps: `
        greeting:
          say: { pl: Cześć, en: Hi }
          note: { en: Smile }
          objections: [busy]
          outcome: resolved
      `,
      objections: `
        busy:
          reply: { pl: Rozumiem }
      `,
    });
    assert.deepEqual(
      findingsOf(t, RULE).map((f) => f.message),
      ['The note of "greeting" has no pl text.', 'The reply of "busy" has no en text.'],
    );
  });

  it('exempts labels, which are names for reports', () => {
    const t = bilingual({
      steps: `
        greeting:
          say: { pl: Cześć, en: Hi }
          objections: [busy]
          outcome: resolved
      `,
      objections: `
        busy:
          label: Busy
          reply: { pl: Rozumiem, en: I see }
      `,
      outcomes: `
        resolved: { label: { pl: Załatwione }, success: true }
      `,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
  });

  it('accepts plain strings in a one-language script, and full maps in a bilingual one', () => {
    assert.deepEqual(findingsOf(script(), RULE), []);
    const t = bilingual({
      steps: `
        greeting:
          say: { pl: Cześć, en: Hi }
          outcome: resolved
      `,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
  });

  it('accepts the languages in any order, and reports one more after all the declared ones', () => {
    const t = bilingual({
      steps: `
        greeting:
          say: { en: Hi, pl: Cześć }
          ask: { pl: Jak?, en: How?, de: Wie? }
          outcome: resolved
      `,
    });
    assert.deepEqual(
      findingsOf(t, RULE).map((f) => [rangeText(t, f), f.message]),
      [['Wie?', '"de" is not one of the script\'s languages (pl, en).']],
    );
  });

  it('counts a language listed twice once', () => {
    const t = script({
      languages: '[pl, pl]',
      steps: `
        greeting:
          say: Cześć
          outcome: resolved
      `,
    });
    assert.deepEqual(findingsOf(t, RULE), []);
    assert.match(single(t, 'schema').message, /"languages" lists the same item twice/);
  });
});
