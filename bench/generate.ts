/**
 * Generates valid call scripts of a given size for benchmarks: a helpdesk-like tree with branches,
 * loops back, objections and variables, so every rule has real work to do.
 */
export function generateScript(steps: number): string {
  const out: string[] = [
    'callscript: 1',
    `id: generated-${steps}`,
    `title: { en: "Generated script with ${steps} steps", pl: "Wygenerowany skrypt, kroków: ${steps}" }`,
    'kind: telesales',
    'direction: outbound',
    'channel: phone',
    'languages: [en, pl]',
    'talk-time-budget: 600m',
    'variables:',
    '  customer_name: { type: string, required: true, source: crm }',
    '  answer: { type: string }',
    'compliance:',
    '  require: [recording-notice]',
    'start: s0',
    'steps:',
    '  s0:',
    '    say: { en: "Hello {customer_name}, this call is recorded.", pl: "Dzień dobry {customer_name}, rozmowa jest nagrywana." }',
    '    satisfies: [recording-notice]',
    `    next: ${steps > 1 ? 's1' : 'done'}`.replace('next: done', 'outcome: done'),
  ];
  for (let i = 1; i < steps; i++) {
    out.push(`  s${i}:`);
    out.push(`    ask: { en: "Question number ${i} for {customer_name}: is the light on?", pl: "Pytanie numer ${i} do {customer_name}: czy lampka się świeci?" }`);
    if (i % 10 === 0) out.push('    capture: answer');
    if (i % 7 === 0) out.push('    objections: [no-time]');
    if (i % 13 === 0) out.push('    tags: [offer]');
    const next = i + 1 < steps ? `s${i + 1}` : undefined;
    out.push('    branches:');
    out.push(next ? `      - when: "yes"\n        next: ${next}` : '      - when: "yes"\n        outcome: done');
    out.push(i % 5 === 0 && i > 5 ? `      - when: retry\n        next: s${i - 3}` : '      - when: "no"\n        outcome: not-resolved');
  }
  out.push(
    'objections:',
    '  no-time:',
    '    triggers: { en: ["I have no time"], pl: ["nie mam czasu"] }',
    '    technique: schedule-callback',
    '    reply: { en: "When may I call you back?", pl: "Kiedy mogę oddzwonić?" }',
    'outcomes:',
    '  done: { label: Done, success: true }',
    '  not-resolved: { label: Not resolved }',
  );
  return out.join('\n') + '\n';
}
