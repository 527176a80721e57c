import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import { measureLabel, measureNode } from './measure';
import type { FlowEdge, FlowGraph, Point, PositionedEdge, PositionedGraph, PositionedNode } from './types';

/**
 * Fixed options of ELK's layered algorithm, top to bottom. Nodes and edges are given in the graph's
 * stable order (breadth-first from the start) and ELK is told to keep it, so the same script is
 * always drawn the same way; loops are found depth-first from the start and routed back up.
 */
const OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.randomSeed': '1',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  // Brandes-Köpf aligned up-left keeps the happy path (given first) on one vertical axis;
  // network-simplex placement does as well but is ten times slower on long scripts.
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'LEFTUP',
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

/** Large graphs trade a little crossing reduction for speed (still fixed per size, so still deterministic). */
const LARGE_OPTIONS: LayoutOptions = {
  'elk.layered.thoroughness': '1',
};
const LARGE = 400;

/** Edges of the happy path are kept straight and pointing down before all others. */
const HAPPY: LayoutOptions = {
  'elk.layered.priority.direction': '10',
  'elk.layered.priority.shortness': '10',
  'elk.layered.priority.straightness': '10',
};

/** Objections leave a step by its side and come back to it there; everything else flows top to bottom. */
const PORTS: Record<FlowEdge['kind'], [string, string]> = {
  start: ['s', 'n'],
  next: ['s', 'n'],
  branch: ['s', 'n'],
  outcome: ['s', 'n'],
  handover: ['s', 'n'],
  objection: ['e', 'n'],
  resume: ['s', 'n'],
  return: ['w', 'e'],
};

/** A node with fixed ports: in at the top centre, out at the bottom centre, objections out
 * on the right and back in from the left. */
function withPorts(id: string, width: number, height: number): ElkNode {
  const port = (side: string, name: string, x: number, y: number) => ({ id: `${id}.${name}`, x, y, width: 0, height: 0, layoutOptions: { 'elk.port.side': side } });
  return {
    id,
    width,
    height,
    layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
    ports: [port('NORTH', 'n', width / 2, 0), port('SOUTH', 's', width / 2, height), port('EAST', 'e', width, height / 2), port('WEST', 'w', 0, height / 2)],
  };
}

let elk: InstanceType<typeof ELK> | undefined;

/** Positions every node, edge and edge label of a flow graph. */
export async function layoutGraph(graph: FlowGraph): Promise<PositionedGraph> {
  elk ??= new ELK();
  const texts = new Map(graph.nodes.map((n) => [n.id, measureNode(n)]));
  const labels = new Map(graph.edges.filter((e) => e.label).map((e) => [e.id, measureLabel(e.label!)]));
  const input: ElkNode = {
    id: 'root',
    layoutOptions: graph.nodes.length > LARGE ? { ...OPTIONS, ...LARGE_OPTIONS } : OPTIONS,
    children: graph.nodes.map((n) => withPorts(n.id, texts.get(n.id)!.width, texts.get(n.id)!.height)),
    edges: graph.edges.map((e): ElkExtendedEdge => {
      const label = labels.get(e.id);
      return {
        id: e.id,
        sources: [`${e.source}.${PORTS[e.kind][0]}`],
        targets: [`${e.target}.${PORTS[e.kind][1]}`],
        ...(label ? { labels: [{ id: `${e.id}.label`, text: label.text, width: label.width, height: label.height }] } : {}),
        ...(e.happy ? { layoutOptions: HAPPY } : {}),
      };
    }),
  };
  const out = await elk.layout(input);

  const placed = new Map((out.children ?? []).map((c) => [c.id, c]));
  const nodes: PositionedNode[] = graph.nodes.map((n) => {
    const c = placed.get(n.id);
    const t = texts.get(n.id)!;
    return { ...n, x: round(c?.x ?? 0), y: round(c?.y ?? 0), width: t.width, height: t.height, titleLine: t.titleLine, captionLine: t.captionLine, lines: t.lines };
  });
  const routed = new Map((out.edges ?? []).map((e) => [e.id, e as ElkExtendedEdge]));
  const edges: PositionedEdge[] = graph.edges.map((e) => position(e, routed.get(e.id)));
  return { scriptId: graph.scriptId, language: graph.language, unplaced: graph.unplaced, width: round(out.width ?? 0), height: round(out.height ?? 0), nodes, edges };
}

function position(e: FlowEdge, routed: ElkExtendedEdge | undefined): PositionedEdge {
  const points: Point[] = [];
  for (const s of routed?.sections ?? []) {
    for (const p of [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]) {
      const last = points[points.length - 1];
      if (!last || last.x !== round(p.x) || last.y !== round(p.y)) points.push({ x: round(p.x), y: round(p.y) });
    }
  }
  const l = routed?.labels?.[0];
  const labelBox = l && e.label !== undefined ? { text: l.text ?? '', x: round(l.x ?? 0), y: round(l.y ?? 0), width: round(l.width ?? 0), height: round(l.height ?? 0) } : undefined;
  return { ...e, points, ...(labelBox ? { labelBox } : {}) };
}

/** Coordinates to a tenth of a pixel: enough for drawing, and stable text output. */
function round(v: number): number {
  return Math.round(v * 10) / 10;
}
