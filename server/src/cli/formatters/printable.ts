// C0 and C1 control characters (tab aside) and bidirectional overrides: a message may quote
// text from a hostile file, which must not move the cursor, recolour or reorder a terminal.
const UNPRINTABLE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const UNPRINTABLE_BUT_NEWLINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Text safe to print: control characters (CR and LF too, unless kept) become visible `\u{..}` escapes. */
export function printable(text: string, keepNewlines = false): string {
  const show = (c: string): string => `\\u{${c.charCodeAt(0).toString(16)}}`;
  return text.replace(keepNewlines ? UNPRINTABLE_BUT_NEWLINES : UNPRINTABLE, show);
}
