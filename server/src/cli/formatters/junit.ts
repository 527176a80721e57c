import type { FileReport } from '../report';
import type { FormatContext } from '.';

/**
 * JUnit XML, for CI test dashboards: one testsuite per file, one testcase per finding, each a
 * failure; a clean file gets one passing testcase so that it still shows as checked.
 */
export function junit(reports: readonly FileReport[], _context: FormatContext): string {
  const total = reports.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  const failures = reports.reduce((n, r) => n + r.findings.length, 0);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="callscript" tests="${total}" failures="${failures}" errors="0">`];
  for (const r of reports) {
    const path = xml(r.path);
    out.push(`  <testsuite name="${path}" tests="${Math.max(1, r.findings.length)}" failures="${r.findings.length}" errors="0" skipped="0">`);
    if (r.findings.length === 0) out.push(`    <testcase classname="${path}" name="callscript check" file="${path}"/>`);
    for (const f of r.findings) {
      const where = `${r.path}:${f.line}:${f.column}`;
      out.push(`    <testcase classname="${path}" name="${xml(`${f.ruleId} at ${f.line}:${f.column}`)}" file="${path}" line="${f.line}">`);
      out.push(`      <failure type="${f.severity}" message="${xml(f.message)}">${xml(`${where} ${f.severity} ${f.message} (${f.ruleId})`)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for XML content or attributes; characters XML 1.0 cannot hold at all become U+FFFD. */
function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ENTITIES[c])
    .replace(/[\r\n\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}
