import type { Hover } from 'vscode-languageserver';
import type { Analysis } from '../../core';
import { findTermAt, formatDefinition, type GlossaryIndex } from '../../core/glossary';
import { techniqueMarkdown, type TechniqueLibrary } from '../../core/objections';
import { describeTarget } from '../describe';
import { toRange } from '../convert';
import type { HoverLanguage } from '../protocol';
import { enumValueDoc, keyDoc, schemaAt } from '../schemaDocs';
import { declarationAt, refAt, scriptIndex } from '../scriptIndex';
import { spotAt } from '../treeSpot';

export interface HoverSources {
  glossary: GlossaryIndex;
  techniques: TechniqueLibrary;
  language: HoverLanguage;
}

/**
 * The hover at `offset` of an analysed text: what a reference names, a key's meaning, an enum
 * value's meaning, a `{variable}`'s declaration, and any glossary term under the cursor. Reads
 * only the cached analysis and its indexes: no parsing, no scan of the whole text.
 */
export function hoverAt(analysis: Analysis, offset: number, sources: HoverSources, withRange = true): Hover | undefined {
  const sections: string[] = [];
  let range: { start: number; end: number } | undefined;
  const index = scriptIndex(analysis);
  const ref = index && refAt(index, offset);
  const declaration = !ref && index ? declarationAt(index, offset) : undefined;
  if (ref) {
    sections.push(describeTarget(analysis, ref.kind, ref.id));
    range = ref;
  } else if (declaration) {
    sections.push(describeTarget(analysis, declaration.kind, declaration.id));
    range = declaration.key;
  }

  const root = analysis.yaml.root;
  const spot = root && spotAt(root, offset);
  if (spot && spot.node.kind === 'scalar' && spot.node.start <= offset && offset <= spot.node.end) {
    const scalar = spot.node;
    const schema = schemaAt(spot.path);
    if (spot.onKey && !declaration) {
      const doc = keyDoc(schema);
      if (doc) sections.push(`**${scalar.text}**\n\n${doc}`);
      range ??= scalar;
    } else if (!spot.onKey && !ref) {
      const meaning = spot.path[spot.path.length - 1] === 'technique' ? techniqueMarkdown(sources.techniques, scalar.text, sources.language) : enumValueDoc(schema, scalar.text);
      if (meaning) {
        sections.push(meaning);
        range ??= scalar;
      }
    }
    const term = findTermAt(sources.glossary, analysis.text, offset);
    if (term && term.start >= scalar.start && term.end <= scalar.end) {
      sections.push(formatDefinition(term.entry, sources.language, sources.glossary));
      range ??= term;
    }
  }
  if (sections.length === 0) return undefined;
  const hover: Hover = { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } };
  if (range && withRange) hover.range = toRange(analysis.lines, range.start, range.end);
  return hover;
}

/** Only the glossary, on text that has no analysis yet (typed since the last one). */
export function glossaryHover(text: string, offset: number, sources: HoverSources): Hover | undefined {
  const term = findTermAt(sources.glossary, text, offset);
  return term && { contents: { kind: 'markdown', value: formatDefinition(term.entry, sources.language, sources.glossary) } };
}
