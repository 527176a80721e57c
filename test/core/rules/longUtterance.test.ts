import { strict as assert } from 'assert';
import { parseConfig } from '../../../server/src/core';
import { findingsOf, rangeText, single } from '../../helpers/findings';
import { script, type ScriptOverrides } from '../../helpers/script';

const RULE = 'long-utterance';

/** `n` distinct words, no punctuation. */
const words = (n: number, prefix = 'w'): string => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`).join(' ');

const saying = (say: string, overrides: ScriptOverrides = {}): string =>
  script({
    steps: `
      greeting:
        say: ${say}
        outcome: resolved
    `,
    ...overrides,
  });

describe('long-utterance', () => {
  it('reports a sentence over 30 words, over the text, saying how long it is', () => {
    const t = saying(`${words(31)}.`);
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), `${words(31)}.`);
    assert.equal(f.message, 'A sentence in the say of "greeting" has 31 words, too long to say in one breath (max 30); split it.');
    assert.equal(f.severity, 'warning');
  });

  it('accepts exactly 30 words', () => {
    assert.deepEqual(findingsOf(saying(`${words(30)}.`), RULE), []);
  });

  it('counts words of one letter with no spaces between them (the shortest text over the limit)', () => {
    const config = parseConfig('rules:\n  long-utterance: { max-words: 3 }');
    // 4 words in 7 characters: the fewest characters that can hold more than 3 words
    assert.match(single(saying('"a,b,c,d"'), RULE, { config }).message, /has 4 words, .*\(max 3\)/);
    assert.match(single(saying('"a b c d"'), RULE, { config }).message, /has 4 words/);
    assert.deepEqual(findingsOf(saying('"a,b,c"'), RULE, { config }), []);
    assert.deepEqual(findingsOf(saying('"ab,cd,ef"'), RULE, { config }), []);
  });

  it('splits sentences at . ! ? and …', () => {
    for (const stop of ['.', '!', '?', '…']) {
      const t = saying(`"${words(25, 'a')}${stop} ${words(25, 'b')}."`);
      assert.deepEqual(findingsOf(t, RULE), [], `split at ${stop}`);
    }
    // a comma does not end a sentence
    assert.equal(findingsOf(saying(`"${words(25, 'a')}, ${words(25, 'b')}."`), RULE).length, 1);
  });

  it('reports the longest sentence of a text once', () => {
    const t = saying(`"${words(40, 'a')}. Short one. ${words(35, 'b')}."`);
    assert.match(single(t, RULE).message, /has 40 words/);
  });

  it('counts a placeholder as one word and ignores punctuation', () => {
    const t = saying(`"${words(29)} {customer_name} - — !"`, { variables: '\n  customer_name: { type: string, source: crm }\n' });
    assert.deepEqual(findingsOf(t, RULE), []);
  });

  it('checks each language of a text on its own, naming it', () => {
    const t = script({
      languages: '[en, pl]',
      steps: `
        greeting:
          ask: { en: "Short question?", pl: "${words(31)}?" }
          outcome: resolved
      `,
    });
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), `"${words(31)}?"`);
    assert.match(f.message, /in the ask of "greeting" \(pl\) has 31 words/);
  });

  it('checks objection replies but not notes for the agent', () => {
    const t = script({
      steps: `
        greeting:
          say: Hi
          note: ${words(50)}
          objections: [busy]
          outcome: resolved
      `,
      objections: `
        busy:
          reply: ${words(31)}
      `,
    });
    const f = single(t, RULE);
    assert.equal(rangeText(t, f), words(31));
    assert.match(f.message, /in the reply of "busy" has 31 words/);
  });

  for (const channel of ['chat', 'email', 'sms']) {
    it(`does not apply to the ${channel} channel, where nothing is said aloud`, () => {
      assert.deepEqual(findingsOf(saying(words(60), { channel }), RULE), []);
    });
  }

  it('applies to the phone channel, the default', () => {
    assert.equal(findingsOf(saying(words(60), { channel: 'phone' }), RULE).length, 1);
  });

  it('takes its limit from the max-words option, ignoring a bad one', () => {
    const t = saying(words(12));
    assert.deepEqual(findingsOf(t, RULE), []);
    const config = parseConfig('rules:\n  long-utterance: { max-words: 10 }\n');
    assert.match(single(t, RULE, { config }).message, /has 12 words, too long to say in one breath \(max 10\)/);
    for (const bad of ['0', '-5', '"ten"']) {
      const ignored = parseConfig(`rules:\n  long-utterance: { max-words: ${bad} }\n`);
      assert.deepEqual(findingsOf(t, RULE, { config: ignored }), [], bad);
    }
  });
});
