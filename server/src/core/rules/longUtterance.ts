import type { RawFinding } from '../findings';
import { wordStats } from '../text/words';
import { numberOption, type Rule } from './rule';

/** A sentence longer than this many words is hard to say in one breath (option `max-words`). */
const DEFAULT_MAX_WORDS = 30;

export const longUtterance: Rule = {
  id: 'long-utterance',
  defaultSeverity: 'warning',
  summary: 'A spoken sentence is too long to say in one breath (option max-words, default 30).',
  check({ model, options }) {
    if (model.channel !== 'phone') return [];
    const max = numberOption(options, 'max-words', DEFAULT_MAX_WORDS);
    const findings: RawFinding[] = [];
    for (const { owner, field, text } of model.texts) {
      if (field !== 'say' && field !== 'ask' && field !== 'reply') continue;
      for (const part of text.parts) {
        // Each word but the first takes a separator, so n characters hold at most (n + 1) / 2 words.
        if ((part.text.length + 1) >> 1 <= max) continue;
        const longest = wordStats(part).longestSentence;
        if (longest > max) {
          findings.push({
            message: `A sentence in the ${field} of "${owner}"${part.lang ? ` (${part.lang})` : ''} has ${longest} words, too long to say in one breath (max ${max}); split it.`,
            start: part.start,
            end: part.end,
          });
        }
      }
    }
    return findings;
  },
};
