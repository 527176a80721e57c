import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

let collect: (() => void) | null | undefined;

/**
 * A full garbage collection, where the runtime allows one. V8 grows its heap rather than collect
 * while garbage keeps coming, so a server that analyses a large script again on every pause in
 * typing would keep several analyses' worth of garbage; collecting after each large analysis
 * (a few milliseconds beside hundreds) keeps the memory near one analysis.
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
