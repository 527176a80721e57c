import { strict as assert } from 'assert';
import { analyze, type Analysis, type AnalyzeOptions, type Finding } from '../../server/src/core';

/** The findings of one rule for a text. */
export function findingsOf(text: string, ruleId: string, options?: AnalyzeOptions): Finding[] {
  return analyze(text, options).findings.filter((f) => f.ruleId === ruleId);
}

/** The source text a finding (or any range) covers. */
export function rangeText(text: string, range: { start: number; end: number }): string {
  return text.slice(range.start, range.end);
}

/** Offset of the `nth` (0-based) occurrence of `needle`; fails the test if there is none. */
export function offsetOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) assert.fail(`offsetOf: occurrence ${nth + 1} of ${JSON.stringify(needle)} not found`);
  }
  return at;
}

/** The range of the `nth` occurrence of `needle` in `text`. */
export function rangeOf(text: string, needle: string, nth = 0): { start: number; end: number } {
  const start = offsetOf(text, needle, nth);
  return { start, end: start + needle.length };
}

/** Asserts that exactly one finding of `ruleId` exists and returns it. */
export function single(text: string, ruleId: string, options?: AnalyzeOptions): Finding {
  const found = findingsOf(text, ruleId, options);
  assert.equal(found.length, 1, `expected one ${ruleId} finding, got ${found.length}: ${found.map((f) => f.message).join(' | ')}`);
  return found[0];
}

/** Asserts that the analysis has no findings at all, showing them if it does. */
export function assertClean(analysis: Analysis): void {
  assert.deepEqual(
    analysis.findings.map((f) => `${f.ruleId}: ${f.message}`),
    [],
  );
}
