import { strict as assert } from 'assert';
import { block, script } from '../helpers/script';
import { edgeList, graphOf, node } from './helpers';

describe('graph: building the flow graph', () => {
  it('draws steps, branches, outcomes and the start, breadth-first from the start', () => {
    const { graph } = graphOf(
      script({
        languages: '[en, pl]',
        steps: block(`
          greeting:
            say: { en: "Hello, how can I help?", pl: "Dzień dobry" }
            next: ask
          ask:
            ask: { pl: "Czy działa?", en: "Does it work?" }
            branches:
              - when: works
                outcome: resolved
              - when: broken
                next: broken
          broken:
            note: "Tell them we are sorry"
            outcome: failed
        `),
        outcomes: block(`
          resolved: { label: Resolved, success: true }
          failed: { label: Not resolved }
        `),
      }),
    );
    assert.deepEqual(
      graph.nodes.map((n) => n.id),
      ['start', 'step:greeting', 'step:ask', 'outcome:ask/resolved', 'step:broken', 'outcome:broken/failed'],
    );
    assert.deepEqual(edgeList(graph), [
      'start -start-> step:greeting',
      'step:greeting -next-> step:ask',
      'step:ask -branch(works)-> outcome:ask/resolved',
      'step:ask -branch(broken)-> step:broken',
      'step:broken -outcome-> outcome:broken/failed',
    ]);
    const greeting = node(graph, 'step:greeting');
    assert.equal(greeting.stepKind, 'say');
    assert.equal(greeting.excerpt, 'Hello, how can I help?', 'the excerpt is in the first language');
    assert.equal(node(graph, 'step:ask').stepKind, 'ask');
    assert.equal(node(graph, 'step:ask').excerpt, 'Does it work?');
    assert.equal(node(graph, 'step:broken').stepKind, 'note');
    assert.equal(node(graph, 'outcome:ask/resolved').title, 'Resolved');
    assert.equal(node(graph, 'outcome:ask/resolved').success, true);
    assert.equal(node(graph, 'outcome:broken/failed').success, false);
    assert.equal(node(graph, 'start').start, true);
  });

  it('gives each node the range of its key, and the step its whole extent', () => {
    const text = script();
    const { graph } = graphOf(text);
    const greeting = node(graph, 'step:greeting');
    assert.equal(text.slice(greeting.range.start, greeting.range.end), 'greeting');
    assert.match(text.slice(greeting.extent.start, greeting.extent.end), /^greeting:\s+say: Hello, how can I help\?\s+outcome: resolved$/);
    const outcome = node(graph, 'outcome:greeting/resolved');
    assert.equal(text.slice(outcome.range.start, outcome.range.end), 'resolved');
    assert.ok(outcome.range.start > greeting.extent.end, 'an outcome node reveals the outcome declaration');
  });

  it('marks the happy path: a shortest path from the start to a success outcome', () => {
    const { graph } = graphOf(
      script({
        steps: block(`
          greeting:
            ask: Ready?
            branches:
              - when: long way
                next: detour
              - when: short way
                next: close
          detour:
            say: This takes longer
            next: close
          close:
            say: Thank you
            outcome: resolved
        `),
      }),
    );
    const happy = graph.edges.filter((e) => e.happy).map((e) => `${e.source}>${e.target}`);
    assert.deepEqual(happy, ['start>step:greeting', 'step:greeting>step:close', 'step:close>outcome:close/resolved']);
    assert.equal(node(graph, 'step:detour').happy, undefined);
    // The happy branch is ordered first, so the layout draws it as the straight spine.
    assert.equal(graph.edges.find((e) => e.source === 'step:greeting')?.label, 'short way');
  });

  it('draws loops, and flags unreachable steps and dead ends', () => {
    const { graph } = graphOf(
      script({
        steps: block(`
          greeting:
            ask: Again?
            branches:
              - when: again
                next: greeting
              - when: done
                outcome: resolved
          island:
            say: Nobody comes here
            next: island-end
          island-end:
            say: Nor here
        `),
      }),
    );
    assert.ok(edgeList(graph).includes('step:greeting -branch(again)-> step:greeting'));
    assert.equal(node(graph, 'step:island').unreachable, true);
    assert.equal(node(graph, 'step:island-end').unreachable, true);
    assert.equal(node(graph, 'step:island-end').deadEnd, true);
    assert.equal(node(graph, 'step:greeting').unreachable, undefined);
    // Unreachable parts come last, each read from its first step.
    assert.deepEqual(graph.nodes.slice(-2).map((n) => n.id), ['step:island', 'step:island-end']);
    assert.ok(node(graph, 'step:island-end').findings.some((f) => f.ruleId === 'dead-end'));
    assert.ok(node(graph, 'step:island').findings.some((f) => f.ruleId === 'unreachable-step'));
  });

  it('draws objections per step: resume at a step, return to where raised, or end the call', () => {
    const { graph } = graphOf(
      script({
        steps: block(`
          greeting:
            ask: Shall we?
            objections: [busy, price, angry]
            next: offer
          offer:
            say: Here it is
            objections: [busy]
            outcome: resolved
        `),
        objections: block(`
          busy:
            reply: "I will be quick"
            resume: return
          price:
            label: Too expensive
            resume: offer
          angry:
            reply: Sorry
            outcome: lost
        `),
        outcomes: block(`
          resolved: { label: Resolved, success: true }
          lost: { label: Lost }
        `),
      }),
    );
    const edges = edgeList(graph);
    for (const e of [
      'step:greeting -objection-> objection:greeting/busy',
      'objection:greeting/busy -return(return)-> step:greeting',
      'step:greeting -objection-> objection:greeting/price',
      'objection:greeting/price -resume(resume)-> step:offer',
      'step:greeting -objection-> objection:greeting/angry',
      'objection:greeting/angry -outcome-> outcome:greeting/angry/lost',
      'step:offer -objection-> objection:offer/busy',
      'objection:offer/busy -return(return)-> step:offer',
    ]) {
      assert.ok(edges.includes(e), `missing ${e} in\n${edges.join('\n')}`);
    }
    assert.equal(node(graph, 'objection:greeting/price').excerpt, 'Too expensive');
    assert.equal(node(graph, 'objection:greeting/busy').excerpt, 'I will be quick');
    // Objections are detours, not the happy path.
    assert.ok(graph.edges.filter((e) => e.happy).every((e) => e.kind !== 'objection'));
  });

  it('draws handovers as a terminal naming the queue, then its outcome', () => {
    const { graph } = graphOf(
      script({
        steps: block(`
          greeting:
            ask: Billing or technical?
            branches:
              - when: billing
                next: to-billing
              - when: technical
                next: to-second-line
          to-billing:
            say: I will transfer you to billing.
            transfer: { to: billing, outcome: transferred }
          to-second-line:
            say: I will escalate this.
            escalate: { to: second-line }
        `),
        outcomes: '{ transferred: { label: Transferred, success: true } }',
      }),
    );
    assert.equal(node(graph, 'step:to-billing').stepKind, 'transfer');
    assert.equal(node(graph, 'step:to-second-line').stepKind, 'escalate');
    const billing = node(graph, 'handover:to-billing');
    assert.equal(billing.title, 'billing');
    assert.equal(billing.caption, 'transfer to');
    assert.equal(node(graph, 'handover:to-second-line').caption, 'escalate to');
    const edges = edgeList(graph);
    assert.ok(edges.includes('step:to-billing -handover-> handover:to-billing'));
    assert.ok(edges.includes('handover:to-billing -outcome-> outcome:to-billing/transfer/transferred'));
    assert.ok(!edges.some((e) => e.startsWith('handover:to-second-line ')), 'an escalation without outcome ends at its queue');
    assert.equal(node(graph, 'outcome:to-billing/transfer/transferred').happy, true);
  });

  it('draws what is broken: unknown steps, objections and outcomes become missing nodes', () => {
    const { graph } = graphOf(
      script({
        steps: block(`
          greeting:
            ask: Well?
            objections: [ghost]
            branches:
              - when: a
                next: nowhere
              - when: b
                outcome: vanished
        `),
      }),
    );
    assert.equal(node(graph, 'missing:greeting/nowhere').missing, true);
    assert.equal(node(graph, 'missing:greeting/nowhere').caption, 'unknown step');
    assert.equal(node(graph, 'objection:greeting/ghost').missing, true);
    assert.equal(node(graph, 'outcome:greeting/vanished').missing, true);
    const greeting = node(graph, 'step:greeting');
    assert.equal(greeting.severity, 'error');
    assert.ok(greeting.findings.some((f) => f.ruleId === 'unknown-target'));
  });

  it('flags each finding on the step whose source holds it, most severe first', () => {
    const { graph, analysis } = graphOf(
      script({
        steps: block(`
          greeting:
            say: Hello {who}
            next: close
          close:
            say: Bye
            outcome: resolved
        `),
        variables: '{ unused_thing: { type: string } }',
      }),
    );
    const greeting = node(graph, 'step:greeting');
    assert.ok(greeting.findings.some((f) => f.ruleId === 'undeclared-variable'));
    assert.equal(greeting.severity, greeting.findings[0].severity);
    assert.deepEqual(node(graph, 'step:close').findings, []);
    assert.ok(graph.unplaced.some((f) => f.ruleId === 'unused-variable'), 'a top-level finding has no node');
    const placed = graph.nodes.reduce((n, x) => n + x.findings.length, 0);
    assert.equal(placed + graph.unplaced.length, analysis.findings.length);
  });

  it('keeps ids apart whatever the step ids hold', () => {
    const { graph } = graphOf(
      script({
        start: '"a/b"',
        steps: block(`
          "a/b":
            say: One
            next: "a:b"
          "a:b":
            say: Two
            outcome: resolved
        `),
      }),
    );
    const ids = graph.nodes.map((n) => n.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.includes('step:a%2Fb') && ids.includes('step:a%3Ab'));
    assert.equal(node(graph, 'step:a%2Fb').ref, 'a/b');
  });

  it('is the same for the same script', () => {
    const text = script({ steps: block(`
      greeting:
        ask: Again?
        branches:
          - when: again
            next: greeting
          - when: done
            outcome: resolved
    `) });
    assert.deepEqual(graphOf(text).graph, graphOf(text).graph);
  });

  it('draws a script without a start, and one without steps', () => {
    const { graph } = graphOf(script({ start: null }));
    assert.ok(!graph.nodes.some((n) => n.kind === 'start'));
    assert.ok(graph.nodes.every((n) => !n.unreachable), 'without a start nothing is called unreachable');
    assert.deepEqual(graphOf(script({ steps: '{}' })).graph.nodes.map((n) => n.kind), ['start', 'missing']);
  });
});
