import type { LineIndex } from './lineIndex';

const DIRECTIVE = /^[ \t]*#[ \t]*callscript-(disable-next-line|disable|enable)(?![\w-])([^\n\r]*)/gm;
/** A trailing comment (YAML wants white space before its `#`) that suppresses findings on its own line. */
const SAME_LINE = /[ \t]#[ \t]*callscript-disable-line(?![\w-])([^\n\r]*)/g;

/**
 * Suppression comments, on a line of their own:
 *
 *     # callscript-disable-next-line unused-variable, long-utterance
 *     # callscript-disable long-utterance     (until `# callscript-enable` or the end of the file)
 *     # callscript-enable
 *     # callscript-disable-next-line long-utterance -- legal text, read verbatim   (a reason after --)
 *     next: offr   # callscript-disable-line unknown-target                     (at the end of a line)
 *
 * Without rule ids they apply to every rule.
 */
export class Suppressions {
  /** line → rule ids (empty set: every rule) */
  private readonly lines = new Map<number, Set<string>>();
  private readonly ranges: { from: number; to: number; rules: Set<string> }[] = [];

  constructor(text: string, index: LineIndex) {
    // Every directive names itself "callscript-…": a text without that is searched no further.
    if (!text.includes('callscript-')) return;
    const open = new Map<string, number>(); // rule id ('*' for all) → line it was disabled on
    for (const m of text.matchAll(DIRECTIVE)) {
      const line = index.positionAt(m.index ?? 0).line;
      const ids = ruleIds(m[2]);
      if (m[1] === 'disable-next-line') {
        this.addLine(line + 1, ids);
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
    for (const m of text.matchAll(SAME_LINE)) this.addLine(index.positionAt(m.index ?? 0).line, ruleIds(m[1]));
    for (const [id, from] of open) this.ranges.push({ from, to: Infinity, rules: new Set(id === '*' ? [] : [id]) });
  }

  /** Suppresses `ids` (none: every rule) on `line`, on top of what is suppressed there already. */
  private addLine(line: number, ids: string[]): void {
    const had = this.lines.get(line);
    this.lines.set(line, had && had.size > 0 && ids.length > 0 ? new Set([...had, ...ids]) : new Set(had && had.size === 0 ? [] : ids));
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

/** The rule ids of a directive: anything after ` -- ` (a reason) or a further `#` is not one. */
function ruleIds(rest: string): string[] {
  return rest.replace(/(?:^|\s)(?:--|#).*$/, '').split(/[\s,]+/).filter((s) => s !== '');
}
