import { nodesAtOffset, type PathSegment, type YNode } from '../core/yaml/nodes';

/** Where an offset falls in a syntax tree: the path to it, its innermost node, and whether that is a key. */
export interface TreeSpot {
  path: PathSegment[];
  node: YNode;
  onKey: boolean;
}

/**
 * The path to the node at `offset`: ['steps', 'offer', 'branches', 1, 'next'] for the `next`
 * of the second branch of step "offer" (its key or its value; `onKey` tells which).
 */
export function spotAt(root: YNode, offset: number): TreeSpot | undefined {
  const chain = nodesAtOffset(root, offset);
  if (chain.length === 0) return undefined;
  const path: PathSegment[] = [];
  let onKey = false;
  for (let i = 1; i < chain.length; i++) {
    const parent = chain[i - 1];
    const child = chain[i];
    if (parent.kind === 'map') {
      const entry = parent.entries.find((e) => e.key === child || e.value === child);
      if (!entry) break;
      path.push(keyName(entry.key));
      onKey = entry.key === child;
    } else if (parent.kind === 'seq') {
      path.push(parent.items.indexOf(child));
    }
  }
  return { path, node: chain[chain.length - 1], onKey };
}

export function keyName(key: YNode): string {
  return key.kind === 'scalar' ? key.text : '';
}
