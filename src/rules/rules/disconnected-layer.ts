import { LAYER_IDS, layerInfo, layerOf, type LayerId } from '../../model/layers';
import type { AuditContext } from '../context';
import { defineRule, type Report } from '../types';
import { edgesFrom, walk } from '../walk';

/**
 * Whether a seam between two adjacent layers is crossed: a forward path from the upper layer
 * through RevOps nodes only (a direct edge being the shortest), or an edge back up. The RevOps
 * detour matters between channels and sales, where the lead should pass enrichment first.
 * The walk stops at the first node of the lower layer, so a connected seam costs little.
 */
function isConnected(context: AuditContext, upper: LayerId, lower: LayerId): boolean {
  const reach = walk(context, context.inLayer(upper), {
    enter: (node) => {
      const layer = layerOf(node.kind);
      return layer === lower || layer === 'revops';
    },
    until: (node) => layerOf(node.kind) === lower,
  });
  if (context.inLayer(lower).some((node) => reach.has(node.id))) return true;
  return context.inLayer(lower).some((node) =>
    edgesFrom(context, node.id).some((edge) => {
      const target = context.node(edge.target);
      return target !== undefined && layerOf(target.kind) === upper;
    }),
  );
}

export const disconnectedLayer = defineRule({
  meta: {
    id: 'disconnected-layer',
    severity: 'warning',
    layer: 'diagram',
    description: 'Two adjacent layers that are both present are joined by at least one edge.',
    why: 'Most GTM failures happen at the seams between layers, not inside them: marketing generates leads sales never sees, messaging nobody adapted per channel, stages whose data never reaches a dashboard. A layer drawn next to its neighbour but not connected to it is exactly such a seam left undefined. Only adjacent layers are checked; when a layer is missing, missing-layer reports that instead.',
    howToFix:
      'Draw a labeled edge across the seam. Between channels and sales the path may go through an enrichment or scoring node, which is the recommended shape.',
    docs: 'docs/rules.md#disconnected-layer',
    messages: {
      seam: 'The {upper} layer is not connected to the {lower} layer below it: add a labeled handoff across the seam.',
    },
  },
  check(_diagram, context) {
    const reports: Report<'seam'>[] = [];
    for (let i = 0; i + 1 < LAYER_IDS.length; i++) {
      const upper = LAYER_IDS[i] as LayerId;
      const lower = LAYER_IDS[i + 1] as LayerId;
      const first = context.inLayer(upper)[0];
      if (!first || context.inLayer(lower).length === 0) continue;
      if (isConnected(context, upper, lower)) continue;
      reports.push({
        messageId: 'seam',
        data: { upper: layerInfo(upper).label, lower: layerInfo(lower).label },
        target: { type: 'node', id: first.id },
      });
    }
    return reports;
  },
});
