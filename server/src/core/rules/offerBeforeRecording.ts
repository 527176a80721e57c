import { pathTo, walkFromStart } from '../model/flow';
import type { Rule } from './rule';

const NOTICE = 'recording-notice';

/** In outbound telesales the customer must hear that the call is recorded before any offer. */
export const offerBeforeRecording: Rule = {
  id: 'offer-before-recording',
  defaultSeverity: 'error',
  summary: 'In outbound telesales, a step tagged `offer` can be reached before the recording notice.',
  check({ model, flow }) {
    if (model.kind !== 'telesales' || model.direction !== 'outbound') return [];
    const satisfiesNotice = (s: { satisfies: { id: string }[] }): boolean => s.satisfies.some((x) => x.id === NOTICE);
    const reached = walkFromStart(model, flow, satisfiesNotice);
    const findings = [];
    for (const id of reached.keys()) {
      const step = model.steps.get(id);
      const tag = step?.tags.find((t) => t.id === 'offer');
      if (!step || !tag || satisfiesNotice(step)) continue;
      findings.push({
        message: `Offer step "${id}" can be reached before the recording notice: ${pathTo(reached, id).join(' → ')}. Add a step with \`satisfies: [${NOTICE}]\` before it.`,
        start: tag.start,
        end: tag.end,
        data: { id },
      });
    }
    return findings;
  },
};
