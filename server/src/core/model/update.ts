import { lookup } from '../yaml/nodes';
import type { YNode } from '../yaml/nodes';
import type { StepEdit } from '../yaml/reparse';
import { asMap, asScalar, buildStep, span } from './build';
import type { ScriptModel, Span } from './types';

const SECTIONS = ['steps', 'objections', 'outcomes', 'variables'] as const;

/**
 * Brings the model of the text before an edit up to date once reparseStep has read one step again:
 * that step is read anew, and everything after its old part moves by the edit's length. It takes
 * the old model over. Undefined (nothing changed) where the step's references or texts cannot be
 * placed in the model's lists as buildModel would place them: the caller builds the model anew.
 */
export function updateModel(model: ScriptModel, edit: StepEdit, root: YNode, src: string): ScriptModel | undefined {
  const top = asMap(root);
  const stepsMap = asMap(top && lookup(top, 'steps')?.value);
  const entry = stepsMap && lookup(stepsMap, edit.step);
  const key = asScalar(entry?.key);
  if (!entry || !key || !model.steps.has(edit.step)) return undefined;
  const { from, to, delta } = edit;
  const inPart = (s: Span): boolean => s.start >= from && s.start < to;
  const fresh = buildStep(edit.step, key, entry.value, src);
  // The step's references and texts sit together in the lists (buildModel reads one step at a time).
  const refs = block(model.refs, inPart);
  const texts = block(model.texts, (t) => inPart(t.text));
  if (!refs || !texts || (refs[0] === refs[1] && fresh.refs.length) || (texts[0] === texts[1] && fresh.texts.length)) return undefined;

  // Everything after the part moves; the old step's own objects move too, harmlessly, as they are dropped.
  const move = (s: Span): void => {
    if (s.start >= to) {
      s.start += delta;
      s.end += delta;
    }
  };
  // Each reference and each text is moved once, through the lists that hold them all.
  for (const r of model.refs) move(r);
  for (const { text } of model.texts) {
    move(text);
    for (const p of text.parts) move(p);
  }
  for (const step of model.steps.values()) {
    if (step.key.start < to) continue;
    move(step.key);
    move(step.span);
    for (const s of step.satisfies) move(s);
    for (const s of step.tags) move(s);
    for (const exit of step.exits) {
      move(exit.keySpan);
      if (exit.kind !== 'branches') continue;
      for (const b of exit.branches) {
        move(b);
        move(b.whenSpan);
      }
    }
  }
  for (const items of [model.objections.values(), model.outcomes.values(), model.variables.values()]) {
    for (const item of items) {
      move(item.key);
      move(item.span);
    }
  }
  for (const c of model.compliance) move(c);
  if (model.languagesSpan) move(model.languagesSpan);
  if (model.budget) move(model.budget);
  for (const name of SECTIONS) {
    const node = top && lookup(top, name)?.value;
    if (node) model.sections[name] = span(node);
  }

  model.steps.set(edit.step, fresh.step);
  model.refs.splice(refs[0], refs[1] - refs[0], ...fresh.refs);
  model.texts.splice(texts[0], texts[1] - texts[0], ...fresh.texts);
  return model;
}

/** The index range of the items that satisfy `inside`, if they stand together (an empty range at 0 if none do). */
function block<T>(items: readonly T[], inside: (item: T) => boolean): [number, number] | undefined {
  let first = -1;
  let last = -1;
  for (let i = 0; i < items.length; i++) {
    if (!inside(items[i])) continue;
    if (first < 0) first = i;
    else if (last !== i - 1) return undefined;
    last = i;
  }
  return first < 0 ? [0, 0] : [first, last + 1];
}
