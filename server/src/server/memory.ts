import { getHeapStatistics, setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

let collect: (() => void) | null | undefined;
/** heap in use just after the last collection made here */
let liveAfterCollection = 0;

/** Collect once the heap holds this much more than after the last collection (about one version of a 10,000-step script's text and its analysis's garbage). */
const SLACK = 8 * 1024 * 1024;

/**
 * A full garbage collection when the heap has grown well past what was live after the last one,
 * where the runtime allows it. V8 grows its heap rather than collect while garbage keeps coming,
 * so a server that analyses a large script again on every pause in typing would keep several
 * analyses' worth of garbage (over 600 MB for a 10,000-step script). Each edit of a large script
 * leaves a few MB behind, mostly the copy of its text that the edit made (5 MB at 10,000 steps,
 * in V8's large-object space, which only a full collection frees). At 10,000 steps this collects
 * about every other edit, a pause of some 40 ms, and keeps the peak near 145 MB instead of 155 MB
 * with a slack of 24 MB (bench/lsp.ts). The caller picks a moment when the pause costs no latency.
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
