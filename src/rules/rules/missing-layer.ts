import { LAYER_IDS, layerInfo, type LayerId, type NodeKind } from '../../model/layers';
import type { Diagram } from '../../model/schema';
import { addNode } from '../../model/edits/element-edits';
import { defineRule, type QuickFix } from '../types';

/** The node each layer starts from, and the sentence that says what the layer needs. */
const STARTER: Readonly<Record<LayerId, { kind: NodeKind; title: string; need: string }>> = {
  icp: { kind: 'segment', title: 'Target segment', need: 'add the segment you sell to' },
  positioning: {
    kind: 'positioning',
    title: 'Core positioning',
    need: 'add the message: segment, problem, differentiator and proof',
  },
  channels: {
    kind: 'channel',
    title: 'First channel',
    need: 'add the channel that reaches the segment',
  },
  sales: { kind: 'motion', title: 'Sales motion', need: 'add the sales motion and its pipeline' },
  revops: {
    kind: 'crm',
    title: 'CRM',
    need: 'add the CRM and the tools that carry data between the layers',
  },
};

function addStarter(layer: LayerId): QuickFix {
  const { kind, title } = STARTER[layer];
  return {
    label: `Add “${title}” to the ${layerInfo(layer).label} layer`,
    apply: (diagram) => addNode(diagram, kind, title).diagram,
  };
}

const scaffold: QuickFix = {
  label: 'Add a starter node to each of the five layers',
  apply: (diagram) =>
    LAYER_IDS.reduce<Diagram>((next, layer) => addStarter(layer).apply(next), diagram),
};

export const missingLayer = defineRule({
  meta: {
    id: 'missing-layer',
    severity: 'error',
    layer: 'diagram',
    description: 'Each of the five layers, from ICP to RevOps, has at least one node.',
    why: 'A GTM diagram answers three questions at a glance: where leads come from, what happens to them at each stage, and how the team knows the system works. Each layer answers part of that. Without an ICP nobody knows who the message is for; without channels nothing produces leads; without a sales layer nobody owns the conversion; without RevOps nothing measures it. A missing layer is a blind spot, and the seams around it cannot be checked either.',
    howToFix:
      'Add a node to the empty layer. The quick fix drops a starter node into the layer band; an empty diagram gets one starter per layer in a single step.',
    docs: 'docs/rules.md#missing-layer',
    messages: {
      missing: 'The {layer} layer is empty: {need}.',
      empty:
        'The diagram is empty: lay out the five layers, from who you sell to down to the RevOps foundation.',
    },
  },
  check(diagram, context) {
    if (diagram.nodes.length === 0) {
      // A blank canvas is a starting point, not a broken system: guide, don't alarm.
      return [{ messageId: 'empty', target: { type: 'diagram' }, fix: scaffold, severity: 'info' }];
    }
    return LAYER_IDS.filter((layer) => context.inLayer(layer).length === 0).map((layer) => ({
      messageId: 'missing',
      data: { layer: layerInfo(layer).label, need: STARTER[layer].need },
      target: { type: 'diagram' },
      fix: addStarter(layer),
      subject: `layer:${layer}`,
    }));
  },
});
