import type { PositionedNode } from '../../server/src/core/graph/types';

/** Nodes a search matches: by id, title or excerpt, ignoring case and accents. */
export function findNodes(nodes: readonly PositionedNode[], query: string): PositionedNode[] {
  const q = fold(query.trim());
  if (!q) return [];
  const hits = nodes.filter((n) => n.kind !== 'start' && [n.ref, n.title, n.excerpt].some((s) => fold(s).includes(q)));
  // Steps first, and an exact id before partial matches.
  const rank = (n: PositionedNode): number => (fold(n.ref) === q ? 0 : 1) + (n.kind === 'step' ? 0 : 2);
  return hits.map((n, i) => ({ n, i })).sort((a, b) => rank(a.n) - rank(b.n) || a.i - b.i).map(({ n }) => n);
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase();
}
