/**
 * The flow preview webview: draws the positioned graph it is sent (with the shared renderer's DOM
 * sink), pans, zooms, finds steps, and tells the extension which node was clicked. It computes
 * nothing about the script itself.
 */
import type { FindingCounts, HostMessage, WebviewMessage, WebviewState } from '../src/preview/protocol';
import { renderSvg } from '../../server/src/core/graph/render/svg';
import type { PositionedGraph, PositionedNode } from '../../server/src/core/graph/types';
import { toDom } from './dom';
import { graphToPng } from './png';
import { findNodes } from './search';
import { Viewport, type View } from './viewport';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (m: WebviewMessage): void => vscode.postMessage(m);

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const viewportEl = $('viewport');
const canvas = $('canvas');
const banner = $('banner');
const empty = $('empty');
const search = $<HTMLInputElement>('search');
const searchStatus = $('search-status');
const countsEl = $('counts');

let graph: PositionedGraph | undefined;
let nodeEls = new Map<string, SVGGElement>();
let nodesById = new Map<string, PositionedNode>();
let selected: string | undefined;
let matches: PositionedNode[] = [];
let matchIndex = 0;
/** a view saved before the webview was reloaded, used instead of fitting the first drawing */
let savedView = (vscode.getState() as WebviewState | undefined)?.view as View | undefined;

/** Merges into the saved state (the view and the script's URI are saved at different times). */
function saveState(change: WebviewState): void {
  vscode.setState({ ...((vscode.getState() as WebviewState | undefined) ?? {}), ...change });
}

const viewport = new Viewport(viewportEl, canvas, (view) => saveState({ view }));

window.addEventListener('message', (event: MessageEvent) => {
  const m = event.data as HostMessage;
  if (!m || typeof m !== 'object') return;
  switch (m.type) {
    case 'graph':
      draw(m.graph, m.counts, m.fit);
      break;
    case 'problem':
      showBanner(`${graph ? 'The flow shows the last version that could be read. ' : ''}${m.line ? `Line ${m.line}: ` : ''}${m.message}`);
      if (!graph) empty.textContent = 'Nothing to draw until the script can be read.';
      break;
    case 'highlight':
      highlight(m.nodeId, m.scroll);
      break;
    case 'document':
      saveState({ uri: m.uri });
      break;
    case 'action':
      if (m.action === 'fit') viewport.fit();
      else if (m.action === 'zoomIn') viewport.zoom(1.25);
      else if (m.action === 'zoomOut') viewport.zoom(0.8);
      else void exportPng();
      break;
  }
});

function draw(next: PositionedGraph, counts: FindingCounts, fit: boolean): void {
  graph = next;
  banner.hidden = true;
  const svg = toDom(renderSvg(next), document);
  canvas.replaceChildren(svg);
  nodeEls = new Map([...svg.querySelectorAll<SVGGElement>('g.node')].map((el) => [el.getAttribute('data-node-id') ?? '', el]));
  nodesById = new Map(next.nodes.map((n) => [n.id, n]));
  viewport.setContentSize(next.width, next.height);
  empty.hidden = next.nodes.length > 0;
  empty.textContent = next.nodes.length > 0 ? '' : 'This script has no steps yet.';
  showCounts(counts);
  if (fit) {
    if (savedView) viewport.set(savedView);
    else viewport.fit();
    savedView = undefined;
  }
  if (selected) nodeEls.get(selected)?.classList.add('selected');
  if (search.value) runSearch(false);
}

function showCounts(c: FindingCounts): void {
  const parts: HTMLElement[] = [];
  const part = (n: number, word: string, cls: string): void => {
    if (n === 0) return;
    const span = document.createElement('span');
    span.className = cls;
    span.textContent = `${n} ${word}${n === 1 ? '' : 's'}`;
    if (parts.length) parts.push(Object.assign(document.createElement('span'), { textContent: ' · ' }));
    parts.push(span);
  };
  part(c.error, 'error', 'errors');
  part(c.warning, 'warning', 'warnings');
  part(c.info + c.hint, 'note', 'notes');
  if (parts.length === 0) parts.push(Object.assign(document.createElement('span'), { textContent: 'no findings' }));
  countsEl.replaceChildren(...parts);
  countsEl.title = 'Findings in this script (see the Problems view)';
}

function showBanner(text: string): void {
  banner.textContent = text;
  banner.hidden = false;
}

function highlight(nodeId: string | undefined, scroll: boolean): void {
  if (selected) nodeEls.get(selected)?.classList.remove('selected');
  selected = nodeId;
  if (!nodeId) return;
  nodeEls.get(nodeId)?.classList.add('selected');
  const node = nodesById.get(nodeId);
  if (node && scroll) viewport.show(node);
}

// A click (or Enter) on a node asks the extension to reveal its step.
canvas.addEventListener('click', (e) => {
  const el = (e.target as Element).closest?.('g.node');
  const id = el?.getAttribute('data-node-id');
  if (!id || !nodesById.has(id) || nodesById.get(id)!.kind === 'start') return;
  highlight(id, false);
  post({ type: 'reveal', nodeId: id });
});
canvas.addEventListener('keydown', (e) => {
  const el = (e.target as Element).closest?.('g.node');
  const id = el?.getAttribute('data-node-id');
  if (id && (e.key === 'Enter' || e.key === ' ')) {
    e.preventDefault();
    highlight(id, false);
    post({ type: 'reveal', nodeId: id });
  }
});

function runSearch(move: boolean): void {
  for (const m of matches) nodeEls.get(m.id)?.classList.remove('match');
  matches = graph ? findNodes(graph.nodes, search.value) : [];
  if (!move) matchIndex = Math.min(matchIndex, Math.max(0, matches.length - 1));
  for (const m of matches) nodeEls.get(m.id)?.classList.add('match');
  searchStatus.textContent = search.value.trim() === '' ? '' : matches.length === 0 ? 'no match' : `${matchIndex + 1} of ${matches.length}`;
  if (move && matches.length) viewport.center(matches[matchIndex]);
}

search.addEventListener('input', () => {
  matchIndex = 0;
  runSearch(true);
});
search.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && matches.length) {
    matchIndex = (matchIndex + (e.shiftKey ? matches.length - 1 : 1)) % matches.length;
    runSearch(true);
  } else if (e.key === 'Escape') {
    search.value = '';
    runSearch(false);
    viewportEl.focus();
  }
});

document.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === 'f') {
    e.preventDefault();
    search.focus();
    search.select();
    return;
  }
  if (e.target === search) return;
  const step = 60;
  const keys: Record<string, () => void> = {
    '+': () => viewport.zoom(1.25),
    '=': () => viewport.zoom(1.25),
    '-': () => viewport.zoom(0.8),
    '0': () => viewport.fit(),
    ArrowLeft: () => viewport.panBy(step, 0),
    ArrowRight: () => viewport.panBy(-step, 0),
    ArrowUp: () => viewport.panBy(0, step),
    ArrowDown: () => viewport.panBy(0, -step),
  };
  const action = keys[e.key];
  if (action && !(e.target instanceof Element && e.target.closest('g.node') && e.key === ' ')) {
    e.preventDefault();
    action();
  }
});

$('zoom-in').addEventListener('click', () => viewport.zoom(1.25));
$('zoom-out').addEventListener('click', () => viewport.zoom(0.8));
$('fit').addEventListener('click', () => viewport.fit());
$('export-svg').addEventListener('click', () => post({ type: 'exportSvg' }));
$('export-png').addEventListener('click', () => void exportPng());

async function exportPng(): Promise<void> {
  if (!graph) return;
  try {
    post({ type: 'exportPng', dataUrl: await graphToPng(graph) });
  } catch (e) {
    post({ type: 'log', message: `PNG export failed: ${(e as Error)?.message ?? String(e)}` });
  }
}

post({ type: 'ready' });
