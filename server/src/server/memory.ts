import { getHeapStatistics, setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

let collect: (() => void) | null | undefined;
/** heap in use just after the last collection made here */
let liveAfterCollection = 0;

/** Collect once the heap holds this much more than after the last collection. */
const SLACK = 24 * 1024 * 1024;

/**
 * A full garbage collection when the heap has grown well past what was live after the last one,
 * where the runtime allows it. V8 grows its heap rather than collect while garbage keeps coming,
 * so a server that analyses a large script again on every pause in typing would keep several
 * analyses' worth of garbage (over 600 MB for a 10,000-step script). Each edit of a large script
 * leaves a few MB behind (mostly the new copy of its text), so this collects every few edits, for
 * a pause of some tens of milliseconds taken just after the diagnostics went out; at 10,000 steps
 * it keeps the peak near 200 MB instead of 260 MB (bench/lsp.ts).
 */
export function collectGarbageIfGrown(): void {
  const used = getHeapStatistics().used_heap_size;
  if (used < liveAfterCollection + SLACK) return;
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  if (!collect) return;
  collect();
  liveAfterCollection = getHeapStatistics().used_heap_size;
}
