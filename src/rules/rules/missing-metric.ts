import type { Diagram } from '../../model/schema';
import { defineRule } from '../types';

export const missingMetric = defineRule({
  meta: {
    id: 'missing-metric',
    severity: 'info',
    layer: 'diagram',
    description: 'Every channel and pipeline stage (but the close) carries a target metric.',
    why: 'A channel or stage without a number cannot be compared with its benchmark, forecast or reviewed; nobody can tell whether it works. A target metric per step (a reply rate for cold email, visitor-to-lead for content, a conversion rate per stage) is what turns the diagram into a system the team can measure.',
    howToFix:
      'Add the metric the step should hit, with its data source, e.g. a reply rate of 3% for an outbound channel or an MQL-to-SQL rate for a stage.',
    docs: 'docs/rules.md#missing-metric',
    messages: {
      channel:
        'Channel “{node}” has no target metric: add the rate it should hit so it can be checked against its benchmark.',
      stage:
        'Stage “{node}” has no target metric: add its conversion rate or cycle time so it can be measured.',
    },
  },
  check(diagram) {
    const closes = closingStages(diagram);
    return (
      diagram.nodes
        .filter((node) => node.kind === 'channel' || node.kind === 'stage')
        .filter((node) => (node.data?.metrics ?? []).length === 0)
        // The close has no conversion to measure: its inflow is the won deals (see the forecast).
        .filter((node) => !closes.has(node.id))
        .map((node) => ({
          messageId: node.kind === 'channel' ? 'channel' : 'stage',
          data: { node: node.title },
          target: { type: 'node', id: node.id, field: 'metrics' },
        }))
    );
  },
});

/** Stages that other stages lead into and that lead to no further stage: the pipeline's end. */
function closingStages(diagram: Diagram): Set<string> {
  const stages = new Set(diagram.nodes.filter((n) => n.kind === 'stage').map((n) => n.id));
  const hasNext = new Set<string>();
  const hasPrevious = new Set<string>();
  for (const edge of diagram.edges) {
    if (edge.kind === 'feedback' || !stages.has(edge.source) || !stages.has(edge.target)) continue;
    hasNext.add(edge.source);
    hasPrevious.add(edge.target);
  }
  return new Set([...hasPrevious].filter((id) => !hasNext.has(id)));
}
