import type { Severity } from '../../core';
import type { FileReport } from '../report';
import type { FormatContext } from '.';
import { printable } from './printable';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** GitHub Actions workflow commands: one annotation per finding, `::error file=F,line=L,...,title=RULE::MESSAGE`. */
export function github(reports: readonly FileReport[], _context: FormatContext): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      const props = [`file=${property(report.path)}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`, `title=${property(f.ruleId)}`];
      lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${data(f.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** A command's message: `%`, CR and LF percent-encoded, as the runner decodes them. */
function data(text: string): string {
  return printable(text, true).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: like a message, plus `:` and `,`, which would end the value. */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
