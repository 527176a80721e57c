import { METRICS } from '../measure';
import type { Point, PositionedEdge, PositionedGraph, PositionedNode } from '../types';
import { GRAPH_CSS, LIGHT_THEME } from './theme';
import { el, SVG_NS, type SvgElement } from './tree';

export interface RenderOptions {
  /** embed the stylesheet with the light theme (standalone files); the preview brings its own */
  embedStyle?: boolean;
}

/** The SVG element tree of a positioned graph. Pure: the same graph always gives the same tree. */
export function renderSvg(graph: PositionedGraph, options: RenderOptions = {}): SvgElement {
  const w = Math.max(1, Math.ceil(graph.width));
  const h = Math.max(1, Math.ceil(graph.height));
  const name = graph.scriptId ? `Call flow of ${graph.scriptId}` : 'Call flow';
  return el('svg', { xmlns: SVG_NS, class: 'callscript-graph', viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: 'img', 'aria-label': name }, [
    el('title', {}, [], name),
    ...(options.embedStyle ? [el('style', {}, [], LIGHT_THEME + GRAPH_CSS)] : []),
    el('defs', {}, [marker('cs-arrow', 'arrow'), marker('cs-arrow-happy', 'arrow-happy'), marker('cs-arrow-objection', 'arrow-objection')]),
    el('rect', { class: 'background', x: 0, y: 0, width: w, height: h }),
    el('g', { class: 'edges' }, graph.edges.map(edgeLine)),
    el('g', { class: 'edge-labels' }, graph.edges.flatMap(edgeLabel)),
    el('g', { class: 'nodes' }, graph.nodes.map(node)),
  ]);
}

function marker(id: string, cls: string): SvgElement {
  return el('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, markerUnits: 'userSpaceOnUse', orient: 'auto' }, [el('path', { class: cls, d: 'M0,0 L10,5 L0,10 z' })]);
}

const OBJECTION_EDGES = new Set(['objection', 'resume', 'return']);

function edgeLine(e: PositionedEdge): SvgElement {
  const arrow = e.happy ? 'cs-arrow-happy' : OBJECTION_EDGES.has(e.kind) ? 'cs-arrow-objection' : 'cs-arrow';
  return el('g', { class: classes('edge', `edge-${e.kind}`, e.happy && 'happy'), 'data-edge-id': e.id, 'data-source': e.source, 'data-target': e.target }, [
    el('path', { class: 'edge-line', d: roundedPath(e.points, 6), 'marker-end': `url(#${arrow})` }),
  ]);
}

function edgeLabel(e: PositionedEdge): SvgElement[] {
  const b = e.labelBox;
  if (!b) return [];
  return [
    el('g', { class: classes('edge-label', `edge-${e.kind}`, e.happy && 'happy'), 'data-edge-id': e.id }, [
      el('rect', { x: b.x, y: b.y, width: b.width, height: b.height, rx: 3 }),
      el('text', { x: num(b.x + b.width / 2), y: num(b.y + b.height / 2 + 4), 'text-anchor': 'middle' }, [], b.text),
    ]),
  ];
}

function node(n: PositionedNode): SvgElement {
  const m = METRICS;
  const centered = n.kind === 'start' || n.kind === 'outcome';
  const x = centered ? num(n.width / 2) : m.padX;
  const anchor = centered ? 'middle' : undefined;
  const children: SvgElement[] = [el('title', {}, [], tooltip(n))];
  const rounded = n.kind === 'start' || n.kind === 'outcome' ? num(n.height / 2) : n.kind === 'handover' ? 2 : 6;
  children.push(el('rect', { class: 'node-box', x: 0, y: 0, width: n.width, height: n.height, rx: rounded }));
  if (n.kind === 'step') children.push(el('rect', { class: 'node-stripe', x: 0, y: 4, width: 4, height: n.height - 8, rx: 2 }));

  let y = m.padY;
  if (n.captionLine) {
    children.push(el('text', { class: 'node-caption', x, y: y + 10, 'text-anchor': anchor }, [], n.captionLine));
    y += m.captionHeight;
  }
  if (n.kind === 'start') y = (n.height - m.titleHeight) / 2;
  children.push(el('text', { class: 'node-title', x, y: num(y + 13), 'text-anchor': anchor }, [], n.titleLine));
  y += m.titleHeight;
  n.lines.forEach((line, i) => children.push(el('text', { class: 'node-text', x, y: y + i * m.lineHeight + 11, 'text-anchor': anchor }, [], line)));

  if (n.findings.length > 0) {
    const cx = n.width - 10;
    children.push(el('circle', { class: classes('badge', `severity-${n.severity}`), cx, cy: 10, r: 8 }));
    children.push(el('text', { class: 'badge-text', x: cx, y: 13.5, 'text-anchor': 'middle' }, [], n.findings.length > 9 ? '9+' : String(n.findings.length)));
  }

  const cls = classes(
    'node',
    `node-${n.kind}`,
    n.stepKind && `kind-${n.stepKind}`,
    n.happy && 'happy',
    n.success && 'success',
    n.unreachable && 'unreachable',
    n.deadEnd && 'dead-end',
    n.missing && 'missing',
    n.severity && `severity-${n.severity}`,
  );
  const attrs = { class: cls, 'data-node-id': n.id, transform: `translate(${n.x},${n.y})`, tabindex: n.kind === 'start' ? undefined : 0, role: n.kind === 'start' ? undefined : 'button', 'aria-label': ariaLabel(n) };
  return el('g', attrs, children);
}

/** What a node says on hover: its full text and every finding on it. */
function tooltip(n: PositionedNode): string {
  const head = n.kind === 'start' ? `Start: ${n.ref}` : `${n.title}${n.captionLine ? ` (${n.captionLine})` : ''}`;
  return [head, n.excerpt, ...n.findings.map((f) => `${f.severity}: ${f.message} [${f.ruleId}]`)].filter((s) => s !== '').join('\n');
}

function ariaLabel(n: PositionedNode): string {
  const problems = n.findings.length ? `, ${n.findings.length} finding${n.findings.length > 1 ? 's' : ''}` : '';
  return `${n.captionLine || n.kind} ${n.title}${problems}`;
}

/** An orthogonal route drawn with rounded corners. */
export function roundedPath(points: Point[], radius: number): string {
  if (points.length === 0) return '';
  const d = [`M${num(points[0].x)},${num(points[0].y)}`];
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1], points[i], points[i + 1]];
    const r = Math.min(radius, dist(a, b) / 2, dist(b, c) / 2);
    const p1 = toward(b, a, r);
    const p2 = toward(b, c, r);
    d.push(`L${num(p1.x)},${num(p1.y)}`, `Q${num(b.x)},${num(b.y)} ${num(p2.x)},${num(p2.y)}`);
  }
  const last = points[points.length - 1];
  if (points.length > 1) d.push(`L${num(last.x)},${num(last.y)}`);
  return d.join(' ');
}

function dist(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function toward(from: Point, to: Point, r: number): Point {
  const len = dist(from, to) || 1;
  return { x: from.x + ((to.x - from.x) * r) / len, y: from.y + ((to.y - from.y) * r) / len };
}

function num(v: number): number {
  return Math.round(v * 10) / 10;
}

function classes(...names: (string | false | undefined)[]): string {
  return names.filter((s): s is string => !!s).join(' ');
}
