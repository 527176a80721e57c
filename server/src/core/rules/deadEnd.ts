import type { Rule } from './rule';

/** Every step needs a way on, or the agent is left with nothing to say next. */
export const deadEnd: Rule = {
  id: 'dead-end',
  defaultSeverity: 'error',
  summary: 'A step has no way on: none of next, branches, outcome, transfer or escalate.',
  check({ model }) {
    return [...model.steps.values()]
      .filter((s) => s.exits.length === 0)
      .map((s) => ({
        message: `Step "${s.id}" is a dead end: give it a way on (next, branches, outcome, transfer or escalate).`,
        ...s.key,
        data: { id: s.id },
      }));
  },
};
