import { compliancePath } from './compliancePath';
import { deadEnd } from './deadEnd';
import { duplicateBranch } from './duplicateBranch';
import { endlessLoop } from './endlessLoop';
import { longUtterance } from './longUtterance';
import { missingTranslation } from './missingTranslation';
import { multipleExits } from './multipleExits';
import { offerBeforeRecording } from './offerBeforeRecording';
import { READER_RULES, type Rule } from './rule';
import { talkTimeBudget } from './talkTimeBudget';
import { unknownTarget } from './unknownTarget';
import { unreachableStep } from './unreachableStep';
import { unusedObjection } from './unusedObjection';
import { unusedOutcome } from './unusedOutcome';
import { uncapturedVariable, undeclaredVariable, unusedVariable } from './variables';

export { sharedContext } from './rule';

/** The flow and QA rules, in the order `callscript rules` lists them. */
export const FLOW_RULES: readonly Rule[] = [
  unknownTarget,
  deadEnd,
  multipleExits,
  unreachableStep,
  endlessLoop,
  duplicateBranch,
  compliancePath,
  offerBeforeRecording,
  undeclaredVariable,
  unusedVariable,
  uncapturedVariable,
  unusedObjection,
  unusedOutcome,
  missingTranslation,
  longUtterance,
  talkTimeBudget,
];

/** Every rule id with its default severity and summary, reader rules first. */
export const ALL_RULES: readonly Omit<Rule, 'check'>[] = [...READER_RULES, ...FLOW_RULES];

export function ruleById(id: string): Omit<Rule, 'check'> | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
