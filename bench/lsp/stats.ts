/** Median and 95th percentile of timings, in milliseconds. */
export interface Summary {
  median: number;
  p95: number;
  n: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { median: round(pick(0.5)), p95: round(pick(0.95)), n: sorted.length };
}

export function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Runs `fn` and returns how long it took, in milliseconds. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
