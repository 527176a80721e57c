/**
 * A `|` caret marker in test text: `caret('next: gre|eting')` → `{ text: 'next: greeting', offset: 9 }`.
 * The text must hold exactly one `|` (write YAML block scalars with `>` in caret tests).
 */
export function caret(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) throw new Error(`caret(): expected exactly one "|" in ${JSON.stringify(marked)}`);
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}
