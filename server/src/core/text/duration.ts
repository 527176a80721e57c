/** Seconds in a duration written as "4m", "90s" or "3m30s"; undefined if it is not one. */
export function parseDuration(text: string): number | undefined {
  const m = /^(?=\d)(?:(\d+)m)?(?:(\d+)s)?$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}

/** "3m05s", "42s": a duration for messages. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
