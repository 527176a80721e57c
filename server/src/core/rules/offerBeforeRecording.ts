import { pathTo, walk } from '../model/flow';
import type { RawFinding } from '../findings';
import type { Step } from '../model/types';
import type { Rule } from './rule';

const NOTICE = 'recording-notice';

/** In outbound telesales the customer must hear that the call is recorded before any offer. */
export const offerBeforeRecording: Rule = {
  id: 'offer-before-recording',
  defaultSeverity: 'error',
  summary: 'In outbound telesales, a step tagged `offer` can be reached before the recording notice.',
  check({ model, graph }) {
    if (model.kind !== 'telesales' || model.direction !== 'outbound') return [];
    const satisfiesNotice = (s: Step): boolean => s.satisfies.some((x) => x.id === NOTICE);
    const reached = walk(graph, satisfiesNotice);
    const findings: RawFinding[] = [];
    for (let k = 0; k < reached.count; k++) {
      const step = graph.steps[reached.order[k]];
      const tag = step.tags.find((t) => t.id === 'offer');
      if (!tag || satisfiesNotice(step)) continue;
      findings.push({
        message: `Offer step "${step.id}" can be reached before the recording notice: ${pathTo(graph, reached, reached.order[k]).join(' → ')}. Add a step with \`satisfies: [${NOTICE}]\` before it.`,
        start: tag.start,
        end: tag.end,
        data: { id: step.id },
      });
    }
    return findings;
  },
};
