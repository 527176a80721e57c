import type { RawFinding } from '../findings';
import type { TextPart } from '../model/types';
import type { Rule } from './rule';

/** Texts the agent reads or says; labels are names for reports and may stay in one language. */
const READ_FIELDS = new Set(['say', 'ask', 'note', 'reply']);

/** Every text the agent reads must be given in each of the script's `languages`, and only in those. */
export const missingTranslation: Rule = {
  id: 'missing-translation',
  defaultSeverity: 'warning',
  summary: 'A text is missing for one of the declared `languages`, or is given in an undeclared language.',
  check({ model }) {
    const langs = [...new Set(model.languages)]; // a repeated language is the schema's finding
    if (langs.length === 0) return [];
    const findings: RawFinding[] = [];
    for (const { owner, field, text } of model.texts) {
      if (!READ_FIELDS.has(field)) continue;
      if (!text.perLanguage) {
        if (langs.length > 1) {
          findings.push({ message: `The ${field} of "${owner}" is one string, but the script is in ${langs.join(', ')}: give it per language (e.g. { ${langs.map((l) => `${l}: "..."`).join(', ')} }).`, start: text.start, end: text.end, data: { owner, field, missing: langs.slice(1).join(',') } });
        }
        continue;
      }
      const { parts } = text;
      let k = 0;
      while (k < parts.length && k < langs.length && parts[k].lang === langs[k]) k++;
      if (k === parts.length && k === langs.length) continue; // every language, in the declared order
      let missing: string[] | undefined;
      for (const lang of langs) if (!hasLanguage(parts, lang)) (missing ??= []).push(lang);
      if (missing) {
        findings.push({ message: `The ${field} of "${owner}" has no ${missing.join(', ')} text.`, start: text.start, end: text.end, data: { owner, field, missing: missing.join(',') } });
      }
      for (const part of parts) {
        if (part.lang && !langs.includes(part.lang)) {
          findings.push({ message: `"${part.lang}" is not one of the script's languages (${langs.join(', ')}).`, start: part.start, end: part.end, data: { owner, field } });
        }
      }
    }
    return findings;
  },
};

function hasLanguage(parts: TextPart[], lang: string): boolean {
  for (const part of parts) if (part.lang === lang) return true;
  return false;
}
