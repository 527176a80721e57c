import { PORTS, usedPorts } from './ports';
import type { FlowGraph, Point } from './types';

/**
 * Leaf folding, for huge graphs (see layout.ts). ELK's time grows with every node, port and edge it
 * is given, and in a long script about two nodes in five are ends of the call, each hanging off the
 * one step that reaches it. Such a leaf is not given to ELK: it is drawn left of its step, at the
 * step's mid-height and joined to it by a short level edge, and ELK places the two as one wider box.
 */
export interface Fold {
  /** the leaf drawn left of the node */
  leaf: string;
  /** the edge from the node to its leaf */
  edge: string;
  /** where the node stands in the box: right of the leaf and of the gap that holds the edge and its label */
  offset: number;
}

interface Size {
  width: number;
  height: number;
}

/** The shortest edge to a folded leaf, and the line left visible on each side of its label. */
const GAP = 36;
const BESIDE_LABEL = 16;

/**
 * The leaves to fold, by the node they hang off: a node with one edge in and none out, reached by
 * an edge off the happy path that leaves its node downwards (so the node's left side is free),
 * and no taller than that node. A node takes at most one leaf, the first in edge order.
 */
export function foldLeaves(graph: FlowGraph, sizes: ReadonlyMap<string, Size>, labels: ReadonlyMap<string, Size>): Map<string, Fold> {
  const out = new Set<string>();
  const into = new Map<string, number>();
  for (const e of graph.edges) {
    out.add(e.source);
    into.set(e.target, (into.get(e.target) ?? 0) + 1);
  }
  const ports = usedPorts(graph.edges);
  const folds = new Map<string, Fold>();
  for (const e of graph.edges) {
    if (e.happy || PORTS[e.kind][0] !== 's' || out.has(e.target) || into.get(e.target) !== 1) continue;
    if (folds.has(e.source) || ports.get(e.source)?.has('w')) continue;
    const leaf = sizes.get(e.target)!;
    if (leaf.height > sizes.get(e.source)!.height) continue;
    const gap = Math.max(GAP, (labels.get(e.id)?.width ?? 0) + 2 * BESIDE_LABEL);
    folds.set(e.source, { leaf: e.target, edge: e.id, offset: leaf.width + gap });
  }
  return folds;
}

/** Where a folded node, its leaf and the edge between them go, in the box ELK placed at `box`. */
export function unfold(box: Point, fold: Fold, node: Size, leaf: Size): { node: Point; leaf: Point; route: Point[] } {
  const mid = box.y + node.height / 2;
  return {
    node: { x: box.x + fold.offset, y: box.y },
    leaf: { x: box.x, y: mid - leaf.height / 2 },
    route: [
      { x: box.x + fold.offset, y: mid },
      { x: box.x + leaf.width, y: mid },
    ],
  };
}
