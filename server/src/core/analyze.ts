import { DEFAULT_WORDS_PER_MINUTE, defaultConfig, effectiveSeverity, type Config } from './config';
import { byPosition, type Finding, type RawFinding, type Severity } from './findings';
import { LineIndex } from './lineIndex';
import { buildModel } from './model/build';
import { updateModel } from './model/update';
import { flowIndex, type FlowIndex } from './model/flow';
import type { ScriptModel } from './model/types';
import { ALL_RULES, FLOW_RULES, sharedContext } from './rules';
import { updateSchemaFindings } from './schema/update';
import { validateSchema, type SchemaFinding } from './schema/validate';
import { Suppressions } from './suppress';
import { DEFAULT_LIMITS, parseYaml, type ParseLimits, type YamlDocument } from './yaml/parse';
import { deref } from './yaml/nodes';
import { reparseStep, type StepEdit } from './yaml/reparse';

export interface AnalyzeOptions {
  config?: Config;
  limits?: ParseLimits;
  /**
   * The analysis of an earlier version of the same document. Where the edit since then stays
   * inside one step, only that step is read again and the rest of its tree is reused: this
   * analysis takes the earlier one over, which must not be used afterwards.
   */
  previous?: Analysis;
}

/** Everything known about one version of one script; the server caches one per document version. */
export interface Analysis {
  text: string;
  lines: LineIndex;
  yaml: YamlDocument;
  /** the script model, when the text is a call script that could be read */
  model: ScriptModel | undefined;
  /** each step's successors by id, built on first read (the rules use a FlowGraph) */
  flow: FlowIndex | undefined;
  findings: Finding[];
  /** the schema's findings before configuration, for the next analysis to reuse (when the text is a call script) */
  schema: SchemaFinding[] | undefined;
}

/** Larger texts are refused outright: no call script is this long. */
export const MAX_TEXT_LENGTH = 32 * 1024 * 1024;

/** Parse, source map, schema and every flow/QA rule, with configuration and suppressions applied. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const config = options.config ?? defaultConfig();
  const lines = new LineIndex(text);
  const raw: RawFinding[] = [];
  const base = { text, lines, model: undefined, flow: undefined, schema: undefined };

  if (text.length > MAX_TEXT_LENGTH) {
    const yaml: YamlDocument = { root: undefined, value: undefined, documentCount: 0, problems: [], plain: false };
    raw.push({ ruleId: 'yaml-syntax', message: `The file is too large to be a call script (${(text.length / 1048576).toFixed(0)} MB; the limit is 32 MB).`, start: 0, end: 0 });
    return { ...base, yaml, findings: finish(raw, config, lines, text) };
  }

  const limits = options.limits ?? DEFAULT_LIMITS;
  const incremental = options.previous && rereadStep(options.previous, text, limits);
  const yaml = incremental?.yaml ?? parseYaml(text, limits);
  for (const p of yaml.problems) raw.push({ ruleId: 'yaml-syntax', ...p });
  const root = yaml.root;
  if (!root) {
    if (yaml.problems.length === 0) raw.push({ ruleId: 'schema', message: 'The file is empty: a call script starts with `callscript: 1`, then its id, title, kind, direction, languages, start, steps and outcomes.', start: 0, end: 0 });
    return { ...base, yaml, findings: finish(raw, config, lines, text) };
  }
  const top = deref(root);
  if (top?.kind !== 'map' || !top.byKey.has('callscript')) {
    const at = top?.kind === 'map' ? top.entries[0]?.key ?? top : root;
    raw.push({ ruleId: 'schema', message: 'This is not a call script: it has no `callscript: 1` key at the top. Call scripts are YAML mappings that start with `callscript: 1`.', start: at.start, end: at.end });
    return { ...base, yaml, findings: finish(raw, config, lines, text) };
  }

  const schema = incremental?.schema ?? validateSchema(yaml.value, root);
  for (const f of schema) raw.push({ ruleId: 'schema', ...f.finding });
  const model = (incremental?.model && updateModel(incremental.model, incremental.edit, root, text)) || buildModel(root, text);
  // The flow graph, the walk from the start and the references are computed once for all the rules.
  const shared = sharedContext(model);
  for (const rule of FLOW_RULES) {
    const setting = config.rules[rule.id];
    if (setting?.severity === 'off') continue;
    try {
      for (const f of rule.check({ model, root, text, ...shared, wordsPerMinute: config.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE, options: setting?.options ?? {} })) raw.push({ ruleId: rule.id, ...f });
    } catch (e) {
      // One faulty rule must not hide the others' findings nor take the editor down.
      raw.push({ ruleId: rule.id, message: `Internal error in rule ${rule.id}: ${(e as Error)?.message ?? e}`, start: 0, end: 0 });
    }
  }
  // The rules use the flow graph; the index by id is built only if asked for.
  let index: FlowIndex | undefined;
  return {
    ...base,
    yaml,
    model,
    get flow(): FlowIndex {
      return (index ??= flowIndex(model));
    },
    schema,
    findings: finish(raw, config, lines, text),
  };
}

/**
 * An edit inside one step of the earlier analysis's text: the step read and checked against the
 * schema again, the rest of the earlier tree and findings moved (reparse.ts, schema/update.ts).
 * Undefined where the whole text must be read.
 */
function rereadStep(previous: Analysis, text: string, limits: ParseLimits): { yaml: YamlDocument; edit: StepEdit; schema: SchemaFinding[]; model: ScriptModel | undefined } | undefined {
  if (!previous.schema) return undefined;
  const reread = reparseStep(previous.yaml, previous.text, text, limits);
  const schema = reread?.yaml.root && updateSchemaFindings(previous.schema, reread.edit, reread.yaml.root);
  return reread && schema ? { ...reread, schema, model: previous.model } : undefined;
}

const DEFAULTS = new Map<string, Severity>(ALL_RULES.map((r) => [r.id, r.defaultSeverity]));

/** Gives each finding its configured severity, drops what is off or suppressed, sorts by position. */
function finish(raw: RawFinding[], config: Config, lines: LineIndex, text: string): Finding[] {
  if (raw.length === 0) return [];
  const suppressions = new Suppressions(text, lines);
  const out: Finding[] = [];
  for (const f of raw) {
    const ruleId = f.ruleId ?? 'schema';
    const severity = effectiveSeverity(config, ruleId, DEFAULTS.get(ruleId) ?? 'error');
    if (severity === 'off') continue;
    if (!suppressions.empty && suppressions.isSuppressed(ruleId, lines.positionAt(f.start).line)) continue;
    out.push({ ...f, ruleId, severity });
  }
  return out.sort(byPosition);
}
