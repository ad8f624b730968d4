import type { Diagram, PersonaRole } from '../../model/schema';
import { addNode } from '../../model/edits/element-edits';
import { formatMoney } from '../format';
import { defineRule } from '../types';

/** Deals over $25K involve 6-10 stakeholders (domain §2). */
export const COMMITTEE_ACV = 25_000;
const KEY_ROLES: ReadonlySet<PersonaRole> = new Set(['economic-buyer', 'champion']);

export const buyingCommitteeMissing = defineRule({
  meta: {
    id: 'buying-committee-missing',
    severity: 'warning',
    layer: 'icp',
    description: `A motion selling above ${formatMoney(COMMITTEE_ACV)} ACV has its economic buyer or champion mapped.`,
    why: 'Above about $25K a year, a purchase is a committee decision involving six to ten people: an economic buyer who signs, a champion who sells internally, technical evaluators, end users and sometimes a blocker. Messaging written for a single user stalls when it reaches that group. Mapping at least the economic buyer and the champion lets positioning and stage criteria speak to the people who decide.',
    howToFix:
      'Add persona nodes to the ICP layer with the roles economic buyer and champion (and, ideally, the evaluators and blockers). The quick fix adds the two key personas.',
    docs: 'docs/rules.md#buying-committee-missing',
    messages: {
      noCommittee:
        'Motion “{motion}” sells at {acv} ACV, where buying is a committee decision, but no economic buyer or champion is mapped.',
    },
  },
  check(diagram, context) {
    const mapped = context
      .ofKind('persona')
      .some((persona) => persona.data?.role !== undefined && KEY_ROLES.has(persona.data.role));
    if (mapped) return [];
    return context
      .ofKind('motion')
      .filter((motion) => (motion.data?.acv ?? 0) > COMMITTEE_ACV)
      .map((motion) => ({
        messageId: 'noCommittee',
        data: {
          motion: motion.title,
          acv: formatMoney(motion.data?.acv ?? 0, diagram.meta.currency),
        },
        target: { type: 'node', id: motion.id, field: 'acv' },
        fix: {
          label: 'Add an economic buyer and a champion persona',
          apply: (current: Diagram) => {
            const withBuyer = addNode(current, 'persona', 'Economic buyer', {
              role: 'economic-buyer',
            }).diagram;
            return addNode(withBuyer, 'persona', 'Champion', { role: 'champion' }).diagram;
          },
        },
      }));
  },
});
