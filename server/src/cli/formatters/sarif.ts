import type { Log, ReportingDescriptor, Result } from 'sarif';
import { ALL_RULES, type Severity } from '../../core';
import type { FileReport } from '../report';
import type { FormatContext } from '.';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, for code scanning (e.g. GitHub's upload-sarif). Paths are relative to %SRCROOT%, the working directory. */
export function sarif(reports: readonly FileReport[], context: FormatContext): string {
  const ruleIndex = new Map(ALL_RULES.map((r, i) => [r.id, i]));
  const rules = ALL_RULES.map(
    (r): ReportingDescriptor => ({
      id: r.id,
      shortDescription: { text: r.summary },
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
      help: { text: `See docs/rules/${r.id}.md in the Callscript repository.` },
    }),
  );
  const results = reports.flatMap((report) =>
    report.findings.map(
      (f): Result => ({
        ruleId: f.ruleId,
        ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUri(report.path), uriBaseId: '%SRCROOT%' },
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
            },
          },
        ],
      }),
    ),
  );
  const log: Log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'callscript', version: context.version, rules } }, columnKind: 'utf16CodeUnits', results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function toUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
