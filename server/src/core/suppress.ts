import type { LineIndex } from './lineIndex';

const DIRECTIVE = /^[ \t]*#[ \t]*callscript-(disable-next-line|disable|enable)\b([^\n\r]*)/gm;

/**
 * Suppression comments, on a line of their own:
 *
 *     # callscript-disable-next-line unused-variable, long-utterance
 *     # callscript-disable long-utterance     (until `# callscript-enable` or the end of the file)
 *     # callscript-enable
 *     # callscript-disable-next-line long-utterance -- legal text, read verbatim   (a reason after --)
 *
 * Without rule ids they apply to every rule.
 */
export class Suppressions {
  /** line → rule ids (empty set: every rule) */
  private readonly lines = new Map<number, Set<string>>();
  private readonly ranges: { from: number; to: number; rules: Set<string> }[] = [];

  constructor(text: string, index: LineIndex) {
    const open = new Map<string, number>(); // rule id ('*' for all) → line it was disabled on
    for (const m of text.matchAll(DIRECTIVE)) {
      const line = index.positionAt(m.index ?? 0).line;
      // Anything after ` -- ` (a reason) or a further `#` is not a rule id.
      const ids = m[2].replace(/(?:^|\s)(?:--|#).*$/, '').split(/[\s,]+/).filter((s) => s !== '');
      if (m[1] === 'disable-next-line') {
        this.lines.set(line + 1, new Set(ids));
      } else if (m[1] === 'disable') {
        for (const id of ids.length ? ids : ['*']) if (!open.has(id)) open.set(id, line);
      } else {
        for (const id of ids.length ? ids : [...open.keys()]) {
          const from = open.get(id);
          if (from === undefined) continue;
          this.ranges.push({ from, to: line, rules: new Set(id === '*' ? [] : [id]) });
          open.delete(id);
        }
      }
    }
    for (const [id, from] of open) this.ranges.push({ from, to: Infinity, rules: new Set(id === '*' ? [] : [id]) });
  }

  get empty(): boolean {
    return this.lines.size === 0 && this.ranges.length === 0;
  }

  isSuppressed(ruleId: string, line: number): boolean {
    const ids = this.lines.get(line);
    if (ids && (ids.size === 0 || ids.has(ruleId))) return true;
    return this.ranges.some((r) => r.from <= line && line <= r.to && (r.rules.size === 0 || r.rules.has(ruleId)));
  }
}
