import type { Analysis, Severity } from '../core';

/** A finding as every report format shows it: lines and columns 1-based, columns in UTF-16 code units, end exclusive. */
export interface ReportFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FileReport {
  /** the file's path relative to the working directory, with `/` separators */
  path: string;
  findings: ReportFinding[];
}

export type SeverityCounts = Record<Severity, number>;

/** The CLI's one conversion from the core's offsets to lines and columns (through the core's LineIndex). */
export function toFileReport(path: string, analysis: Analysis): FileReport {
  const findings = analysis.findings.map((f): ReportFinding => {
    const start = analysis.lines.positionAt(f.start);
    const end = analysis.lines.positionAt(f.end);
    return { ruleId: f.ruleId, severity: f.severity, message: f.message, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  });
  return { path, findings };
}

export function countSeverities(reports: readonly FileReport[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports) for (const f of r.findings) counts[f.severity]++;
  return counts;
}

/** Keeps only the errors (for `--quiet`). */
export function errorsOnly(reports: readonly FileReport[]): FileReport[] {
  return reports.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }));
}
