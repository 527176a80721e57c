import { load } from 'js-yaml';
import { SEVERITIES, type Severity } from './findings';
import { ALL_RULES } from './rules';

/** How a rule is configured: a severity, `off`, or a severity with options. */
export type RuleSetting = Severity | 'off';

export interface Config {
  rules: Record<string, { severity: RuleSetting; options: Record<string, unknown> }>;
  /** words per minute for spoken-time estimates; DEFAULT_WORDS_PER_MINUTE when unset, so layers can leave it to others */
  wordsPerMinute?: number;
}

export const DEFAULT_WORDS_PER_MINUTE = 150;

export const CONFIG_FILE_NAMES = ['callscript.config.yaml', 'callscript.config.yml', '.callscript.yaml'];

export function defaultConfig(): Config {
  return { rules: {} };
}

export class ConfigError extends Error {}

/**
 * Reads a configuration file's text:
 *
 *     speaking-rate: 150          # words per minute
 *     rules:
 *       unused-variable: off
 *       long-utterance: { severity: info, max-words: 25 }
 *
 * Throws ConfigError with a message naming the problem.
 */
export function parseConfig(text: string, fileName = 'callscript.config.yaml'): Config {
  let raw: unknown;
  try {
    raw = isBlank(text) ? {} : (load(text, { maxDepth: 16, maxAliases: 0 }) ?? {});
  } catch (e) {
    throw new ConfigError(`${fileName}: ${(e as { reason?: string }).reason ?? String(e)}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${fileName}: expected a mapping with "rules" and "speaking-rate"`);
  const config = defaultConfig();
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'speaking-rate') {
      if (typeof value !== 'number' || value < 40 || value > 400) throw new ConfigError(`${fileName}: speaking-rate must be a number of words per minute between 40 and 400`);
      config.wordsPerMinute = value;
    } else if (key === 'rules') {
      config.rules = readRules(value, fileName);
    } else {
      throw new ConfigError(`${fileName}: unknown key "${key}" (expected "rules" or "speaking-rate")`);
    }
  }
  return config;
}

/** Only blank lines and comments: an empty configuration (js-yaml 5 refuses to load an empty document). */
function isBlank(text: string): boolean {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .every((line) => /^\s*(?:#.*)?$/.test(line));
}

/** Reads a `rules` map (also used for editor settings, where the same shapes apply). */
export function readRules(value: unknown, fileName: string): Config['rules'] {
  if (value == null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`${fileName}: "rules" must map rule ids to a severity`);
  const rules: Config['rules'] = {};
  for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
    if (!ALL_RULES.some((r) => r.id === id)) throw new ConfigError(`${fileName}: unknown rule "${id}" (run \`callscript rules\` for the list)`);
    if (typeof setting === 'string' || setting === false) {
      rules[id] = { severity: severityOf(setting === false ? 'off' : setting, id, fileName), options: {} };
    } else if (typeof setting === 'object' && setting !== null && !Array.isArray(setting)) {
      const { severity, ...options } = setting as Record<string, unknown>;
      const rule = ALL_RULES.find((r) => r.id === id);
      rules[id] = { severity: severity === undefined ? rule!.defaultSeverity : severityOf(severity, id, fileName), options };
    } else {
      throw new ConfigError(`${fileName}: rule "${id}" must be a severity (${[...SEVERITIES, 'off'].join(', ')}) or a mapping with "severity"`);
    }
  }
  return rules;
}

function severityOf(value: unknown, id: string, fileName: string): RuleSetting {
  if (value === 'off' || (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value))) return value as RuleSetting;
  throw new ConfigError(`${fileName}: rule "${id}" has severity ${JSON.stringify(value)}; expected one of ${[...SEVERITIES, 'off'].join(', ')}`);
}

/** Layers configurations: later ones win rule by rule (editor settings, then the file). */
export function mergeConfigs(...configs: Partial<Config>[]): Config {
  const out = defaultConfig();
  for (const c of configs) {
    if (c.wordsPerMinute !== undefined) out.wordsPerMinute = c.wordsPerMinute;
    Object.assign(out.rules, c.rules ?? {});
  }
  return out;
}

export function effectiveSeverity(config: Config, ruleId: string, fallback: Severity): RuleSetting {
  return config.rules[ruleId]?.severity ?? fallback;
}
