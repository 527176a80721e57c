/** Word counts of spoken text, computed once per text part and shared by the rules that need them. */
export interface WordStats {
  /** words in the whole text */
  words: number;
  /** words in its longest sentence */
  longestSentence: number;
}

const cache = new WeakMap<object, WordStats>();

/** Characters outside ASCII that separate words rather than make them (Polish quotes, dashes, …). */
const NON_WORD = new Set([0x00a0, 0x00ab, 0x00bb, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x201e, 0x2026, 0x3000]);

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 123 || c === 125 || c === 95;
  return !NON_WORD.has(c) && !(c >= 0x2000 && c <= 0x200b);
}

function isSentenceEnd(c: number): boolean {
  return c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */ || c === 0x2026; /* … */
}

/**
 * Words and the longest sentence's words of a text, in one pass: placeholders count as one word
 * each, punctuation does not; a sentence ends at . ! ? … followed by white space.
 */
export function wordStats(part: { text: string }): WordStats {
  let stats = cache.get(part);
  if (stats) return stats;
  const text = part.text;
  let words = 0;
  let sentence = 0;
  let longest = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      if (!inWord) {
        words++;
        sentence++;
        inWord = true;
      }
    } else {
      // An apostrophe or hyphen inside a word keeps it one word ("don't", "e-mail").
      const joiner = (c === 39 || c === 45 || c === 0x2019) && inWord && isWordChar(text.charCodeAt(i + 1));
      if (!joiner) inWord = false;
      if (isSentenceEnd(c) && (i + 1 === text.length || text.charCodeAt(i + 1) <= 32)) {
        longest = Math.max(longest, sentence);
        sentence = 0;
      }
    }
  }
  stats = { words, longestSentence: Math.max(longest, sentence) };
  cache.set(part, stats);
  return stats;
}

/** Seconds needed to say `words` at `wordsPerMinute`. */
export function speakingSeconds(words: number, wordsPerMinute: number): number {
  return (words / wordsPerMinute) * 60;
}
