import type { Location, Range } from 'vscode-languageserver';
import type { Analysis, RefKind } from '../../core';
import { toRange } from '../convert';
import { declarationAt, declarationOf, refAt, scriptIndex, targetKey } from '../scriptIndex';

/** The step, objection, outcome or variable named or declared at `offset`. */
export interface Target {
  kind: RefKind;
  id: string;
  /** the id's range at the cursor */
  start: number;
  end: number;
}

export function targetAt(analysis: Analysis, offset: number): Target | undefined {
  const index = scriptIndex(analysis);
  if (!index) return undefined;
  const ref = refAt(index, offset);
  if (ref) return { kind: ref.kind, id: ref.id, start: ref.start, end: ref.end };
  const declaration = declarationAt(index, offset);
  return declaration && { kind: declaration.kind, id: declaration.id, start: declaration.key.start, end: declaration.key.end };
}

export function definition(analysis: Analysis, uri: string, offset: number): Location | undefined {
  const target = targetAt(analysis, offset);
  const declaration = target && analysis.model && declarationOf(analysis.model, target.kind, target.id);
  return declaration && { uri, range: toRange(analysis.lines, declaration.key.start, declaration.key.end) };
}

export function references(analysis: Analysis, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  const index = scriptIndex(analysis);
  const target = targetAt(analysis, offset);
  if (!index || !target) return [];
  const ranges: Range[] = [];
  const declaration = includeDeclaration ? declarationOf(index.model, target.kind, target.id) : undefined;
  if (declaration) ranges.push(toRange(analysis.lines, declaration.key.start, declaration.key.end));
  for (const ref of index.refsTo.get(targetKey(target.kind, target.id)) ?? []) ranges.push(toRange(analysis.lines, ref.start, ref.end));
  return ranges.map((range) => ({ uri, range }));
}
