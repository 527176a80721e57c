import type { RawFinding } from '../findings';
import type { YNode } from '../yaml/nodes';
import type { StepEdit } from '../yaml/reparse';
import { stepPointer, validateStep, type SchemaFinding } from './validate';

/**
 * The schema findings after an edit inside one step (see reparseStep): that step's value is checked
 * again on its own, the other findings are kept, moved where they lie after the step's old part.
 * Undefined where a kept finding's range reaches into the part (nothing the schema reports
 * today does): the caller then checks the whole script.
 */
export function updateSchemaFindings(previous: readonly SchemaFinding[], edit: StepEdit, root: YNode): SchemaFinding[] | undefined {
  const own = stepPointer(edit.step);
  const out: SchemaFinding[] = [];
  for (const f of previous) {
    if (f.pointer === own || f.pointer.startsWith(`${own}/`)) continue;
    const { start, end } = f.finding;
    if (start >= edit.to) out.push({ pointer: f.pointer, finding: moved(f.finding, edit) });
    // Before the part, or on the step's key (an id the steps mapping does not accept): where they were.
    else if (end <= edit.from || (start >= edit.from && end < edit.to)) out.push(f);
    else return undefined;
  }
  out.push(...validateStep(edit.value, edit.step, root));
  return out;
}

function moved(f: RawFinding, { to, delta }: StepEdit): RawFinding {
  const at = (n: number): number => (n >= to ? n + delta : n);
  const copy: RawFinding = { ...f, start: at(f.start), end: at(f.end) };
  if (f.fixes) copy.fixes = f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, start: at(e.start), end: at(e.end) })) }));
  return copy;
}
