import { countSeverities, type FileReport } from '../report';
import type { FormatContext } from '.';

/**
 * For tools. The shape is stable (a breaking change would raise `schemaVersion`):
 *
 *     {
 *       "schemaVersion": 1,
 *       "tool": { "name": "callscript", "version": "0.1.0" },
 *       "files": [
 *         { "path": "scripts/a.call.yaml",          // relative to the working directory, `/` separators
 *           "findings": [
 *             { "ruleId": "unknown-target", "severity": "error", "message": "...",
 *               "line": 12, "column": 11, "endLine": 12, "endColumn": 16 } ] } ],   // 1-based, end exclusive
 *       "summary": { "files": 1, "errors": 1, "warnings": 0, "infos": 0, "hints": 0 }
 *     }
 *
 * Every checked file is listed, with an empty `findings` when it is clean. Columns count UTF-16 code units.
 */
export function json(reports: readonly FileReport[], context: FormatContext): string {
  const counts = countSeverities(reports);
  const doc = {
    schemaVersion: 1,
    tool: { name: 'callscript', version: context.version },
    files: reports.map((r) => ({
      path: r.path,
      findings: r.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn })),
    })),
    summary: { files: reports.length, errors: counts.error, warnings: counts.warning, infos: counts.info, hints: counts.hint },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
