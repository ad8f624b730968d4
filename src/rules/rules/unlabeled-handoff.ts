import { layerOf, type LayerId, type NodeKind } from '../../model/layers';
import type { DiagramEdge, DiagramNode } from '../../model/schema';
import { isBlank } from '../text';
import { defineRule, type QuickFix, type Report } from '../types';

/** A starting label for the common seams (domain §2-§3); the user edits it to their own words. */
const SUGGESTED: Readonly<Partial<Record<`${LayerId}>${LayerId}`, string>>> = {
  'icp>positioning': 'Who reads the message and the problem they need solved',
  'positioning>channels': 'Core message adapted to the channel',
  'channels>revops': 'Raw lead to enrich and score',
  'channels>sales': 'Lead handed to sales',
  'revops>sales': 'Qualified lead with enrichment context',
  'sales>revops': 'Stage changes and deal data',
  'revops>revops': 'Data sync',
};

/**
 * Where the layer pair is too coarse, the label the card kinds at both ends call for: "Raw lead
 * to enrich and score" fits a channel → enrichment edge but not a channel → CRM one.
 */
const BY_TARGET_KIND: Readonly<Partial<Record<`${LayerId}>${NodeKind}`, string>>> = {
  'channels>enrichment': 'Raw lead to enrich',
  'channels>scoring': 'Lead to score',
  'channels>crm': 'Replies and clicks logged to the CRM',
  'channels>sequencing': 'Replies that stop the sequence',
  'channels>reporting': 'Channel results for the dashboard',
  'revops>channel': 'Sequence steps to send',
  'revops>reporting': 'Figures for the dashboard',
  'revops>crm': 'Records synced to the CRM',
  'sales>crm': 'Stage changes and deal data',
  'sales>reporting': 'Stage figures for the dashboard',
};

const FEEDBACK_INTO: Readonly<Partial<Record<NodeKind, string>>> = {
  segment: 'Won/lost reasons refine the ICP',
  persona: 'Won/lost reasons refine the persona',
  scoring: 'Conversion by score band retrains scoring',
  positioning: 'Won/lost reasons sharpen the message',
};

function suggestion(
  edge: DiagramEdge,
  source: DiagramNode,
  target: DiagramNode,
): string | undefined {
  if (edge.kind === 'feedback') {
    return FEEDBACK_INTO[target.kind] ?? 'Won/lost reasons refine ICP and scoring';
  }
  const from = layerOf(source.kind);
  return BY_TARGET_KIND[`${from}>${target.kind}`] ?? SUGGESTED[`${from}>${layerOf(target.kind)}`];
}

function setLabel(edgeId: string, label: string): QuickFix {
  return {
    label: `Label it "${label}"`,
    apply: (diagram) => ({
      ...diagram,
      edges: diagram.edges.map((edge) => (edge.id === edgeId ? { ...edge, label } : edge)),
    }),
  };
}

export const unlabeledHandoff = defineRule({
  meta: {
    id: 'unlabeled-handoff',
    severity: 'warning',
    layer: 'diagram',
    description: 'Every handoff and data-flow edge says in words what passes across it.',
    why: 'An arrow between two boxes only says that something moves; the label says what. "Qualified lead with enrichment context" and "any form fill" are very different handoffs, and the gap between them is where sales starts complaining about lead quality. Labels turn seams into agreements both sides can check. Edges between two pipeline stages are exempt: a stage\'s exit criteria already define that step.',
    howToFix:
      'Write on the edge what crosses it, e.g. "enrich contact → push to CRM". For common seams the quick fix offers a starting label to edit.',
    docs: 'docs/rules.md#unlabeled-handoff',
    messages: {
      unlabeled:
        'The handoff from “{source}” to “{target}” has no label: say what passes across it.',
    },
  },
  check(diagram, context) {
    const reports: Report<'unlabeled'>[] = [];
    for (const edge of diagram.edges) {
      if (!isBlank(edge.label)) continue;
      const source = context.node(edge.source);
      const target = context.node(edge.target);
      if (!source || !target) continue;
      if (source.kind === 'stage' && target.kind === 'stage') continue;
      const label = suggestion(edge, source, target);
      const report: Report<'unlabeled'> = {
        messageId: 'unlabeled',
        data: { source: source.title, target: target.title },
        target: { type: 'edge', id: edge.id, field: 'label' },
      };
      reports.push(label ? { ...report, fix: setLabel(edge.id, label) } : report);
    }
    return reports;
  },
});
