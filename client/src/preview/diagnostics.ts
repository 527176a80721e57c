import * as vscode from 'vscode';
import type { Finding, LineIndex, Severity } from '../../../server/src/core';

/** The language server's diagnostics carry this source. */
export const DIAGNOSTIC_SOURCE = 'callscript';

const SEVERITY: Record<vscode.DiagnosticSeverity, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/**
 * The language server's findings for a document (what the Problems view shows, configuration
 * applied), as offsets through the drawing's line index.
 */
export function serverFindings(uri: vscode.Uri, lines: LineIndex): Finding[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE)
    .map((d) => ({
      ruleId: String(typeof d.code === 'object' ? d.code.value : d.code ?? DIAGNOSTIC_SOURCE),
      severity: SEVERITY[d.severity] ?? 'error',
      message: d.message,
      start: lines.offsetAt(d.range.start),
      end: lines.offsetAt(d.range.end),
    }));
}
