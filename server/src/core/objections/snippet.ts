/**
 * The small part of VS Code snippet syntax the objection library uses: text with tab stops
 * `$1`, `${1}` and `${1:default}`, where `\$`, `\}` and `\\` stand for literal characters.
 */

export type SnippetPart =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; placeholder?: string };

/**
 * Splits a snippet into literal text and tab stops. Throws on what VS Code would read
 * differently from what an author meant: an unescaped `$` that starts no tab stop (it would be
 * taken for a variable) and nested or unterminated placeholders.
 */
export function parseSnippet(source: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let text = '';
  let i = 0;
  const flush = (): void => {
    if (text) parts.push({ kind: 'text', value: text });
    text = '';
  };
  while (i < source.length) {
    const c = source[i];
    if (c === '\\' && '$}\\'.includes(source[i + 1] ?? '')) {
      text += source[i + 1];
      i += 2;
    } else if (c === '$') {
      const simple = /^\$(\d+)/.exec(source.slice(i));
      const braced = /^\$\{(\d+)(\}|:)/.exec(source.slice(i));
      if (simple) {
        flush();
        parts.push({ kind: 'tabstop', index: Number(simple[1]) });
        i += simple[0].length;
      } else if (braced) {
        flush();
        i += braced[0].length;
        if (braced[2] === '}') {
          parts.push({ kind: 'tabstop', index: Number(braced[1]) });
          continue;
        }
        let placeholder = '';
        for (;;) {
          const d = source[i];
          if (d === undefined) throw new Error(`unterminated placeholder \${${braced[1]}: in snippet`);
          if (d === '\\' && '$}\\'.includes(source[i + 1] ?? '')) {
            placeholder += source[i + 1];
            i += 2;
          } else if (d === '$') {
            throw new Error(`nested tab stop or unescaped $ in placeholder \${${braced[1]}:`);
          } else if (d === '}') {
            i++;
            break;
          } else {
            placeholder += d;
            i++;
          }
        }
        parts.push({ kind: 'tabstop', index: Number(braced[1]), placeholder });
      } else {
        throw new Error(`unescaped $ at ${i} in snippet (write \\$ for a literal dollar)`);
      }
    } else {
      text += c;
      i++;
    }
  }
  flush();
  return parts;
}

/** Escapes `\`, `$` and `}` so that VS Code inserts the text literally. */
export function escapeSnippetText(s: string): string {
  return s.replace(/[\\$}]/g, '\\$&');
}

/** Writes parts back as a snippet; `mapText` transforms literal text (and placeholders) first. */
export function printSnippet(parts: readonly SnippetPart[], mapText: (s: string) => string = (s) => s): string {
  return parts
    .map((p) => {
      if (p.kind === 'text') return escapeSnippetText(mapText(p.value));
      return p.placeholder === undefined ? `\${${p.index}}` : `\${${p.index}:${escapeSnippetText(mapText(p.placeholder))}}`;
    })
    .join('');
}

/** The text VS Code inserts when every tab stop is left at its default. */
export function snippetToText(source: string): string {
  return parseSnippet(source)
    .map((p) => (p.kind === 'text' ? p.value : (p.placeholder ?? '')))
    .join('');
}

/** Tab stops of a snippet: index -> placeholder (empty string when it has none). */
export function tabStops(source: string): Map<number, string> {
  const stops = new Map<number, string>();
  for (const p of parseSnippet(source)) if (p.kind === 'tabstop' && !stops.has(p.index)) stops.set(p.index, p.placeholder ?? '');
  return stops;
}
