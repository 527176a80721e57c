import { strict as assert } from 'assert';
import { nodeAtOffset } from '../../server/src/core/graph';
import { caret } from '../helpers/caret';
import { block, script } from '../helpers/script';
import { graphOf } from './helpers';

describe('graph: the node at the cursor', () => {
  const at = (marked: string): string | undefined => {
    const { text, offset } = caret(marked);
    return nodeAtOffset(graphOf(text).graph, offset)?.id;
  };
  const steps = block(`
    greeting:
      say: Hello
      objections: [busy]
      next: close
    close:
      say: Bye
      outcome: resolved
  `);
  const objections = block(`
    busy:
      reply: Quick
  `);

  it('is the step whose key or value holds the cursor', () => {
    assert.equal(at(script({ steps: steps.replace('greeting:', 'gree|ting:'), objections })), 'step:greeting');
    assert.equal(at(script({ steps: steps.replace('say: Bye', 'say: B|ye'), objections })), 'step:close');
    assert.equal(at(script({ steps: steps.replace('objections: [busy]', 'objections: [bu|sy]'), objections })), 'step:greeting');
  });

  it('is an objection or outcome declaration, else nothing', () => {
    assert.equal(at(script({ steps, objections: objections.replace('Quick', 'Qu|ick') })), 'objection:greeting/busy');
    assert.equal(at(script({ steps, objections }).replace('resolved: {', 'resol|ved: {')), 'outcome:close/resolved');
    assert.equal(at(script({ steps, objections }).replace('title: Test', 'title: Te|st')), undefined);
  });
});
