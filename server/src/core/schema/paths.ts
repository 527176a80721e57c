import type { PathSegment } from '../yaml/nodes';

const SECTIONS: Record<string, string> = { steps: 'step', objections: 'objection', outcomes: 'outcome', variables: 'variable' };

/** A JSON path as a script author reads it: `["steps","offer","branches",1,"next"]` → `"next" of branch 2 of step "offer"`. */
export function describePath(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the script';
  const parts: string[] = [];
  let i = 0;
  const first = String(path[0]);
  if (SECTIONS[first] && path.length > 1) {
    parts.push(`${SECTIONS[first]} "${path[1]}"`);
    i = 2;
  }
  for (; i < path.length; i++) {
    const seg = path[i];
    if (typeof seg === 'number') {
      if (parts[parts.length - 1] === '"branches"') parts[parts.length - 1] = `branch ${seg + 1}`;
      else parts.push(`item ${seg + 1}`);
    } else {
      parts.push(`"${seg}"`);
    }
  }
  return parts.reverse().join(' of ');
}
