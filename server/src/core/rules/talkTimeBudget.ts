import type { FlowIndex } from '../model/flow';
import type { ScriptModel, Step, Text } from '../model/types';
import { formatDuration } from '../text/duration';
import { speakingSeconds, wordStats } from '../text/words';
import type { Rule } from './rule';

/**
 * The longest path's spoken time, in the script's first language, against `talk-time-budget`.
 * Loops are cut where they turn back (the first pass through a loop counts), so the estimate is
 * the longest straight path a call can take.
 */
export const talkTimeBudget: Rule = {
  id: 'talk-time-budget',
  defaultSeverity: 'warning',
  summary: 'Reading the longest path aloud takes longer than the script\'s `talk-time-budget`.',
  check({ model, flow, wordsPerMinute }) {
    if (model.channel !== 'phone' || !model.budget || !model.start || !model.steps.has(model.start.id)) return [];
    const longest = longestPath(model, flow, model.start.id);
    const seconds = speakingSeconds(longest.words, wordsPerMinute);
    if (seconds <= model.budget.seconds) return [];
    return [
      {
        message: `The longest path takes about ${formatDuration(seconds)} to read at ${wordsPerMinute} words per minute, over the budget of ${formatDuration(model.budget.seconds)}: ${longest.path.join(' → ')}.`,
        start: model.budget.start,
        end: model.budget.end,
      },
    ];
  },
};

export function spokenWords(step: Step, lang: string | undefined): number {
  return wordsOf(step.say, lang) + wordsOf(step.ask, lang);
}

function wordsOf(text: Text | undefined, lang: string | undefined): number {
  if (!text) return 0;
  const part = text.parts.find((p) => p.lang === lang) ?? text.parts[0];
  return part ? wordStats(part).words : 0;
}

/** Longest path by spoken words from `start`, by an iterative depth-first search that ignores back edges. */
export function longestPath(model: ScriptModel, flow: FlowIndex, start: string): { words: number; path: string[] } {
  const lang = model.languages[0];
  const best = new Map<string, { words: number; next: string | undefined }>();
  const onStack = new Set<string>();
  const stack: { id: string; i: number }[] = [{ id: start, i: 0 }];
  onStack.add(start);
  while (stack.length) {
    const top = stack[stack.length - 1];
    const succ = flow.get(top.id)?.steps ?? [];
    if (top.i < succ.length) {
      const next = succ[top.i++];
      if (!best.has(next) && !onStack.has(next)) {
        onStack.add(next);
        stack.push({ id: next, i: 0 });
      }
      continue;
    }
    stack.pop();
    onStack.delete(top.id);
    let tail = { words: 0, next: undefined as string | undefined };
    for (const next of succ) {
      const b = best.get(next);
      if (b && b.words > tail.words) tail = { words: b.words, next };
    }
    const step = model.steps.get(top.id);
    best.set(top.id, { words: (step ? spokenWords(step, lang) : 0) + tail.words, next: tail.next });
  }
  const path: string[] = [];
  const seen = new Set<string>();
  for (let id: string | undefined = start; id && !seen.has(id); id = best.get(id)?.next) {
    seen.add(id);
    path.push(id);
  }
  return { words: best.get(start)?.words ?? 0, path: path.length > 8 ? [...path.slice(0, 3), '…', ...path.slice(-3)] : path };
}
