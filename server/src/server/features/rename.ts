import { ResponseError, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import type { Analysis } from '../../core';
import { declarationKey, invalidId, renameEdits } from '../../core/edits';
import { toRange } from '../convert';
import { targetAt } from './navigation';

/** The id under the cursor that rename would change (quotes left out), or null when there is none. */
export function prepareRename(analysis: Analysis, offset: number): { range: Range; placeholder: string } | null {
  const target = targetAt(analysis, offset);
  if (!target) return null;
  const quoted = /^["']/.test(analysis.text.charAt(target.start));
  const start = quoted ? target.start + 1 : target.start;
  const end = quoted ? target.end - 1 : target.end;
  return { range: toRange(analysis.lines, start, end), placeholder: target.id };
}

/** Renames the id under the cursor: its key and every reference, `{placeholders}` and `capture` included. */
export function rename(analysis: Analysis, uri: string, offset: number, newName: string): WorkspaceEdit | null {
  const target = targetAt(analysis, offset);
  const model = analysis.model;
  if (!target || !model) return null;
  if (newName === target.id) return { changes: { [uri]: [] } };
  const invalid = invalidId(target.kind, newName);
  if (invalid) throw new ResponseError(-32602, invalid);
  if (declarationKey(model, target.kind, newName)) throw new ResponseError(-32602, `A ${target.kind} named "${newName}" already exists.`);
  const edits = renameEdits(analysis.text, model, target.kind, target.id, newName);
  return { changes: { [uri]: edits.map((e) => ({ range: toRange(analysis.lines, e.start, e.end), newText: e.newText })) } };
}
