import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import { foldSatellites, unfold, type Fold } from './fold';
import { measureLabel, measureNode } from './measure';
import { PORTS, usedPorts, type Port } from './ports';
import type { FlowEdge, FlowGraph, Point, PositionedEdge, PositionedGraph, PositionedNode } from './types';

/**
 * Fixed options of ELK's layered algorithm, top to bottom. Nodes and edges are given in the graph's
 * stable order (breadth-first from the start, happy path first) and ELK is told to keep it, so the
 * same script is always drawn the same way; loops are found depth-first and routed back up.
 */
const OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.randomSeed': '1',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  // Network simplex honours the happy path's straightness priority: it becomes the straight spine.
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.nodePlacement.favorStraightEdges': 'true',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.edgeLabels.sideSelection': 'SMART_DOWN',
  'elk.spacing.nodeNode': '28',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.edgeNode': '16',
  'elk.spacing.edgeEdge': '12',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.componentComponent': '48',
  'elk.padding': '[top=24,left=24,bottom=24,right=24]',
};

/**
 * Larger graphs trade polish for speed (fixed per size, so still deterministic). From 150 nodes (a
 * 75-step script): Brandes-Köpf placement aligned up-left, which keeps most of the happy path
 * (given first) on one axis and is ten times faster than network simplex on long scripts, and
 * one crossing-reduction sweep.
 */
const LARGE: LayoutOptions = {
  ...OPTIONS,
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'LEFTUP',
  'elk.layered.thoroughness': '1',
};

/**
 * From 1,000 nodes (HUGE_NODES): longest-path layering (network-simplex layering recurses once per step of a
 * long chain and overflows the stack near 5,000 steps) and no crossing reduction beyond the given
 * order. Also the fallback when ELK fails on a smaller graph.
 */
const HUGE: LayoutOptions = {
  ...LARGE,
  'elk.layered.layering.strategy': 'LONGEST_PATH_SOURCE',
  'elk.layered.crossingMinimization.strategy': 'NONE',
};

function optionsFor(nodes: number): LayoutOptions {
  return nodes < 150 ? OPTIONS : nodes < HUGE_NODES ? LARGE : HUGE;
}

/**
 * From this size ELK is not given the edge labels (each becomes a dummy node it must place, about
 * a third of the layout time); they are set beside the longest segment of their edge instead. Nor
 * is it given the satellites of a node, which are drawn beside it (see fold.ts). Set where a full
 * layout nears one second on a 2-core machine (974 nodes: 0.85 s), so no size takes longer.
 */
const HUGE_NODES = 1000;

/** Edges of the happy path are kept straight and pointing down before all others. */
const HAPPY: LayoutOptions = {
  'elk.layered.priority.direction': '10',
  'elk.layered.priority.shortness': '10',
  'elk.layered.priority.straightness': '10',
};

const SIDES: Record<Port, string> = { n: 'NORTH', s: 'SOUTH', e: 'EAST', w: 'WEST' };

let elk: InstanceType<typeof ELK> | undefined;

/**
 * Options ELK applies to every node (given once rather than on each node): every port is placed by
 * us. (ELK layered always sizes nodes and places their ports and labels itself, whatever
 * `omitNodeMicroLayout` says; only other algorithms read that option.)
 */
const EVERY_NODE: LayoutOptions = { 'elk.portConstraints': 'FIXED_POS' };

/**
 * ELK's last results by input. Typing inside a step's text seldom changes a box size (sizes are
 * rounded), so most redraws while typing reuse the layout instead of running ELK again.
 */
const cache = new Map<string, Promise<ElkNode>>();
const CACHE_SIZE = 4;

/** Forgets cached layouts (for benchmarks that time ELK itself). */
export function clearLayoutCache(): void {
  cache.clear();
}

type Size = { width: number; height: number };
type Label = Size & { text: string };

const ORIGIN: Point = { x: 0, y: 0 };

/** Positions every node, edge and edge label of a flow graph. */
export async function layoutGraph(graph: FlowGraph): Promise<PositionedGraph> {
  const texts = new Map(graph.nodes.map((n) => [n.id, measureNode(n)]));
  const labels = new Map(graph.edges.flatMap((e) => (e.label !== undefined ? [[e.id, measureLabel(e.label)] as const] : [])));
  const huge = graph.nodes.length >= HUGE_NODES;
  const folds = huge ? foldSatellites(graph, texts, labels) : new Map<string, Fold>();
  const input = elkInput(graph, texts, huge ? undefined : labels, folds);
  const out = await run(input).catch(() => run({ ...input, layoutOptions: HUGE }));

  const at = new Map((out.children ?? []).map((c) => [c.id, { x: round(c.x ?? 0), y: round(c.y ?? 0) }]));
  const routed = new Map((out.edges ?? []).map((e) => [e.id, e as ElkExtendedEdge]));
  const routes = new Map([...routed.values()].map((e) => [e.id, pointsOf(e)]));
  // A folded node and its satellites share the box ELK placed under the node's id.
  for (const [id, fold] of folds) {
    const u = unfold(at.get(id) ?? ORIGIN, id, fold, texts);
    for (const [n, p] of u.at) at.set(n, p);
    for (const [e, r] of u.routes) routes.set(e, r);
  }
  const nodes: PositionedNode[] = graph.nodes.map((n) => {
    const p = at.get(n.id) ?? ORIGIN;
    const t = texts.get(n.id)!;
    return { ...n, x: round(p.x), y: round(p.y), width: t.width, height: t.height, titleLine: t.titleLine, captionLine: t.captionLine, lines: t.lines };
  });
  const edges = graph.edges.map((e) => position(e, routes.get(e.id) ?? [], routed.get(e.id)?.labels?.[0], labels.get(e.id)));
  return { scriptId: graph.scriptId, language: graph.language, unplaced: graph.unplaced, width: round(out.width ?? 0), height: round(out.height ?? 0), nodes, edges };
}

/** What ELK is given: the nodes and edges, less the folded satellites (a node with some stands for their box), and the labels if any. */
function elkInput(graph: FlowGraph, texts: ReadonlyMap<string, Size>, labels: ReadonlyMap<string, Label> | undefined, folds: ReadonlyMap<string, Fold>): ElkNode {
  const satellites = [...folds.values()].flatMap((f) => [f.left, f.right]).filter((s) => s !== undefined);
  const [hiddenNodes, hiddenEdges] = [new Set(satellites.map((s) => s.node)), new Set(satellites.flatMap((s) => s.edges))];
  const edges = graph.edges.filter((e) => !hiddenEdges.has(e.id));
  const ports = usedPorts(edges);
  return {
    id: 'root',
    layoutOptions: optionsFor(graph.nodes.length),
    children: graph.nodes.filter((n) => !hiddenNodes.has(n.id)).map((n) => withPorts(n.id, texts.get(n.id)!, ports.get(n.id), folds.get(n.id))),
    edges: edges.map((e): ElkExtendedEdge => {
      const label = labels?.get(e.id);
      return {
        id: e.id,
        sources: [`${e.source}.${PORTS[e.kind][0]}`],
        targets: [`${e.target}.${PORTS[e.kind][1]}`],
        ...(label ? { labels: [{ id: `${e.id}.label`, text: label.text, width: label.width, height: label.height }] } : {}),
        ...(e.happy ? { layoutOptions: HAPPY } : {}),
      };
    }),
  };
}

async function run(input: ElkNode): Promise<ElkNode> {
  const key = JSON.stringify(input);
  let result = cache.get(key);
  if (result) {
    cache.delete(key); // most recently used last
  } else {
    elk ??= new ELK({ defaultLayoutOptions: EVERY_NODE });
    // ELK fills in the graph it is given: hand it a copy, the key stays the input.
    result = elk.layout(JSON.parse(key) as ElkNode);
    result.catch(() => cache.delete(key));
  }
  cache.set(key, result);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}

/**
 * A node with fixed ports (only those its edges use): in at the top centre, out at the bottom
 * centre, objections out on the right and back in from the left. A folded node is the box it
 * shares with its satellites.
 */
function withPorts(id: string, size: Size, used: ReadonlySet<Port> | undefined, fold: Fold | undefined): ElkNode {
  const { width, height } = size;
  const offset = fold?.offset ?? 0;
  const at: Record<Port, [number, number]> = { n: [offset + width / 2, 0], s: [offset + width / 2, height], e: [offset + width, height / 2], w: [offset, height / 2] };
  return {
    id,
    width: fold?.width ?? width,
    height,
    ports: (['n', 's', 'e', 'w'] as const)
      .filter((p) => used?.has(p))
      .map((p) => ({ id: `${id}.${p}`, x: at[p][0], y: at[p][1], width: 0, height: 0, layoutOptions: { 'elk.port.side': SIDES[p] } })),
  };
}

/** The route ELK drew for an edge, start and end included. */
function pointsOf(routed: ElkExtendedEdge): Point[] {
  return (routed.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
}

function position(e: FlowEdge, route: readonly Point[], placedLabel: { x?: number; y?: number; width?: number; height?: number } | undefined, label: Label | undefined): PositionedEdge {
  const points: Point[] = [];
  for (const p of route) {
    const q = { x: round(p.x), y: round(p.y) };
    const last = points[points.length - 1];
    if (!last || last.x !== q.x || last.y !== q.y) points.push(q);
  }
  let labelBox: PositionedEdge['labelBox'];
  if (placedLabel && label) {
    const l = placedLabel;
    labelBox = { text: label.text, x: round(l.x ?? 0), y: round(l.y ?? 0), width: round(l.width ?? 0), height: round(l.height ?? 0) };
  } else if (label && points.length >= 2) {
    labelBox = { text: label.text, ...onLongestSegment(points, label), width: round(label.width), height: round(label.height) };
  }
  return { ...e, points, ...(labelBox ? { labelBox } : {}) };
}

/**
 * Where a label goes when ELK did not place it: centred on the middle of the edge's longest
 * segment, as ELK's own centre placement does (the label's box hides the line behind it).
 */
function onLongestSegment(points: Point[], size: Size): Point {
  const length = (i: number): number => Math.abs(points[i + 1].x - points[i].x) + Math.abs(points[i + 1].y - points[i].y);
  let best = 0;
  for (let i = 1; i < points.length - 1; i++) if (length(i) > length(best)) best = i;
  const a = points[best];
  const b = points[best + 1];
  return { x: round((a.x + b.x) / 2 - size.width / 2), y: round((a.y + b.y) / 2 - size.height / 2) };
}

/** Coordinates to a tenth of a pixel: enough for drawing, and stable text output. */
function round(v: number): number {
  return Math.round(v * 10) / 10;
}
