import { analyze, type Finding, type LineIndex } from '../../../server/src/core';
import { buildFlowGraph, layoutGraph } from '../../../server/src/core/graph';
import type { PositionedGraph } from '../../../server/src/core/graph/types';
import type { FindingCounts } from './protocol';

/** A drawing of one version of a script, with the line index that maps its offsets. */
export interface Drawing {
  graph: PositionedGraph;
  lines: LineIndex;
  counts: FindingCounts;
}

export type DrawResult = { drawing: Drawing } | { problem: string; line: number | undefined };

/**
 * Text → analysis → flow graph → layout. `findingsFor` may supply the findings to flag (the
 * language server's diagnostics, converted with the analysis's line index); else the analysis's own.
 * When the text is not a call script that can be read, says why (the first syntax problem).
 */
export async function drawScript(text: string, findingsFor?: (lines: LineIndex) => Finding[] | undefined): Promise<DrawResult> {
  const analysis = analyze(text);
  if (!analysis.model) {
    const why = analysis.findings.find((f) => f.ruleId === 'yaml-syntax') ?? analysis.findings[0];
    if (!why) return { problem: 'This is not a call script.', line: undefined };
    return { problem: why.message, line: analysis.lines.positionAt(why.start).line + 1 };
  }
  const findings = findingsFor?.(analysis.lines) ?? analysis.findings;
  const graph = await layoutGraph(buildFlowGraph({ model: analysis.model, findings }));
  return { drawing: { graph, lines: analysis.lines, counts: countFindings(findings) } };
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
