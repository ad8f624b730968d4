import { cleanDiagram, patchData, removeKinds, setMeta } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { buyingCommitteeMissing } from './buying-committee-missing';

const noCommittee = patchData(
  patchData(cleanDiagram(), 'persona-cro', { role: 'end-user' }),
  'persona-revops',
  { role: undefined },
);

testRule(buyingCommitteeMissing, {
  valid: [
    { name: 'economic buyer and champion mapped', diagram: cleanDiagram() },
    {
      name: 'a champion alone is enough to start',
      diagram: patchData(cleanDiagram(), 'persona-cro', { role: 'end-user' }),
    },
    {
      name: 'exactly 25,000 ACV',
      diagram: patchData(noCommittee, 'motion-sales-led', { acv: 25_000 }),
    },
    { name: 'no ACV set', diagram: patchData(noCommittee, 'motion-sales-led', { acv: undefined }) },
  ],
  invalid: [
    {
      name: 'a 40K motion with only users mapped',
      diagram: noCommittee,
      errors: [
        {
          message:
            'Motion “Sales-led” sells at USD 40,000 ACV, where buying is a committee decision, but no economic buyer or champion is mapped.',
          target: { type: 'node', id: 'motion-sales-led', field: 'acv' },
          fix: 'Add an economic buyer and a champion persona',
        },
      ],
    },
    {
      name: 'no personas at all, in euros',
      diagram: setMeta(removeKinds(cleanDiagram(), 'persona'), { currency: 'EUR' }),
      errors: [
        {
          message:
            'Motion “Sales-led” sells at EUR 40,000 ACV, where buying is a committee decision, but no economic buyer or champion is mapped.',
          target: { type: 'node', id: 'motion-sales-led', field: 'acv' },
        },
      ],
    },
  ],
});
