/** Short texts for graph nodes, and their size estimated without a DOM (a fixed-width guess per character). */
import type { Text } from '../model/types';

/** The longest excerpt kept from a step's text, in characters. */
export const EXCERPT_LENGTH = 90;

/** The text in `lang`, else the only (or first) version; whitespace collapsed and cut to `max` characters. */
export function excerpt(text: Text | undefined, lang: string | undefined, max = EXCERPT_LENGTH): string {
  if (!text || text.parts.length === 0) return '';
  const part = text.parts.find((p) => p.lang === lang) ?? text.parts.find((p) => p.lang === undefined) ?? text.parts[0];
  return shorten(part.text.replace(/\s+/g, ' ').trim(), max);
}

/** Cuts a string to `max` characters with an ellipsis, never between the halves of a surrogate pair. */
export function shorten(s: string, max: number): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  return chars.slice(0, Math.max(1, max - 1)).join('').trimEnd() + '…';
}

/** Wraps at spaces into at most `maxLines` lines of about `perLine` characters; the last line ends in … if cut. */
export function wrap(s: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = s.split(' ').filter((w) => w !== '');
  for (let i = 0; i < words.length; i++) {
    // A word longer than a line is split hard.
    let word = words[i];
    while (length(word) > perLine) {
      const chars = Array.from(word);
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(chars.slice(0, perLine).join(''));
      word = chars.slice(perLine).join('');
    }
    const candidate = line ? `${line} ${word}` : word;
    if (length(candidate) <= perLine) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = shorten(kept[maxLines - 1] + ' ' + lines[maxLines], perLine);
    if (!kept[maxLines - 1].endsWith('…')) kept[maxLines - 1] += '…';
    return kept;
  }
  return lines;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Length in characters (code points), without building an array when there is no surrogate pair. */
function length(s: string): number {
  return SURROGATE.test(s) ? Array.from(s).length : s.length;
}

/** Width units of ASCII characters: narrow punctuation and letters less, capitals and m, w, @, % more. */
const ASCII_UNITS = Float64Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c);
  return /[il.,:;'|!ftj ]/.test(ch) ? 0.4 : /[A-Z]|[mwMW@%]/.test(ch) ? 0.75 : 0.58;
});

/**
 * The width of a line of text in pixels at the given font size, guessed per character: East Asian
 * wide characters and emoji count double, narrow punctuation less. Good enough to size boxes.
 */
export function textWidth(s: string, fontSize: number): number {
  let units = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    if (c < 128) units += ASCII_UNITS[c];
    else {
      if (c > 0xffff) i++; // the second half of a surrogate pair
      if (c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || c >= 0x1f300)) units += 1.8;
      else units += 0.58;
    }
  }
  return units * fontSize;
}
