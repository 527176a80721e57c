import type { FlowGraph } from '../model/flow';
import type { Step, Text } from '../model/types';
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
  check({ model, graph, wordsPerMinute }) {
    if (model.channel !== 'phone' || !model.budget || graph.start < 0) return [];
    const longest = longestPath(graph, model.languages[0], graph.start);
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

/** Words of a text in `lang`, or in its first part when it has none in `lang`. */
function wordsOf(text: Text | undefined, lang: string | undefined): number {
  if (!text || text.parts.length === 0) return 0;
  for (const part of text.parts) if (part.lang === lang) return wordStats(part).words;
  return wordStats(text.parts[0]).words;
}

/** Longest path by spoken words from step `start`, its steps shortened to the first and last three. */
export function longestPath(graph: FlowGraph, lang: string | undefined, start: number): { words: number; path: string[] } {
  const n = graph.steps.length;
  const words = new Float64Array(n);
  const via = new Int32Array(n).fill(-1);
  depthFirst(graph, lang, start, words, via);
  // `via` leads to steps finished earlier, so following it ends.
  const along = new Int32Array(n);
  const length = follow(via, start, along);
  const ids = (from: number, to: number): string[] => Array.from(along.subarray(from, to), (i) => graph.steps[i].id);
  return { words: words[start], path: length > 8 ? [...ids(0, 3), '…', ...ids(length - 3, length)] : ids(0, length) };
}

/**
 * An iterative depth-first search that ignores back edges: a step's longest path (`words`) is its
 * own words plus the longest of its successors finished before it (`via`, or -1 for none).
 */
function depthFirst(graph: FlowGraph, lang: string | undefined, start: number, words: Float64Array, via: Int32Array): void {
  const { steps, first, next } = graph;
  const n = steps.length;
  const ON_STACK = 1;
  const DONE = 2;
  const state = new Uint8Array(n);
  // the stack of steps being visited, and each one's next edge to follow
  const stack = new Int32Array(n);
  const edge = new Int32Array(n);
  let top = 0;
  stack[0] = start;
  edge[start] = first[start];
  state[start] = ON_STACK;
  while (top >= 0) {
    const at = stack[top];
    if (edge[at] < first[at + 1]) {
      const to = next[edge[at]++];
      if (state[to] === 0) {
        state[to] = ON_STACK;
        edge[to] = first[to];
        stack[++top] = to;
      }
      continue;
    }
    top--;
    let tail = 0;
    for (let e = first[at], end = first[at + 1]; e < end; e++) {
      const to = next[e];
      if (state[to] === DONE && words[to] > tail) {
        tail = words[to];
        via[at] = to;
      }
    }
    state[at] = DONE;
    words[at] = spokenWords(steps[at], lang) + tail;
  }
}

/** Writes the steps `via` leads through from `start` into `along`; returns how many. */
function follow(via: Int32Array, start: number, along: Int32Array): number {
  let length = 0;
  for (let at = start; at >= 0; at = via[at]) along[length++] = at;
  return length;
}
