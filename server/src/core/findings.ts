/** What every check reports: a rule id, a severity and an exact range in the text, in offsets. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** Higher is more severe. */
export function severityRank(s: Severity): number {
  return 3 - SEVERITIES.indexOf(s);
}

/** A change that fixes a finding, applied to the text by offsets. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** the fix an editor may apply on its own (e.g. the single best did-you-mean) */
  preferred?: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fixes?: Fix[];
  /** extra data for editor features, e.g. the missing reference's kind and name */
  data?: Record<string, string>;
}

/** A finding before configuration gives it its severity. */
export type RawFinding = Omit<Finding, 'severity' | 'ruleId'> & { ruleId?: string };

export function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}
