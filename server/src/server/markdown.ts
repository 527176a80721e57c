/** Escapes what Markdown would read as formatting, so script text shows as written. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

/** One line of at most `max` characters, for details and outlines. */
export function oneLine(s: string, max = 80): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
