import type { FoldingRange } from 'vscode-languageserver';
import type { Analysis } from '../../core';
import type { YNode } from '../../core/yaml/nodes';

/**
 * Folding by the syntax tree: every key or list item whose value spans several lines (each
 * step, objection, outcome, branch and multi-line text). With a limit, outer ranges come first.
 */
export function foldingRanges(analysis: Analysis, limit?: number): FoldingRange[] {
  const root = analysis.yaml.root;
  if (!root) return [];
  const { lines, text } = analysis;
  const found: { range: FoldingRange; depth: number }[] = [];
  const lastLine = (end: number): number => {
    let e = end;
    while (e > 0 && (text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
    return lines.positionAt(e).line;
  };
  const add = (start: number, node: YNode, depth: number): void => {
    if (node.start < 0) return;
    const from = lines.positionAt(start).line;
    const to = lastLine(node.end);
    if (to > from) found.push({ range: { startLine: from, endLine: to }, depth });
  };
  // An explicit stack, not recursion: depth is bounded by the parser, but the cost need not be.
  const stack: { node: YNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (node.kind === 'map') {
      for (const { key, value } of node.entries) {
        add(key.start, value, depth);
        stack.push({ node: value, depth: depth + 1 });
      }
    } else if (node.kind === 'seq') {
      for (const item of node.items) {
        add(item.start, item, depth);
        stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  if (limit !== undefined && found.length > limit) found.sort((a, b) => a.depth - b.depth).length = limit;
  return found.map((f) => f.range).sort((a, b) => a.startLine - b.startLine);
}
