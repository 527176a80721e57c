import { renderSvg } from '../../server/src/core/graph/render/svg';
import { toSvgString } from '../../server/src/core/graph/render/tree';
import type { PositionedGraph } from '../../server/src/core/graph/types';

/** Canvas limits browsers keep to (per side and in area). */
const MAX_SIDE = 16384;
const MAX_AREA = 16384 * 8192;

/**
 * Draws the standalone SVG (light theme, the same tree as the SVG export) on a canvas and returns
 * it as a PNG data URL, at twice the size when the canvas allows.
 */
export async function graphToPng(graph: PositionedGraph): Promise<string> {
  const svg = toSvgString(renderSvg(graph, { embedStyle: true }));
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the SVG could not be drawn'));
      img.src = url;
    });
    const w = Math.max(1, Math.ceil(graph.width));
    const h = Math.max(1, Math.ceil(graph.height));
    const scale = Math.min(2, MAX_SIDE / w, MAX_SIDE / h, Math.sqrt(MAX_AREA / (w * h)));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(w * scale));
    canvas.height = Math.max(1, Math.floor(h * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}
