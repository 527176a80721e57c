import type { EdgeKind, FlowEdge } from './types';

/** A side of a node box: north (top), south (bottom), east (right), west (left). */
export type Port = 'n' | 's' | 'e' | 'w';

/** Which port an edge leaves and enters by: objections go out on the right and come back from the left. */
export const PORTS: Record<EdgeKind, readonly [Port, Port]> = {
  start: ['s', 'n'],
  next: ['s', 'n'],
  branch: ['s', 'n'],
  outcome: ['s', 'n'],
  handover: ['s', 'n'],
  objection: ['e', 'n'],
  resume: ['s', 'n'],
  return: ['w', 'e'],
};

/** The ports each node's edges use. */
export function usedPorts(edges: Iterable<FlowEdge>): Map<string, Set<Port>> {
  const used = new Map<string, Set<Port>>();
  const use = (node: string, port: Port): void => {
    const set = used.get(node);
    if (set) set.add(port);
    else used.set(node, new Set([port]));
  };
  for (const e of edges) {
    use(e.source, PORTS[e.kind][0]);
    use(e.target, PORTS[e.kind][1]);
  }
  return used;
}
