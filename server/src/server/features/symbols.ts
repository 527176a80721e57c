import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { Analysis, ScriptModel, Span } from '../../core';
import { toRange } from '../convert';
import { firstText } from '../describe';
import { oneLine } from '../markdown';

const SECTIONS = [
  { name: 'steps', kind: SymbolKind.Function },
  { name: 'objections', kind: SymbolKind.Event },
  { name: 'outcomes', kind: SymbolKind.EnumMember },
  { name: 'variables', kind: SymbolKind.Variable },
] as const;

interface Item {
  id: string;
  key: Span;
  span: Span;
  detail: string | undefined;
}

function items(model: ScriptModel, section: (typeof SECTIONS)[number]['name']): Item[] {
  switch (section) {
    case 'steps':
      return [...model.steps.values()].map((s) => ({ id: s.id, key: s.key, span: s.span, detail: firstText(model, [s.say, s.ask, s.note]) }));
    case 'objections':
      return [...model.objections.values()].map((o) => ({ id: o.id, key: o.key, span: o.span, detail: firstText(model, [o.label, o.reply]) }));
    case 'outcomes':
      return [...model.outcomes.values()].map((o) => ({ id: o.id, key: o.key, span: o.span, detail: firstText(model, [o.label]) }));
    case 'variables':
      return [...model.variables.values()].map((v) => ({ id: v.name, key: v.key, span: v.span, detail: v.description }));
  }
}

/** The outline: steps, objections, outcomes and variables under their sections, each with its text as detail. */
export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const model = analysis.model;
  if (!model) return [];
  const { lines } = analysis;
  const out: DocumentSymbol[] = [];
  for (const section of SECTIONS) {
    const span = model.sections[section.name];
    const list = items(model, section.name);
    if (!span || list.length === 0) continue;
    const children = list.map((item): DocumentSymbol => {
      const end = Math.max(item.key.end, item.span.end);
      const symbol: DocumentSymbol = { name: item.id, kind: section.kind, range: toRange(lines, item.key.start, end), selectionRange: toRange(lines, item.key.start, item.key.end) };
      if (item.detail) symbol.detail = oneLine(item.detail);
      return symbol;
    });
    const sectionStart = sectionKeyStart(analysis, section.name) ?? list[0].key.start;
    const end = list.reduce((max, i) => Math.max(max, i.key.end, i.span.end), span.end);
    out.push({ name: section.name, kind: SymbolKind.Namespace, range: toRange(lines, sectionStart, end), selectionRange: toRange(lines, sectionStart, sectionStart + section.name.length), children });
  }
  return out;
}

function sectionKeyStart(analysis: Analysis, name: string): number | undefined {
  const root = analysis.yaml.root;
  return root?.kind === 'map' ? root.byKey.get(name)?.key.start : undefined;
}

/** The same as a flat list, for clients without hierarchical outlines. */
export function flatSymbols(analysis: Analysis, uri: string): SymbolInformation[] {
  return documentSymbols(analysis).flatMap((section) =>
    (section.children ?? []).map((s) => ({ name: s.name, kind: s.kind, location: { uri, range: s.range }, containerName: section.name })),
  );
}
