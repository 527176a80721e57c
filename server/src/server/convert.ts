import type { Diagnostic, Range } from 'vscode-languageserver';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { Finding, LineIndex, Severity } from '../core';

/** Offsets (the core's unit) to an LSP range, through the analysis's own line index. */
export function toRange(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(Math.max(start, end)) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Rules whose findings mark text that does nothing: editors fade it. */
const UNNECESSARY = new Set(['unreachable-step', 'unused-variable', 'unused-objection', 'unused-outcome']);

/** A finding as an editor shows it, with its rule id as `code` and a link to the rule's page. */
export function toDiagnostic(finding: Finding, lines: LineIndex, docsBase: string | undefined): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(lines, finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: 'callscript',
    message: finding.message,
  };
  if (docsBase) diagnostic.codeDescription = { href: `${docsBase}${finding.ruleId}.md` };
  if (UNNECESSARY.has(finding.ruleId)) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}
