/** The pure core of Callscript: no file system, no editor. The CLI, the server and the webview call it. */
export { analyze, MAX_TEXT_LENGTH, type Analysis, type AnalyzeOptions } from './analyze';
export { CONFIG_FILE_NAMES, ConfigError, defaultConfig, mergeConfigs, parseConfig, readRules, DEFAULT_WORDS_PER_MINUTE, type Config } from './config';
export { byPosition, SEVERITIES, severityRank, type Finding, type Fix, type Severity, type TextEdit } from './findings';
export { groupBy } from './groupBy';
export { LineIndex, type Position } from './lineIndex';
export { ALL_RULES, FLOW_RULES, ruleById } from './rules';
export type { Rule } from './rules/rule';
export type * from './model/types';
export { schema } from './schema/validate';
