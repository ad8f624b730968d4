import type { Diagram, DiagramNode } from '../../model/schema';
import { addEdge, addNode, removeEdges } from '../../model/edits/element-edits';
import { SALES_KINDS, ungatedChannels } from '../flows';
import { defineRule, type QuickFix } from '../types';
import { edgesFrom, isForward } from '../walk';

const INTO_ENRICHMENT = 'Raw lead: add firmographics, verify email';
const INTO_SALES = 'Qualified lead with enrichment context';

/**
 * Reroutes every direct edge from the channel to a sales node through an enrichment node. The
 * diagram's first enrichment node is reused, since a team runs one enrichment tool for all
 * channels; a new one is added only when there is none.
 */
function insertEnrichment(channelId: string): QuickFix {
  return {
    label: 'Route the channel through an enrichment step',
    apply(diagram) {
      const kindOf = new Map(diagram.nodes.map((node) => [node.id, node.kind]));
      const direct = diagram.edges.filter((edge) => {
        const kind = kindOf.get(edge.target);
        return edge.source === channelId && isForward(edge) && kind && SALES_KINDS.has(kind);
      });
      if (direct.length === 0) return diagram;
      let next: Diagram = removeEdges(diagram, new Set(direct.map((edge) => edge.id)));
      let enrichment: DiagramNode | undefined = next.nodes.find(
        (node) => node.kind === 'enrichment',
      );
      if (!enrichment) {
        ({ diagram: next, node: enrichment } = addNode(next, 'enrichment', 'Enrichment'));
      }
      next = addEdge(next, channelId, enrichment.id, { label: INTO_ENRICHMENT, kind: 'handoff' });
      for (const edge of direct) {
        next = addEdge(next, enrichment.id, edge.target, { label: INTO_SALES, kind: 'handoff' });
      }
      return next;
    },
  };
}

export const missingEnrichment = defineRule({
  meta: {
    id: 'missing-enrichment',
    severity: 'error',
    layer: 'channels',
    description:
      'Leads from every channel pass an enrichment or scoring step before reaching sales.',
    why: 'A channel wired straight into the sales motion hands reps raw leads: no firmographics, unverified emails, no score against the ICP. Reps then spend their time qualifying instead of selling, and the familiar complaint about lead quality follows. The enrichment and scoring step turns a raw lead into a qualified one and decides what goes to outreach and what goes to nurture.',
    howToFix:
      'Put an enrichment (or scoring) node on every path from the channel to a motion or stage. The quick fix replaces direct channel-to-sales edges with channel → enrichment → sales.',
    docs: 'docs/rules.md#missing-enrichment',
    messages: {
      ungated:
        'Leads from “{channel}” reach sales without enrichment or scoring: route them through an enrichment step first.',
    },
  },
  check(_diagram, context) {
    const ungated = context.once(ungatedChannels);
    return context
      .ofKind('channel')
      .filter((channel) => ungated.has(channel.id))
      .map((channel) => {
        const hasDirect = edgesFrom(context, channel.id).some((edge) => {
          const target = context.node(edge.target);
          return isForward(edge) && target !== undefined && SALES_KINDS.has(target.kind);
        });
        const report = {
          messageId: 'ungated' as const,
          data: { channel: channel.title },
          target: { type: 'node' as const, id: channel.id },
        };
        return hasDirect ? { ...report, fix: insertEnrichment(channel.id) } : report;
      });
  },
});
