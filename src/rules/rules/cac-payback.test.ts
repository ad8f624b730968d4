import { cleanDiagram, patchData } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { cacPayback } from './cac-payback';

// In the clean fixture cold email wins 0.036 deals a month on $2,000: a CAC of $55,556 against
// an ACV of $40,000, which pays back in 16.7 months.
testRule(cacPayback, {
  valid: [
    { name: 'a payback under 24 months, even with CAC above ACV', diagram: cleanDiagram() },
    {
      name: 'no ACV to pay back from',
      diagram: patchData(cleanDiagram(), 'motion-sales-led', { acv: undefined }),
    },
    {
      name: 'a longer limit set in the diagram',
      diagram: patchData(cleanDiagram(), 'ch-cold-email', { spend: 4000 }),
      setting: { level: 'warning', options: { maxPaybackMonths: 36 } },
    },
  ],
  invalid: [
    {
      name: 'twice the spend: 33 months',
      diagram: patchData(cleanDiagram(), 'ch-cold-email', { spend: 4000 }),
      errors: [
        {
          message:
            'Channel “Cold email” takes 33.3 months to pay back its CAC of $111,111 at an ACV of $40,000, over the 24-month limit.',
          target: { type: 'node', id: 'ch-cold-email', field: 'spend' },
          severity: 'warning',
          fix: null,
        },
      ],
    },
    {
      name: 'a 12-month limit: CAC above ACV is too much',
      diagram: cleanDiagram(),
      setting: { level: 'warning', options: { maxPaybackMonths: 12 } },
      errors: [
        {
          message:
            'Channel “Cold email” takes 16.7 months to pay back its CAC of $55,556 at an ACV of $40,000, over the 12-month limit.',
          target: { type: 'node', id: 'ch-cold-email', field: 'spend' },
        },
      ],
    },
  ],
});
