import { Command, Option } from 'commander';
import { readFileSync, statSync } from 'fs';
import { extname, resolve } from 'path';
import type { Analysis } from '../core';
import { ConfigLookup } from './configLookup';
import { CliError, EXIT_FINDINGS, raiseExitCode } from './exit';
import { describeFsError, displayPath, writeOutput } from './files';
import { printable } from './formatters/printable';
import { toFileReport } from './report';

export const GRAPH_FORMATS = ['svg', 'dot', 'mermaid', 'json'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export interface GraphOptions {
  output?: string;
  format?: GraphFormat;
  config?: string;
}

const BY_EXTENSION: Record<string, GraphFormat> = { '.svg': 'svg', '.dot': 'dot', '.gv': 'dot', '.mmd': 'mermaid', '.mermaid': 'mermaid', '.json': 'json' };

/** `callscript graph FILE`: draws the call flow. Exit 0 drawn, 1 drawn with error findings, 2 nothing drawn. */
export function graphCommand(): Command {
  return new Command('graph')
    .description('Draw the call flow of a script as SVG (or Graphviz DOT, Mermaid, JSON). Findings go to stderr; a script with errors is still drawn as far as it can be.')
    .argument('<file>', 'the call script')
    .option('-o, --output <file>', 'write the graph to this file (its extension picks the format) instead of stdout')
    .addOption(new Option('--format <format>', 'output format (default: from the --output extension, else svg)').choices(GRAPH_FORMATS))
    .option('-c, --config <file>', 'configuration file (default: the nearest callscript.config.yaml above the script)')
    .action(async function (this: Command, file: string) {
      await runGraph(file, this.opts<GraphOptions>());
    });
}

/** Reads, analyses and draws one script; raises the exit code through ./exit. */
export async function runGraph(file: string, options: GraphOptions): Promise<void> {
  const cwd = process.cwd();
  const abs = resolve(cwd, file);
  const name = displayPath(abs, cwd);
  const format = options.format ?? BY_EXTENSION[extname(options.output ?? '').toLowerCase()] ?? 'svg';
  const config = new ConfigLookup(cwd, options.config).forFile(abs);
  if (!config) return;
  const text = readScript(abs, name);

  const core = await import('../core');
  const graphs = await import('../core/graph');
  const analysis = core.analyze(text, { config });
  printFindings(name, analysis);
  if (!analysis.model) throw new CliError(`${name}: nothing to draw: ${analysis.yaml.root ? 'this is not a call script' : 'the file does not parse as YAML'}`);

  const graph = graphs.buildFlowGraph({ model: analysis.model, findings: analysis.findings });
  let out: string;
  if (format === 'dot') out = graphs.toDot(graph);
  else if (format === 'mermaid') out = graphs.toMermaid(graph);
  else {
    const laid = await graphs.layoutGraph(graph);
    out = format === 'json' ? graphs.toJson(laid) : graphs.toSvgString(graphs.renderSvg(laid, { embedStyle: true }));
  }
  writeOutput(out, options.output, 'the graph');
  if (options.output !== undefined) {
    process.stderr.write(`${printable(name)}: ${graph.nodes.length} nodes, ${graph.edges.length} edges → ${printable(options.output)} (${format})\n`);
  }
  if (analysis.findings.some((f) => f.severity === 'error')) raiseExitCode(EXIT_FINDINGS);
}

/** One line per finding on stderr: `file:line:col severity message [rule]`. */
function printFindings(name: string, analysis: Analysis): void {
  const lines = toFileReport(name, analysis).findings.map((f) => `${printable(name)}:${f.line}:${f.column} ${f.severity} ${printable(f.message)} [${f.ruleId}]\n`);
  if (lines.length) process.stderr.write(lines.join(''));
}

function readScript(abs: string, name: string): string {
  try {
    if (statSync(abs).isDirectory()) throw new CliError(`${name}: is a directory; give one call script`);
    return readFileSync(abs, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${name}: cannot read: ${describeFsError(e)}`);
  }
}

