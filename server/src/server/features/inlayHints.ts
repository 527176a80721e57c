import type { InlayHint } from 'vscode-languageserver';
import type { Analysis } from '../../core';
import { speakingSeconds, wordStats } from '../../core/text/words';
import { scriptIndex, stepsIn } from '../scriptIndex';

/** "≈ 6 s", "≈ 1 min 05 s". */
export function formatSpoken(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  return s < 60 ? `≈ ${s} s` : `≈ ${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/**
 * After each spoken text (`say`, `ask`) in the range, how long it takes to say at the speaking
 * rate. Scripts for chat, e-mail or SMS are not spoken and get none.
 */
export function inlayHints(analysis: Analysis, start: number, end: number, wordsPerMinute: number): InlayHint[] {
  const index = scriptIndex(analysis);
  if (!index || index.model.channel !== 'phone') return [];
  const { text, lines } = analysis;
  const hints: InlayHint[] = [];
  for (const step of stepsIn(index, start, end)) {
    for (const field of [step.say, step.ask]) {
      for (const part of field?.parts ?? []) {
        let at = part.end;
        while (at > part.start && (text[at - 1] === '\n' || text[at - 1] === '\r')) at--;
        if (at < start || at > end) continue;
        const words = wordStats(part).words;
        if (words === 0) continue;
        hints.push({
          position: lines.positionAt(at),
          label: formatSpoken(speakingSeconds(words, wordsPerMinute)),
          paddingLeft: true,
          tooltip: `${words} words at ${wordsPerMinute} words per minute`,
        });
      }
    }
  }
  return hints;
}
