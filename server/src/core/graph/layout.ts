import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import { measureLabel, measureNode } from './measure';
import type { EdgeKind, FlowEdge, FlowGraph, Point, PositionedEdge, PositionedGraph, PositionedNode } from './types';

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
 * From 1,500 nodes: longest-path layering (network-simplex layering recurses once per step of a
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
 * a third of the layout time); they are set beside the first segment of their edge instead.
 */
const HUGE_NODES = 1500;

/** Edges of the happy path are kept straight and pointing down before all others. */
const HAPPY: LayoutOptions = {
  'elk.layered.priority.direction': '10',
  'elk.layered.priority.shortness': '10',
  'elk.layered.priority.straightness': '10',
};

/** Which port an edge leaves and enters by: objections go out on the right and come back from the left. */
const PORTS: Record<EdgeKind, [string, string]> = {
  start: ['s', 'n'],
  next: ['s', 'n'],
  branch: ['s', 'n'],
  outcome: ['s', 'n'],
  handover: ['s', 'n'],
  objection: ['e', 'n'],
  resume: ['s', 'n'],
  return: ['w', 'e'],
};
const SIDES: Record<string, string> = { n: 'NORTH', s: 'SOUTH', e: 'EAST', w: 'WEST' };

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

/** Positions every node, edge and edge label of a flow graph. */
export async function layoutGraph(graph: FlowGraph): Promise<PositionedGraph> {
  const texts = new Map(graph.nodes.map((n) => [n.id, measureNode(n)]));
  const labels = new Map(graph.edges.flatMap((e) => (e.label !== undefined ? [[e.id, measureLabel(e.label)] as const] : [])));
  const input = elkInput(graph, texts, labels);
  const out = await run(input).catch(() => run({ ...input, layoutOptions: HUGE }));

  const placed = new Map((out.children ?? []).map((c) => [c.id, c]));
  const nodes: PositionedNode[] = graph.nodes.map((n) => {
    const c = placed.get(n.id);
    const t = texts.get(n.id)!;
    return { ...n, x: round(c?.x ?? 0), y: round(c?.y ?? 0), width: t.width, height: t.height, titleLine: t.titleLine, captionLine: t.captionLine, lines: t.lines };
  });
  const routed = new Map((out.edges ?? []).map((e) => [e.id, e as ElkExtendedEdge]));
  const edges = graph.edges.map((e) => position(e, routed.get(e.id), labels.get(e.id)));
  return { scriptId: graph.scriptId, language: graph.language, unplaced: graph.unplaced, width: round(out.width ?? 0), height: round(out.height ?? 0), nodes, edges };
}

function elkInput(graph: FlowGraph, texts: Map<string, { width: number; height: number }>, labels: Map<string, { text: string; width: number; height: number }>): ElkNode {
  const ports = usedPorts(graph.edges);
  return {
    id: 'root',
    layoutOptions: optionsFor(graph.nodes.length),
    children: graph.nodes.map((n) => withPorts(n.id, texts.get(n.id)!, ports.get(n.id))),
    edges: graph.edges.map((e): ElkExtendedEdge => {
      const label = graph.nodes.length < HUGE_NODES ? labels.get(e.id) : undefined;
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
 * centre, objections out on the right and back in from the left.
 */
function withPorts(id: string, size: { width: number; height: number }, used: ReadonlySet<string> | undefined): ElkNode {
  const { width, height } = size;
  const at: Record<string, [number, number]> = { n: [width / 2, 0], s: [width / 2, height], e: [width, height / 2], w: [0, height / 2] };
  return {
    id,
    width,
    height,
    ports: ['n', 's', 'e', 'w']
      .filter((p) => used?.has(p))
      .map((p) => ({ id: `${id}.${p}`, x: at[p][0], y: at[p][1], width: 0, height: 0, layoutOptions: { 'elk.port.side': SIDES[p] } })),
  };
}

/** The ports each node's edges use. */
function usedPorts(edges: readonly FlowEdge[]): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const use = (node: string, port: string): void => {
    const set = used.get(node);
    if (set) set.add(port);
    else used.set(node, new Set([port]));
  };
  for (const e of edges) {
    use(e.source, PORTS[e.kind][0]);
    use(e.target, PORTS[e.kind][1]);
  }
  return used;
}

function position(e: FlowEdge, routed: ElkExtendedEdge | undefined, label: { text: string; width: number; height: number } | undefined): PositionedEdge {
  const points: Point[] = [];
  for (const s of routed?.sections ?? []) {
    for (const p of [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]) {
      const q = { x: round(p.x), y: round(p.y) };
      const last = points[points.length - 1];
      if (!last || last.x !== q.x || last.y !== q.y) points.push(q);
    }
  }
  const l = routed?.labels?.[0];
  let labelBox: PositionedEdge['labelBox'];
  if (l && label) {
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
function onLongestSegment(points: Point[], size: { width: number; height: number }): { x: number; y: number } {
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
