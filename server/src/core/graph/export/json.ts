import type { FlowGraph, PositionedGraph } from '../types';

/**
 * The graph as JSON (with positions when laid out). `<`, `>`, `&` and the JavaScript line
 * separators are written as \u escapes, so the text stays inert even when pasted into HTML.
 */
export function toJson(graph: FlowGraph | PositionedGraph): string {
  const doc = { format: 'callscript-graph', version: 1, ...graph };
  return (
    JSON.stringify(doc, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n'
  );
}
