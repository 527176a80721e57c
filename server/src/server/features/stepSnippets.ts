import { escapeSnippetText, yamlEscape } from '../../core/objections';

/** Default texts per language for the recording notice; other languages start empty. */
const RECORDING: Record<string, string> = {
  en: 'This call is recorded for quality and training purposes.',
  pl: 'Rozmowa jest nagrywana w celach szkoleniowych i dla zapewnienia jakości obsługi.',
};

export interface StepSnippet {
  label: string;
  detail: string;
  /** the snippet, lines relative to the step's key (which is at column 0) */
  lines: string[];
}

/**
 * Ready-made steps offered where a new step id is typed under `steps:`. Tab stops walk through
 * the id, the text in each of the script's languages, then where the call goes.
 */
export function stepSnippets(languages: readonly string[], unit: string): StepSnippet[] {
  const langs = languages.length ? languages : ['en'];
  const make = (label: string, detail: string, build: (stop: () => number, text: (field: string, defaults?: Record<string, string>) => string[]) => string[]): StepSnippet => {
    let n = 1;
    const stop = (): number => ++n;
    const text = (field: string, defaults: Record<string, string> = {}): string[] => {
      const value = (lang: string): string => `"\${${stop()}${defaults[lang] ? `:${escapeSnippetText(yamlEscape(defaults[lang]))}` : ''}}"`;
      if (langs.length === 1) return [`${field}: ${value(langs[0])}`];
      return [`${field}:`, ...langs.map((lang) => `${unit}${lang}: ${value(lang)}`)];
    };
    const body = build(stop, text);
    return { label, detail, lines: [`\${1:${label === 'step: recording notice' ? 'recording-notice' : 'step-id'}}:`, ...body.map((l) => unit + l)] };
  };
  return [
    make('step: say', 'A step that says something and goes on', (stop, text) => [...text('say'), `next: \${${stop()}:next-step}`]),
    make('step: question with branches', 'A question with a branch per answer', (stop, text) => [
      ...text('ask'),
      'branches:',
      `${unit}- when: \${${stop()}:yes}`,
      `${unit}  next: \${${stop()}:next-step}`,
      `${unit}- when: \${${stop()}:no}`,
      `${unit}  outcome: \${${stop()}:outcome}`,
    ]),
    make('step: transfer', 'Hand the call over to another queue or team', (stop, text) => [
      ...text('say'),
      'transfer:',
      `${unit}to: \${${stop()}:back-office}`,
      `${unit}outcome: \${${stop()}:transferred}`,
    ]),
    make('step: escalation', 'Escalate the case to a higher support line', (stop, text) => [
      ...text('note'),
      'escalate:',
      `${unit}to: \${${stop()}:second-line}`,
      `${unit}outcome: \${${stop()}:escalated}`,
    ]),
    make('step: recording notice', 'Tell the customer the call is recorded (satisfies recording-notice)', (stop, text) => [
      ...text('say', RECORDING),
      'satisfies: [recording-notice]',
      `next: \${${stop()}:next-step}`,
    ]),
  ];
}
