import { severityRank, type Finding } from '../findings';
import type { ScriptModel, Span } from '../model/types';
import type { FlowGraph, FlowNode } from './types';

/** A declared step, objection or outcome: its source extent and the nodes drawn for it. */
interface Place extends Span {
  nodes: FlowNode[];
}

/**
 * Flags each finding on the nodes of the step (or objection, or outcome) whose source holds it.
 * Findings elsewhere (top-level keys, unused declarations) go to `graph.unplaced`.
 */
export function attachFindings(graph: FlowGraph, model: ScriptModel, findings: readonly Finding[]): void {
  if (findings.length === 0) return;
  const nodesOf = new Map<string, FlowNode[]>();
  for (const n of graph.nodes) {
    const key = n.kind === 'step' || n.kind === 'objection' || n.kind === 'outcome' ? `${n.kind}:${n.ref}` : undefined;
    if (!key || n.missing) continue;
    const list = nodesOf.get(key);
    if (list) list.push(n);
    else nodesOf.set(key, [n]);
  }
  const places: Place[] = [];
  const add = (kind: string, id: string, key: Span, value: Span): void => {
    places.push({ start: key.start, end: Math.max(key.end, value.end), nodes: nodesOf.get(`${kind}:${id}`) ?? [] });
  };
  for (const s of model.steps.values()) add('step', s.id, s.key, s.span);
  for (const o of model.objections.values()) add('objection', o.id, o.key, o.span);
  for (const o of model.outcomes.values()) add('outcome', o.id, o.key, o.span);
  places.sort((a, b) => a.start - b.start);

  for (const f of findings) {
    const place = placeAt(places, f.start);
    const flagged = { ruleId: f.ruleId, severity: f.severity, message: f.message };
    if (!place || place.nodes.length === 0) graph.unplaced.push(flagged);
    else for (const n of place.nodes) n.findings.push(flagged);
  }
  for (const n of graph.nodes) {
    if (n.findings.length === 0) continue;
    n.findings.sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
    n.severity = n.findings[0].severity;
  }
}

/** The place whose extent holds `offset` (places do not overlap: they are entries of different maps). */
function placeAt(places: Place[], offset: number): Place | undefined {
  let lo = 0;
  let hi = places.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (places[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const p = found >= 0 ? places[found] : undefined;
  return p && offset < Math.max(p.end, p.start + 1) ? p : undefined;
}
