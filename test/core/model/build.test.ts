import { strict as assert } from 'assert';
import { analyze, type ScriptModel } from '../../../server/src/core';
import { rangeText } from '../../helpers/findings';
import { script } from '../../helpers/script';

const text = script({
  kind: 'telesales',
  direction: 'outbound',
  channel: 'phone',
  languages: '[pl, en]',
  'talk-time-budget': '3m30s',
  variables: `
    customer_name: { type: string, required: true, source: crm, description: From the CRM }
    answer: { type: string }
  `,
  compliance: `
    require: [recording-notice]
  `,
  steps: `
    greeting:
      say: { pl: "Dzień dobry, {customer_name}", en: "Good morning, {customer_name}" }
      satisfies: [recording-notice]
      tags: [intro]
      objections: [busy]
      next: question
    question:
      ask: Czy jest Pan zadowolony?
      capture: answer
      branches:
        - when: tak
          outcome: sale
        - when: nie
          next: greeting
  `,
  objections: `
    busy:
      label: Busy
      technique: empathy
      reply: { pl: Rozumiem, en: I understand }
      resume: question
    angry:
      reply: Przepraszam
      resume: return
      outcome: no-sale
  `,
  outcomes: `
    sale: { label: Sale, success: true }
    no-sale: { label: No sale }
  `,
});

describe('model/build', () => {
  let model: ScriptModel;
  before(() => {
    const m = analyze(text).model;
    assert.ok(m);
    model = m;
  });

  it('reads the header', () => {
    assert.equal(model.id, 'test-script');
    assert.equal(model.kind, 'telesales');
    assert.equal(model.direction, 'outbound');
    assert.equal(model.channel, 'phone');
    assert.deepEqual(model.languages, ['pl', 'en']);
    assert.equal(rangeText(text, model.languagesSpan!), '[pl, en]');
    assert.equal(model.budget?.seconds, 210);
    assert.equal(rangeText(text, model.budget!), '3m30s');
    assert.deepEqual(model.compliance.map((c) => [c.id, rangeText(text, c)]), [['recording-notice', 'recording-notice']]);
    assert.equal(model.start?.id, 'greeting');
  });

  it('defaults the channel to phone', () => {
    assert.equal(analyze(script()).model?.channel, 'phone');
  });

  it('reads steps with their key, texts, tags, captures and exits', () => {
    const greeting = model.steps.get('greeting')!;
    assert.equal(rangeText(text, greeting.key), 'greeting');
    assert.deepEqual(greeting.say?.parts.map((p) => [p.lang, p.text, rangeText(text, p)]), [
      ['pl', 'Dzień dobry, {customer_name}', '"Dzień dobry, {customer_name}"'],
      ['en', 'Good morning, {customer_name}', '"Good morning, {customer_name}"'],
    ]);
    assert.equal(greeting.say?.perLanguage, true);
    assert.deepEqual(greeting.tags.map((t) => t.id), ['intro']);
    assert.deepEqual(greeting.objections.map((o) => o.id), ['busy']);
    assert.deepEqual(greeting.exits.map((e) => e.kind), ['next']);

    const question = model.steps.get('question')!;
    assert.equal(question.ask?.perLanguage, false);
    assert.equal(question.capture?.id, 'answer');
    const exit = question.exits[0];
    assert.ok(exit.kind === 'branches');
    assert.equal(rangeText(text, exit.keySpan), 'branches');
    assert.deepEqual(exit.branches.map((b) => [b.index, b.when, rangeText(text, b.whenSpan), b.target?.kind, b.target?.id]), [
      [0, 'tak', 'tak', 'outcome', 'sale'],
      [1, 'nie', 'nie', 'step', 'greeting'],
    ]);
  });

  it('reads objections: resume to a step, or back where raised', () => {
    const busy = model.objections.get('busy')!;
    assert.equal(busy.technique, 'empathy');
    assert.equal(busy.resume?.id, 'question');
    assert.equal(busy.label?.parts[0].text, 'Busy');
    const angry = model.objections.get('angry')!;
    assert.equal(angry.resume, undefined);
    assert.equal(angry.outcome?.id, 'no-sale');
  });

  it('reads outcomes and variables', () => {
    assert.equal(model.outcomes.get('sale')?.success, true);
    assert.equal(model.outcomes.get('no-sale')?.success, false);
    const v = model.variables.get('customer_name')!;
    assert.deepEqual([v.required, v.source, v.description], [true, 'crm', 'From the CRM']);
    assert.equal(rangeText(text, v.key), 'customer_name');
    assert.equal(model.variables.get('answer')?.required, false);
  });

  it('places each placeholder on its own characters, after escapes, and never past its text', () => {
    const t = script({
      steps: `
        a:
          say: "Caf\\u00e9 {x} and \\"{y}\\" \\x7Bz}"
          outcome: done
        b:
          say: "{z}"
          outcome: done
      `,
    });
    const model = analyze(t).model!;
    const refs = model.refs.filter((r) => r.kind === 'variable');
    assert.deepEqual(
      refs.map((r) => [r.id, r.owner]),
      [
        ['x', 'a'],
        ['y', 'a'],
        ['z', 'a'],
        ['z', 'b'],
      ],
    );
    assert.deepEqual(refs.slice(0, 2).map((r) => rangeText(t, r)), ['x', 'y']);
    // {z} of step a is written with an escape, so it is not in the source as such: it is placed in
    // a's text, not on b's {z} further on.
    const say = model.steps.get('a')!.say!;
    assert.ok(refs[2].start > say.start && refs[2].end < say.end, `at ${refs[2].start}`);
    assert.equal(rangeText(t, refs[3]), 'z');
  });

  it('records every reference with its kind, role, owner and range', () => {
    const refs = model.refs.map((r) => `${r.kind}:${r.id}:${r.role}:${r.owner ?? '-'}:${rangeText(text, r)}`);
    assert.deepEqual(refs.sort(), [
      'objection:busy:expected objection:greeting:busy',
      'outcome:no-sale:outcome:angry:no-sale',
      'outcome:sale:branch 1:question:sale',
      'step:greeting:branch 2:question:greeting',
      'step:greeting:start:-:greeting',
      'step:question:next:greeting:question',
      'step:question:resume:busy:question',
      'variable:answer:capture:question:answer',
      'variable:customer_name:{customer_name}:greeting:customer_name',
      'variable:customer_name:{customer_name}:greeting:customer_name',
    ]);
  });

  it('lists every text with its owner and field, and the sections\' spans', () => {
    assert.deepEqual(model.texts.map((t) => `${t.owner}.${t.field}`), ['script.title', 'sale.label', 'no-sale.label', 'busy.label', 'busy.reply', 'angry.reply', 'greeting.say', 'question.ask']);
    for (const section of ['steps', 'objections', 'outcomes', 'variables'] as const) assert.ok(model.sections[section], section);
    assert.ok(rangeText(text, model.sections.steps!).startsWith('greeting:'));
  });

  it('builds a partial model from a half-written script', () => {
    const half = analyze('callscript: 1\nstart: a\nsteps:\n  a: 5\n  b:\n    next: [x]\n    say: { en: [1] }\n  c: { branches: [1, { when: x }] }\n').model;
    assert.ok(half);
    assert.deepEqual([...half.steps.keys()], ['a', 'b', 'c']);
    assert.deepEqual(half.steps.get('b')?.exits, []);
    const c = half.steps.get('c')!.exits[0];
    assert.ok(c.kind === 'branches');
    assert.deepEqual(c.branches.map((b) => [b.when, b.target]), [['x', undefined]]);
  });
});
