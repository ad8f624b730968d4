import { addEdges, addNodes, cleanDiagram, edge, node } from '../../testing/test-diagrams';
import { testRule } from '../../testing/rule-tester';
import { missingEnrichment } from './missing-enrichment';

const ungated = (channel: string) =>
  `Leads from “${channel}” reach sales without enrichment or scoring: route them through an enrichment step first.`;

testRule(missingEnrichment, {
  valid: [
    { name: 'channels reach sales through enrichment and scoring', diagram: cleanDiagram() },
    {
      name: 'a feedback edge from a channel is not a lead path',
      diagram: addEdges(
        cleanDiagram(),
        edge('e-x', 'ch-content', 'stage-sql', 'Attribution', 'feedback'),
      ),
    },
  ],
  invalid: [
    {
      name: 'a channel wired straight to a stage',
      diagram: addEdges(cleanDiagram(), edge('e-x', 'ch-content', 'stage-sql', 'Demo requests')),
      errors: [
        {
          message: ungated('SEO content'),
          target: { type: 'node', id: 'ch-content' },
          fix: 'Route the channel through an enrichment step',
        },
      ],
    },
    {
      name: 'through the CRM only: no fix, since no direct edge to reroute',
      diagram: addEdges(cleanDiagram(), edge('e-x', 'rev-crm', 'motion-sales-led', 'Hot accounts')),
      errors: [
        {
          message: ungated('Cold email'),
          target: { type: 'node', id: 'ch-cold-email' },
          fix: null,
        },
      ],
    },
    {
      name: 'a new enrichment node when the diagram has none',
      diagram: addEdges(
        addNodes(cleanDiagram(), node('channel', 'ch-events', 'Events', { channelType: 'events' })),
        edge('e-x', 'ch-events', 'motion-sales-led', 'Badge scans'),
      ),
      errors: [
        {
          message: ungated('Events'),
          target: { type: 'node', id: 'ch-events' },
          fix: 'Route the channel through an enrichment step',
        },
      ],
    },
  ],
});
