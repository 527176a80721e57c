import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import type { Analysis, Finding, TextEdit } from '../../core';
import { disableNextLine, insertSectionEntry, labelOf, type YamlValue } from '../../core/edits';
import { toDiagnostic, toRange } from '../convert';

const SECTION: Record<string, string> = { step: 'steps', objection: 'objections', outcome: 'outcomes', variable: 'variables' };

/** A new entry's value: enough for the schema, with empty texts in each of the script's languages. */
function skeleton(kind: string, id: string, languages: readonly string[]): YamlValue {
  const text: YamlValue = languages.length > 1 ? Object.fromEntries(languages.map((l) => [l, ''])) : '';
  switch (kind) {
    case 'step':
      return { say: text };
    case 'objection':
      return { reply: text, resume: 'return' };
    case 'outcome':
      return { label: labelOf(id) };
    default:
      return { type: 'string' };
  }
}

/**
 * Quick fixes for the findings in `[start, end]`: each finding's own fixes (did-you-mean),
 * creating what an unknown reference names, declaring an undeclared variable, and a comment
 * that suppresses the rule on that line.
 */
export function codeActions(analysis: Analysis, uri: string, start: number, end: number, docsBase: string | undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  const action = (finding: Finding, title: string, edits: TextEdit[], preferred = false): void => {
    const a: CodeAction = {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [toDiagnostic(finding, analysis.lines, docsBase)],
      edit: { changes: { [uri]: edits.map((e) => ({ range: toRange(analysis.lines, e.start, e.end), newText: e.newText })) } },
    };
    if (preferred) a.isPreferred = true;
    actions.push(a);
  };
  const languages = analysis.model?.languages ?? [];
  const offered = new Set<string>();
  for (const finding of analysis.findings) {
    if (finding.start > end || finding.end < start) continue;
    for (const fix of finding.fixes ?? []) action(finding, fix.title, fix.edits, fix.preferred);
    const kind = finding.data?.kind;
    const id = finding.data?.id;
    if (kind && id && (finding.ruleId === 'unknown-target' || finding.ruleId === 'undeclared-variable') && SECTION[kind]) {
      const style = kind === 'step' || kind === 'objection' ? 'block' : 'auto';
      const edit = insertSectionEntry(analysis.text, analysis.lines, analysis.yaml.root, SECTION[kind], id, skeleton(kind, id, languages), style);
      const verb = kind === 'variable' ? 'Declare' : 'Create';
      if (edit) action(finding, `${verb} ${kind} "${id}"`, [edit]);
    }
    const line = analysis.lines.positionAt(finding.start).line;
    const once = `${finding.ruleId}@${line}`;
    if (finding.ruleId !== 'yaml-syntax' && !offered.has(once)) {
      offered.add(once);
      const edit = disableNextLine(analysis.text, analysis.lines, line, finding.ruleId);
      if (edit) action(finding, `Disable ${finding.ruleId} for this line`, [edit]);
    }
  }
  return actions;
}
