import pc from 'picocolors';
import type { Severity } from '../../core';
import { countSeverities, type FileReport } from '../report';
import type { FormatContext } from '.';
import { printable } from './printable';

/**
 * For people at a terminal: findings grouped per file, one per line as
 * `file:line:col  severity  message  rule-id`, then a summary line.
 */
export function stylish(reports: readonly FileReport[], context: FormatContext): string {
  const c = pc.createColors(context.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue, hint: c.gray };
  const out: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    const where = report.findings.map((f) => `${printable(report.path)}:${f.line}:${f.column}`);
    const width = Math.max(...where.map((w) => w.length));
    out.push(c.underline(printable(report.path)));
    report.findings.forEach((f, i) => {
      out.push(`  ${where[i].padEnd(width)}  ${paint[f.severity](f.severity.padEnd(7))}  ${printable(f.message)}  ${c.dim(f.ruleId)}`);
    });
    out.push('');
  }
  if (reports.length > 0) out.push(summary(reports, c));
  return out.length ? `${out.join('\n')}\n` : '';
}

function summary(reports: readonly FileReport[], c: ReturnType<typeof pc.createColors>): string {
  const counts = countSeverities(reports);
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return c.green(`✔ ${plural(reports.length, 'file')} checked, no problems`);
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info) parts.push(plural(counts.info, 'info'));
  if (counts.hint) parts.push(plural(counts.hint, 'hint'));
  const files = reports.filter((r) => r.findings.length > 0).length;
  const line = `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(files, 'file')}`;
  return c.bold(counts.error ? c.red(line) : counts.warning ? c.yellow(line) : c.blue(line));
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 || noun === 'info' ? '' : 's'}`;
}
