import { groupBy } from '../groupBy';
import { PORTS, usedPorts } from './ports';
import type { FlowGraph, Point } from './types';

/**
 * Folding, for huge graphs (see layout.ts). ELK's time grows with every node, port and edge it is
 * given, and in a long script about half the nodes are satellites of one step: ends of the call
 * that only this step reaches, objections raised at it that return to it. A satellite is not given
 * to ELK: it is drawn level with its node, an end on the left and an objection on the right, joined
 * to it by short level edges, and ELK places the node and its satellites as one wider box.
 */
export interface Fold {
  /** an end drawn left of the node */
  left?: Satellite;
  /** an objection drawn right of the node */
  right?: Satellite;
  /** where the node stands in its box */
  offset: number;
  /** the box ELK places: the node, its satellites and the gaps between them */
  width: number;
}

export interface Satellite {
  node: string;
  /** the edges between the node and the satellite, the one towards the satellite first */
  edges: string[];
}

interface Size {
  width: number;
  height: number;
}

/** The shortest gap between a node and a satellite, and the line left visible on each side of a label. */
const GAP = 36;
const BESIDE_LABEL = 16;
/** How far above and below mid-height the two edges to and from an objection run. */
const APART = 10;

/**
 * The satellites to fold, by the node they belong to, each no taller than that node:
 * - on its left, the first leaf (one edge in, none out) it reaches downwards, off the happy path,
 *   when no edge uses the node's left side;
 * - on its right, an objection whose only edges are the one from the node and the return to it,
 *   when no other edge uses the node's right side.
 * (So the box ELK places has no port on a side a satellite stands on.)
 */
export function foldSatellites(graph: FlowGraph, sizes: ReadonlyMap<string, Size>, labels: ReadonlyMap<string, Size>): Map<string, Fold> {
  const from = groupBy(graph.edges, (e) => e.source);
  const to = groupBy(graph.edges, (e) => e.target);
  const ports = usedPorts(graph.edges);
  const east = new Map<string, number>(); // how many edges use each node's right side
  for (const e of graph.edges) {
    if (PORTS[e.kind][0] === 'e') east.set(e.source, (east.get(e.source) ?? 0) + 1);
    if (PORTS[e.kind][1] === 'e') east.set(e.target, (east.get(e.target) ?? 0) + 1);
  }
  const fits = (satellite: string, node: string): boolean => sizes.get(satellite)!.height <= sizes.get(node)!.height;

  const left = new Map<string, Satellite>();
  const right = new Map<string, Satellite>();
  for (const e of graph.edges) {
    const [owner, leaf] = [e.source, e.target];
    if (e.happy || PORTS[e.kind][0] !== 's' || from.has(leaf) || to.get(leaf)!.length !== 1 || left.has(owner) || ports.get(owner)!.has('w') || !fits(leaf, owner)) continue;
    left.set(owner, { node: leaf, edges: [e.id] });
  }
  for (const e of graph.edges) {
    const [owner, objection] = [e.source, e.target];
    const back = from.get(objection);
    if (e.kind !== 'objection' || e.happy || to.get(objection)!.length !== 1 || back?.length !== 1 || back[0].kind !== 'return' || back[0].target !== owner) continue;
    if (east.get(owner) !== 2 || !fits(objection, owner)) continue;
    right.set(owner, { node: objection, edges: [e.id, back[0].id] });
  }

  const gap = (s: Satellite): number => Math.max(GAP, ...s.edges.map((id) => (labels.get(id)?.width ?? 0) + 2 * BESIDE_LABEL));
  const folds = new Map<string, Fold>();
  for (const owner of new Set([...left.keys(), ...right.keys()])) {
    const [l, r] = [left.get(owner), right.get(owner)];
    const offset = l ? sizes.get(l.node)!.width + gap(l) : 0;
    const width = offset + sizes.get(owner)!.width + (r ? gap(r) + sizes.get(r.node)!.width : 0);
    folds.set(owner, { ...(l ? { left: l } : {}), ...(r ? { right: r } : {}), offset, width });
  }
  return folds;
}

/**
 * Where a folded node, its satellites and the edges between them go, in the box ELK placed at
 * `box`: the satellites centred on the node's mid-height, the edges level.
 */
export function unfold(box: Point, owner: string, fold: Fold, sizes: ReadonlyMap<string, Size>): { at: Map<string, Point>; routes: Map<string, Point[]> } {
  const size = sizes.get(owner)!;
  const mid = box.y + size.height / 2;
  const x = box.x + fold.offset;
  const at = new Map([[owner, { x, y: box.y }]]);
  const routes = new Map<string, Point[]>();
  if (fold.left) {
    const leaf = sizes.get(fold.left.node)!;
    at.set(fold.left.node, { x: box.x, y: mid - leaf.height / 2 });
    routes.set(fold.left.edges[0], [
      { x, y: mid },
      { x: box.x + leaf.width, y: mid },
    ]);
  }
  if (fold.right) {
    const objection = sizes.get(fold.right.node)!;
    const [end, start] = [x + size.width, box.x + fold.width - objection.width];
    at.set(fold.right.node, { x: start, y: mid - objection.height / 2 });
    const [out, back] = fold.right.edges;
    routes.set(out, [
      { x: end, y: mid - APART },
      { x: start, y: mid - APART },
    ]);
    routes.set(back, [
      { x: start, y: mid + APART },
      { x: end, y: mid + APART },
    ]);
  }
  return { at, routes };
}
