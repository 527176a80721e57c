import type { Analysis, RefKind, ScriptModel, Text } from '../core';
import { nodeAt, scalarText } from '../core/yaml/nodes';
import { escapeMarkdown } from './markdown';

const NOUN: Record<RefKind, string> = { step: 'Step', objection: 'Objection', outcome: 'Outcome', variable: 'Variable' };

/**
 * Markdown describing what a step, objection, outcome or variable id names: its text in the
 * script's languages (say/ask/note, reply, label) or, for a variable, its declaration.
 */
export function describeTarget(analysis: Analysis, kind: RefKind, id: string): string {
  const model = analysis.model;
  const title = kind === 'variable' ? `**${NOUN[kind]}** \`{${id}}\`` : `**${NOUN[kind]}** \`${id}\``;
  if (!model) return title;
  const lines: string[] = [];
  switch (kind) {
    case 'step': {
      const step = model.steps.get(id);
      if (!step) return `${title}: not declared`;
      for (const field of ['say', 'ask', 'note'] as const) lines.push(...textLines(model, field, step[field]));
      break;
    }
    case 'objection': {
      const o = model.objections.get(id);
      if (!o) return `${title}: not declared`;
      lines.push(...textLines(model, 'label', o.label));
      if (o.technique) lines.push(`*technique:* \`${escapeMarkdown(o.technique)}\``);
      lines.push(...textLines(model, 'reply', o.reply));
      if (o.outcome) lines.push(`*then:* ends in outcome \`${escapeMarkdown(o.outcome.id)}\``);
      else lines.push(o.resume ? `*then:* goes on at step \`${escapeMarkdown(o.resume.id)}\`` : '*then:* back to the step where it was raised');
      break;
    }
    case 'outcome': {
      const o = model.outcomes.get(id);
      if (!o) return `${title}: not declared`;
      lines.push(...textLines(model, 'label', o.label));
      lines.push(o.success ? '*counts as a success*' : '*not a success*');
      break;
    }
    case 'variable': {
      const v = model.variables.get(id);
      if (!v) return `${title}: not declared under \`variables\``;
      const type = scalarText(nodeAt(analysis.yaml.root, ['variables', id, 'type'])) ?? 'string';
      const facts = [`*type:* ${escapeMarkdown(type)}`, v.required ? 'required' : 'optional'];
      if (v.source) facts.push(`*source:* ${escapeMarkdown(v.source)}`);
      lines.push(facts.join(' · '));
      if (v.description) lines.push(escapeMarkdown(v.description));
      break;
    }
  }
  return [title, ...lines].join('\n\n');
}

/** A text as Markdown lines, one per language in the script's order. */
export function textLines(model: ScriptModel, field: string, text: Text | undefined): string[] {
  if (!text) return [];
  if (!text.perLanguage) return [`*${field}:* ${escapeMarkdown(text.parts[0]?.text ?? '')}`];
  const order = (lang: string | undefined): number => {
    const i = model.languages.indexOf(lang ?? '');
    return i < 0 ? model.languages.length : i;
  };
  return [...text.parts].sort((a, b) => order(a.lang) - order(b.lang)).map((p) => `*${field} (${escapeMarkdown(p.lang ?? '')}):* ${escapeMarkdown(p.text)}`);
}

/** The first text of a step, objection or outcome in the script's first language, for outlines and details. */
export function firstText(model: ScriptModel, texts: (Text | undefined)[]): string | undefined {
  for (const text of texts) {
    if (!text) continue;
    const part = text.parts.find((p) => p.lang === model.languages[0]) ?? text.parts[0];
    if (part) return part.text;
  }
  return undefined;
}
