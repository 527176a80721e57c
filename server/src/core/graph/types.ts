/** The flow graph of a call script: what the preview and `callscript graph` draw. Plain data, JSON-safe. */
import type { Severity } from '../findings';
import type { Span } from '../model/types';

/**
 * start: the call's entry marker; step: a step of the script; objection: an objection raised at a
 * step (one node per step that expects it, so each `return` goes back to its own step); outcome: an
 * end of the call (one node per step or objection that ends there, so ends do not drag long edges
 * across the graph); handover: a transfer or escalation to a queue; missing: a reference to
 * something the script does not declare.
 */
export type NodeKind = 'start' | 'step' | 'objection' | 'outcome' | 'handover' | 'missing';

/** What a step does, as shown on its node. */
export type StepKind = 'say' | 'ask' | 'note' | 'transfer' | 'escalate' | 'empty';

export type EdgeKind = 'start' | 'next' | 'branch' | 'outcome' | 'objection' | 'resume' | 'return' | 'handover';

export interface NodeFinding {
  ruleId: string;
  severity: Severity;
  message: string;
}

export interface FlowNode {
  /** unique in the graph, stable for the same script: `step:greeting`, `outcome:offer/no-sale`, ... */
  id: string;
  kind: NodeKind;
  /** the script id the node stands for: the step, objection or outcome id, the queue of a handover */
  ref: string;
  /** the step a dependent node (objection, outcome, handover, missing) belongs to */
  owner?: string;
  /** first line: a step's id, an outcome's label, a handover's queue */
  title: string;
  /** a small caption: the step kind, "objection", "success", ... */
  caption: string;
  /** a short excerpt of the text in the script's first language ('' when none) */
  excerpt: string;
  stepKind?: StepKind;
  /** where to reveal the node in the editor: the key of its step, objection or outcome */
  range: Span;
  /** the whole source extent the node stands for (key and value), for "which node is at the cursor" */
  extent: Span;
  start?: boolean;
  /** on the happy path: a shortest path from the start to a success outcome */
  happy?: boolean;
  /** outcomes: whether the call ended well */
  success?: boolean;
  unreachable?: boolean;
  deadEnd?: boolean;
  /** declared nowhere (an unknown step, objection or outcome) */
  missing?: boolean;
  /** findings whose range lies in this node's source, most severe first */
  findings: NodeFinding[];
  /** the most severe finding's severity */
  severity?: Severity;
}

export interface FlowEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  /** a branch's `when`, "resume", "return" */
  label?: string;
  happy?: boolean;
}

export interface FlowGraph {
  /** the script's id, when it has one */
  scriptId: string | undefined;
  /** the language excerpts were taken from */
  language: string | undefined;
  /** nodes in a stable order: breadth-first from the start, then what the start does not reach, in source order */
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** findings that belong to no node (e.g. top-level keys), for a summary */
  unplaced: NodeFinding[];
}

export interface Point {
  x: number;
  y: number;
}

export interface PositionedNode extends FlowNode {
  x: number;
  y: number;
  width: number;
  height: number;
  /** the title as drawn (shortened to fit) */
  titleLine: string;
  /** the caption as drawn, with the node's flags (unreachable, dead end) */
  captionLine: string;
  /** the excerpt wrapped into the lines drawn on the node */
  lines: string[];
}

export interface EdgeLabelBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PositionedEdge extends FlowEdge {
  /** the route from source to target, start and end included */
  points: Point[];
  labelBox?: EdgeLabelBox;
}

export interface PositionedGraph extends Omit<FlowGraph, 'nodes' | 'edges'> {
  width: number;
  height: number;
  nodes: PositionedNode[];
  edges: PositionedEdge[];
}
