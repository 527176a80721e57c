import { isSafeAttribute, isSafeTag, SVG_NS, type SvgElement } from '../../server/src/core/graph/render/tree';

/**
 * The webview's sink for the shared renderer: builds SVG elements with createElementNS,
 * setAttribute and textContent. No markup is ever parsed, so no script text can become markup.
 */
export function toDom(tree: SvgElement, doc: Document): SVGElement {
  const el = doc.createElementNS(SVG_NS, tree.tag) as SVGElement;
  for (const [name, value] of Object.entries(tree.attrs)) {
    if (name !== 'xmlns' && isSafeAttribute(name)) el.setAttribute(name, value);
  }
  if (tree.text !== undefined) el.textContent = tree.text;
  else for (const child of tree.children) if (isSafeTag(child.tag)) el.appendChild(toDom(child, doc));
  return el;
}
