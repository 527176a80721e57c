/**
 * Flow-graph benchmark: graph building, ELK layout and SVG (render + serialize) for generated
 * scripts of 100, 1,000 and 5,000 steps. Not a test: run it after `npx tsc -p .` with
 *
 *     node out/bench/graph.js [--sizes 100,1000,5000] [--runs 3]
 *
 * The first layouts in a process are slow while V8 compiles ELK ("cold", reported apart), and each
 * size class runs code of its own (the layout options depend on the graph's size), so every size
 * is run once untimed first; the figures are medians of the warm runs that follow, with the layout
 * cache cleared, so ELK really runs.
 * Target: 1,000 steps under 1 s (build + layout + SVG).
 */
import { cpus } from 'os';
import { analyze } from '../server/src/core';
import { buildFlowGraph, layoutGraph, renderSvg, toSvgString } from '../server/src/core/graph';
import { clearLayoutCache } from '../server/src/core/graph/layout';
import { generateScript } from './generate';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function time<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const result = await fn();
  return [result, performance.now() - t0];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

async function main(): Promise<void> {
  const sizes = arg('sizes', '100,1000,5000').split(',').map(Number).filter((n) => n > 0);
  const runs = Math.max(1, Number(arg('runs', '3')));
  const rows: Record<string, string | number>[] = [];
  // Warm-up: V8 compiles ELK's 1.6 MB of code over the first layouts of a process.
  const warm = analyze(generateScript(300)).model!;
  let cold: number | undefined;
  for (let i = 0; i < 4; i++) {
    clearLayoutCache();
    const [, ms] = await time(() => layoutGraph(buildFlowGraph({ model: warm })));
    cold ??= ms;
  }
  for (const steps of sizes) {
    const analysis = analyze(generateScript(steps));
    if (!analysis.model) throw new Error('the generated script does not parse');
    const builds: number[] = [];
    const layouts: number[] = [];
    const svgs: number[] = [];
    let nodes = 0;
    let edges = 0;
    let bytes = 0;
    for (let i = -1; i < (steps >= 5000 ? 1 : runs); i++) {
      const [graph, build] = await time(() => buildFlowGraph({ model: analysis.model!, findings: analysis.findings }));
      clearLayoutCache();
      const [laid, layout] = await time(() => layoutGraph(graph));
      const [svg, render] = await time(() => toSvgString(renderSvg(laid, { embedStyle: true })));
      if (i < 0) continue; // the warm-up run at this size
      builds.push(build);
      layouts.push(layout);
      svgs.push(render);
      [nodes, edges, bytes] = [graph.nodes.length, graph.edges.length, svg.length];
    }
    const total = median(builds) + median(layouts) + median(svgs);
    rows.push({
      steps,
      nodes,
      edges,
      'graph (ms)': median(builds).toFixed(1),
      'layout (ms)': median(layouts).toFixed(0),
      'svg (ms)': median(svgs).toFixed(1),
      'total (ms)': total.toFixed(0),
      'svg (KB)': Math.round(bytes / 1024),
    });
  }
  console.table(rows);
  console.log(`first (cold) layout in the process, 300 steps: ${cold?.toFixed(0)} ms; then 3 warm-up layouts, and one untimed run per size; figures are medians of ${runs} runs (1 for 5,000 steps)`);
  console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`);
}

void main();
