import type { Finding } from '../findings';
import type { Objection, Ref, ScriptModel, Span, Step } from '../model/types';
import { groupBy } from '../groupBy';
import { attachFindings } from './attachFindings';
import { markHappyPath } from './happyPath';
import { excerpt } from './text';
import type { EdgeKind, FlowEdge, FlowGraph, FlowNode, StepKind } from './types';

export interface GraphInput {
  model: ScriptModel;
  /** the analysis findings, flagged on the nodes whose source holds them */
  findings?: readonly Finding[];
}

/** The id of a step's node (what the preview reveals and highlights). */
export function stepNodeId(stepId: string): string {
  return `step:${encodeURIComponent(stepId)}`;
}

/**
 * Builds the flow graph of a script model: a node per step, per objection raised at a step, per end
 * of the call and per handover; edges for every way on. Tolerates half-written scripts: unknown
 * targets become `missing` nodes, so what is broken is drawn too.
 */
export function buildFlowGraph({ model, findings = [] }: GraphInput): FlowGraph {
  const b = new Builder(model);
  b.addStart();
  for (const step of model.steps.values()) {
    b.addStep(step);
    b.addWaysOn(step);
  }
  const graph = b.finish();
  attachFindings(graph, model, findings);
  return graph;
}

class Builder {
  private readonly lang: string | undefined;
  private readonly nodes = new Map<string, FlowNode>();
  /** creation order: each step followed by the nodes that belong to it */
  private readonly created: FlowNode[] = [];
  private readonly edges: FlowEdge[] = [];

  constructor(private readonly model: ScriptModel) {
    this.lang = model.languages[0];
  }

  addStep(step: Step): void {
    const kind = stepKind(step);
    const text = kind === 'ask' ? step.ask : kind === 'note' ? step.note : step.say ?? step.ask ?? step.note;
    this.node({
      id: stepNodeId(step.id),
      kind: 'step',
      ref: step.id,
      title: step.id,
      caption: kind === 'empty' ? 'step' : kind,
      excerpt: excerpt(text, this.lang),
      stepKind: kind,
      range: span(step.key),
      extent: { start: step.key.start, end: Math.max(step.key.end, step.span.end) },
      ...(step.exits.length === 0 ? { deadEnd: true } : {}),
    });
  }

  addStart(): void {
    const start = this.model.start;
    if (!start) return;
    const node = this.node({ id: 'start', kind: 'start', ref: start.id, title: 'Start', caption: '', excerpt: '', range: span(start), extent: span(start), start: true });
    this.edge('start', node.id, this.stepOrMissing(start, 'start'));
  }

  addWaysOn(step: Step): void {
    const from = stepNodeId(step.id);
    for (const exit of step.exits) {
      switch (exit.kind) {
        case 'next':
          this.edge('next', from, this.stepOrMissing(exit.target, step.id));
          break;
        case 'outcome':
          this.edge('outcome', from, this.outcome(exit.target, step.id));
          break;
        case 'branches':
          for (const br of exit.branches) {
            if (!br.target) continue;
            const to = br.target.kind === 'outcome' ? this.outcome(br.target, step.id) : this.stepOrMissing(br.target, step.id);
            this.edge('branch', from, to, br.when || `branch ${br.index + 1}`);
          }
          break;
        default: {
          const id = this.unique(`handover:${encodeURIComponent(step.id)}`);
          this.node({
            id,
            kind: 'handover',
            ref: exit.to,
            owner: step.id,
            title: exit.to || '(no queue)',
            caption: exit.kind === 'transfer' ? 'transfer to' : 'escalate to',
            excerpt: '',
            range: span(exit.keySpan),
            extent: span(exit.keySpan),
          });
          this.edge('handover', from, id);
          if (exit.outcome) this.edge('outcome', id, this.outcome(exit.outcome, step.id, `${encodeURIComponent(step.id)}/${exit.kind}`));
        }
      }
    }
    for (const r of step.objections) this.objection(r, step);
  }

  finish(): FlowGraph {
    markHappyPath([...this.nodes.values()], this.edges);
    // Breadth-first from the start, happy path first: the order the call is read in, which the
    // layout keeps (so the happy path becomes its leftmost, straight spine).
    const edges = this.edges.map((e, i) => ({ e, i })).sort((a, b) => Number(!!b.e.happy) - Number(!!a.e.happy) || a.i - b.i).map(({ e }) => e);
    const out = groupBy(edges, (e) => e.source);
    const order: FlowNode[] = [];
    const seen = new Set<string>();
    const walk = (from: FlowNode): void => {
      const first = order.length;
      seen.add(from.id);
      order.push(from);
      for (let i = first; i < order.length; i++) {
        for (const e of out.get(order[i].id) ?? []) {
          const n = this.nodes.get(e.target);
          if (n && !seen.has(n.id)) {
            seen.add(n.id);
            order.push(n);
          }
        }
      }
    };
    const start = this.nodes.get('start');
    if (start) walk(start);
    // What the start does not reach is unreachable; it follows in source order, each part read from its first step.
    for (const n of this.created) {
      if (seen.has(n.id)) continue;
      const first = order.length;
      walk(n);
      if (start) for (let i = first; i < order.length; i++) order[i].unreachable = true;
    }
    const rank = new Map(order.map((n, i) => [n.id, i]));
    const ordered = edges
      .map((e, i) => ({ e, i }))
      .sort((a, b) => rank.get(a.e.source)! - rank.get(b.e.source)! || a.i - b.i)
      .map(({ e }, i) => ({ ...e, id: `e${i}` }));
    return { scriptId: this.model.id, language: this.lang, nodes: order, edges: ordered, unplaced: [] };
  }

  private objection(r: Ref, step: Step): void {
    const declared = this.model.objections.get(r.id);
    const id = `objection:${encodeURIComponent(step.id)}/${encodeURIComponent(r.id)}`;
    if (this.nodes.has(id)) return;
    this.node({
      id,
      kind: 'objection',
      ref: r.id,
      owner: step.id,
      title: r.id,
      caption: declared ? 'objection' : 'objection not declared',
      excerpt: declared ? excerpt(declared.label ?? declared.reply, this.lang) : '',
      range: declared ? span(declared.key) : span(r),
      extent: declared ? extentOf(declared) : span(r),
      ...(declared ? {} : { missing: true }),
    });
    this.edge('objection', stepNodeId(step.id), id);
    if (!declared) return;
    if (declared.outcome) this.edge('outcome', id, this.outcome(declared.outcome, step.id, `${encodeURIComponent(step.id)}/${encodeURIComponent(r.id)}`));
    else if (declared.resume) this.edge('resume', id, this.stepOrMissing(declared.resume, step.id), 'resume');
    else this.edge('return', id, stepNodeId(step.id), 'return');
  }

  /** An end of the call: one node per owner and outcome, so ends stay next to the step that reaches them. */
  private outcome(r: Ref, owner: string, path = encodeURIComponent(owner)): string {
    const id = `outcome:${path}/${encodeURIComponent(r.id)}`;
    if (this.nodes.has(id)) return id;
    const declared = this.model.outcomes.get(r.id);
    this.node({
      id,
      kind: 'outcome',
      ref: r.id,
      owner,
      title: declared?.label ? excerpt(declared.label, this.lang, 40) : r.id,
      caption: !declared ? 'outcome not declared' : declared.success ? 'success' : 'end',
      excerpt: '',
      range: declared ? span(declared.key) : span(r),
      extent: declared ? { start: declared.key.start, end: Math.max(declared.key.end, declared.span.end) } : span(r),
      ...(declared ? { success: declared.success } : { missing: true, success: false }),
    });
    return id;
  }

  private stepOrMissing(r: Ref, owner: string): string {
    if (this.model.steps.has(r.id)) return stepNodeId(r.id);
    const id = `missing:${encodeURIComponent(owner)}/${encodeURIComponent(r.id)}`;
    if (!this.nodes.has(id)) {
      this.node({ id, kind: 'missing', ref: r.id, owner, title: r.id, caption: 'unknown step', excerpt: '', range: span(r), extent: span(r), missing: true });
    }
    return id;
  }

  private node(n: Omit<FlowNode, 'findings'>): FlowNode {
    const node: FlowNode = { ...n, findings: [] };
    this.nodes.set(node.id, node);
    this.created.push(node);
    return node;
  }

  private edge(kind: EdgeKind, source: string, target: string, label?: string): void {
    this.edges.push({ id: '', kind, source, target, ...(label !== undefined ? { label } : {}) });
  }

  /** A node id not yet taken (a step may, wrongly, have two handovers). */
  private unique(id: string): string {
    let candidate = id;
    for (let i = 2; this.nodes.has(candidate); i++) candidate = `${id}#${i}`;
    return candidate;
  }
}

function stepKind(step: Step): StepKind {
  const handover = step.exits.find((e) => e.kind === 'transfer' || e.kind === 'escalate');
  if (handover) return handover.kind as StepKind;
  if (step.ask) return 'ask';
  if (step.say) return 'say';
  if (step.note) return 'note';
  return 'empty';
}

function extentOf(o: Objection): Span {
  return { start: o.key.start, end: Math.max(o.key.end, o.span.end) };
}

function span(s: Span): Span {
  return { start: s.start, end: s.end };
}
