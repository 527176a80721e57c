import { strict as assert } from 'assert';
import { formatDuration, parseDuration } from '../../../server/src/core/text/duration';
import { speakingSeconds, wordStats } from '../../../server/src/core/text/words';

const count = (text: string): number => wordStats({ text }).words;
const longest = (text: string): number => wordStats({ text }).longestSentence;

describe('text/words', () => {
  it('counts spoken words: letters and digits, placeholders as one, not punctuation', () => {
    assert.equal(count('Good morning, am I speaking with {customer_name}?'), 7);
    assert.equal(count('Dzień dobry — czy rozmawiam z Panem?'), 6);
    assert.equal(count('„Dzień dobry” – powiedział…'), 3);
    assert.equal(count("It's 4 o'clock, twenty-one past, don’t worry."), 7);
    assert.equal(count(' ... ! - '), 0);
    assert.equal(count(''), 0);
  });

  it('finds the longest sentence, ending sentences at . ! ? … before a space', () => {
    assert.equal(longest('One two. Three four five! Six? Seven… Eight'), 3);
    assert.equal(longest('No stop, only commas, here'), 5);
    // "4.50" is said as two numbers, but its dot does not end the sentence
    assert.equal(longest('Price 4.50 zł is fine. Ok'), 6);
    assert.equal(longest(''), 0);
  });

  it('caches per text part object', () => {
    const part = { text: 'a b c' };
    assert.equal(wordStats(part), wordStats(part));
  });

  it('turns words into seconds at a speaking rate', () => {
    assert.equal(speakingSeconds(150, 150), 60);
    assert.equal(speakingSeconds(10, 120), 5);
  });
});

describe('text/duration', () => {
  it('reads minutes, seconds or both', () => {
    assert.equal(parseDuration('4m'), 240);
    assert.equal(parseDuration('90s'), 90);
    assert.equal(parseDuration('3m30s'), 210);
    assert.equal(parseDuration(' 0s '), 0);
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'm', 's', '4', '4 m', '1h', '-1m', '1.5m', '30s2m']) assert.equal(parseDuration(bad), undefined, bad);
  });

  it('formats durations for messages', () => {
    assert.equal(formatDuration(42), '42s');
    assert.equal(formatDuration(59.6), '1m00s');
    assert.equal(formatDuration(185), '3m05s');
  });
});
