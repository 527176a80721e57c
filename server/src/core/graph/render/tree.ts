/**
 * An SVG element tree: what the renderer produces, and what its sinks (`toSvgString` here, a DOM
 * builder in the webview) turn into markup. Text is data: sinks escape it or set it as text content.
 */
export interface SvgElement {
  tag: string;
  attrs: Record<string, string>;
  children: SvgElement[];
  /** text content (an element has either text or children) */
  text?: string;
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

export function el(tag: string, attrs: Record<string, string | number | undefined> = {}, children: SvgElement[] = [], text?: string): SvgElement {
  const a: Record<string, string> = {};
  // for-in, not Object.entries: no array per attribute (a drawing has tens of thousands of them).
  for (const k in attrs) {
    const v = attrs[k];
    if (v !== undefined) a[k] = String(v);
  }
  return text === undefined ? { tag, attrs: a, children } : { tag, attrs: a, children, text };
}

/** Names the sinks accept for tags and attributes; anything else is dropped, never written. */
export const SAFE_NAME = /^[a-zA-Z][a-zA-Z0-9:_.-]*$/;

/** Attributes no sink writes, whatever the tree says: scripts and links never come from a graph. */
export function isSafeAttribute(name: string): boolean {
  return remembered(safeAttributes, name, () => SAFE_NAME.test(name) && !/^on/i.test(name) && !/(^|:)href$/i.test(name) && name.toLowerCase() !== 'style');
}

export function isSafeTag(tag: string): boolean {
  return remembered(safeTags, tag, () => SAFE_NAME.test(tag) && !/^(script|foreignObject|iframe|a|image|use)$/i.test(tag));
}

// A drawing repeats a few dozen names thousands of times: decide each once (bounded, in case).
const safeAttributes = new Map<string, boolean>();
const safeTags = new Map<string, boolean>();
function remembered(cache: Map<string, boolean>, name: string, decide: () => boolean): boolean {
  let ok = cache.get(name);
  if (ok === undefined) {
    ok = decide();
    if (cache.size < 1000) cache.set(name, ok);
  }
  return ok;
}

/**
 * Characters XML 1.0 does not allow (controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so a
 * hostile script cannot make the SVG ill-formed.
 */
export function xmlSafe(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Anything escapeXml would change (most values are plain numbers and ids: skip them fast). */
const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escapes a string for XML text or a double-quoted attribute value. */
export function escapeXml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return xmlSafe(s).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Serializes the tree as SVG markup; every text and attribute value is escaped. */
export function toSvgString(root: SvgElement, options: { xmlDeclaration?: boolean } = {}): string {
  const out: string[] = options.xmlDeclaration ? ['<?xml version="1.0" encoding="UTF-8"?>\n'] : [];
  write(root, out, 0);
  return out.join('');
}

function write(node: SvgElement, out: string[], depth: number): void {
  if (!isSafeTag(node.tag)) return;
  const pad = '  '.repeat(depth);
  let open = pad + '<' + node.tag;
  const attrs = node.attrs;
  for (const k in attrs) if (isSafeAttribute(k)) open += ' ' + k + '="' + escapeXml(attrs[k]) + '"';
  const children = node.children.filter((c) => isSafeTag(c.tag));
  if (node.text !== undefined) {
    out.push(open + '>' + escapeXml(node.text) + '</' + node.tag + '>\n');
  } else if (children.length === 0) {
    out.push(open + '/>\n');
  } else {
    out.push(open + '>\n');
    for (const c of children) write(c, out, depth + 1);
    out.push(pad + '</' + node.tag + '>\n');
  }
}
