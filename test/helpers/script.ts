/**
 * Builds call script texts for tests: a minimal valid script (no findings at all), with any
 * top-level key replaced, removed (`null`) or added. A value with a line break is a block, written
 * under its key indented by two spaces (its own common indentation is removed first); any other
 * value is written after `key: ` as is.
 *
 *     script({ kind: 'telesales', steps: `
 *       greeting:
 *         say: Hello
 *         outcome: resolved
 *     ` })
 */
export type ScriptOverrides = Record<string, string | null | undefined>;

/** The minimal valid script's top-level keys, in the order they are written. */
export const BASE: Readonly<Record<string, string>> = {
  callscript: '1',
  id: 'test-script',
  title: 'Test script',
  kind: 'helpdesk',
  direction: 'inbound',
  languages: '[en]',
  start: 'greeting',
  steps: `
    greeting:
      say: Hello, how can I help?
      outcome: resolved
  `,
  outcomes: `
    resolved: { label: Resolved, success: true }
  `,
};

/** Where top-level keys go, as authors usually write them; other keys follow in the order given. */
const ORDER = ['callscript', 'id', 'title', 'kind', 'direction', 'channel', 'audience', 'languages', 'talk-time-budget', 'variables', 'compliance', 'start', 'steps', 'objections', 'outcomes'];

export function script(overrides: ScriptOverrides = {}): string {
  const keys = [...ORDER, ...Object.keys(overrides).filter((k) => !ORDER.includes(k))];
  const lines: string[] = [];
  for (const key of keys) {
    const value = key in overrides ? overrides[key] : BASE[key];
    if (value === null || value === undefined) continue;
    if (value.includes('\n')) lines.push(`${key}:`, indent(block(value), 2));
    else lines.push(`${key}: ${value}`);
  }
  return lines.join('\n') + '\n';
}

/** Removes a leading blank line, trailing blank space and the lines' common indentation. */
export function block(text: string): string {
  const lines = text.replace(/^[ \t]*\n/, '').replace(/\s+$/, '').split('\n');
  const widths = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const common = widths.length ? Math.min(...widths) : 0;
  return lines.map((l) => l.slice(common)).join('\n');
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((l) => (l.trim() === '' ? l : pad + l))
    .join('\n');
}
