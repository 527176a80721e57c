/** Node and label sizes from text length, shared by the layout (to size boxes) and the renderer (to place text). */
import { shorten, textWidth, wrap } from './text';
import type { FlowNode } from './types';

export const METRICS = {
  font: 12,
  titleFont: 13,
  captionFont: 10,
  labelFont: 11,
  padX: 12,
  padY: 8,
  captionHeight: 14,
  titleHeight: 18,
  lineHeight: 15,
  minWidth: 110,
  maxWidth: 250,
  /** characters per excerpt line, chosen so that lines fit `maxWidth` */
  perLine: 34,
  labelHeight: 18,
  labelPadX: 6,
  startSize: { width: 72, height: 30 },
} as const;

export interface NodeText {
  /** the title as drawn, shortened to fit */
  titleLine: string;
  /** the caption as drawn, with the node's flags */
  captionLine: string;
  lines: string[];
  width: number;
  height: number;
}

/** What a node shows and how large it is. */
export function measureNode(n: FlowNode): NodeText {
  const m = METRICS;
  if (n.kind === 'start') return { titleLine: n.title, captionLine: '', lines: [], ...m.startSize };
  const titleLine = shorten(n.title, 30);
  const maxLines = n.kind === 'step' ? 3 : 2;
  const lines = n.excerpt ? wrap(n.excerpt, m.perLine, maxLines) : [];
  const caption = captionOf(n);
  const textW = Math.max(textWidth(titleLine, m.titleFont) * 1.08 /* bold */, textWidth(caption, m.captionFont) * 1.1 /* capitals */ + 22 /* badge */, ...lines.map((l) => textWidth(l, m.font)));
  // Widths in steps of 8 px: a box keeps its size while a word is typed, so the layout can be reused.
  const width = Math.min(m.maxWidth, Math.max(m.minWidth, Math.ceil((textW + 2 * m.padX) / 8) * 8));
  const height = m.padY * 2 + (caption ? m.captionHeight : 0) + m.titleHeight + lines.length * m.lineHeight;
  return { titleLine, captionLine: caption, lines, width, height };
}

/** The caption with what is wrong with the node: "ask · unreachable · dead end". */
export function captionOf(n: FlowNode): string {
  return [n.caption, n.unreachable ? 'unreachable' : '', n.deadEnd ? 'dead end' : ''].filter((s) => s !== '').join(' · ');
}

/** An edge label as drawn, and its size. */
export function measureLabel(text: string): { text: string; width: number; height: number } {
  const shown = shorten(text.replace(/\s+/g, ' '), 28);
  // 1.12: happy-path labels are bold.
  return { text: shown, width: Math.ceil((textWidth(shown, METRICS.labelFont) * 1.12 + 2 * METRICS.labelPadX) / 4) * 4, height: METRICS.labelHeight };
}
