import type { RawFinding, Severity } from '../findings';
import { flowGraph, walk, type FlowGraph, type Walk } from '../model/flow';
import type { ScriptModel } from '../model/types';
import type { YNode } from '../yaml/nodes';
import { resolveReferences, type References } from './references';

/** What a rule sees: the model, its flow, the source, and the rule's own options from configuration. */
export interface RuleContext {
  model: ScriptModel;
  /** the flow as integer arrays, built once per analysis */
  graph: FlowGraph;
  root: YNode;
  text: string;
  /** the steps the start step reaches, each with its predecessor (walk), computed once per analysis */
  reachable(): Walk;
  /** the references looked up, computed once per analysis */
  references(): References;
  /** speaking rate used for spoken-time estimates */
  wordsPerMinute: number;
  options: Readonly<Record<string, unknown>>;
}

export interface Rule {
  /** stable id, used in configuration, suppression comments and reports */
  id: string;
  defaultSeverity: Severity;
  /** one line for `callscript rules` and reports */
  summary: string;
  /** where the rule applies: `flow` rules need a valid model; `syntax` ones are reported by the parser */
  check(ctx: RuleContext): RawFinding[];
}

/** The part of the RuleContext computed once per analysis and shared by every rule. */
export type SharedContext = Pick<RuleContext, 'graph' | 'reachable' | 'references'>;

export function sharedContext(model: ScriptModel): SharedContext {
  const graph = flowGraph(model);
  let walked: Walk | undefined;
  let references: References | undefined;
  return {
    graph,
    reachable: () => (walked ??= walk(graph)),
    references: () => (references ??= resolveReferences(model)),
  };
}

/** The rules reported by the reader itself (YAML syntax and schema), listed with the flow rules. */
export const READER_RULES: readonly Omit<Rule, 'check'>[] = [
  { id: 'yaml-syntax', defaultSeverity: 'error', summary: 'The file is not well-formed YAML, holds several documents, duplicate keys, binary data or hostile aliases.' },
  { id: 'schema', defaultSeverity: 'error', summary: 'The script does not match the Callscript format: unknown keys, wrong types, missing required keys, invalid ids.' },
];

/** A numeric rule option, falling back to a default when absent or not a positive number. */
export function numberOption(options: Readonly<Record<string, unknown>>, name: string, fallback: number): number {
  const v = options[name];
  return typeof v === 'number' && v > 0 ? v : fallback;
}
