import type { NodeKind } from '../model/layers';
import type { Diagram } from '../model/schema';
import { createAuditContext, type AuditContext } from './context';
import { GATE_KINDS, SALES_KINDS, feedbackLoop, nodesOfKinds } from './flows';
import { isForward, walk, type Reach } from './walk';

/**
 * The eight-step data flow of domain §4, and what on the diagram covers each step. A lead is
 * traced along forward edges (handoff and data flow); only step 8 may use feedback edges.
 *
 * 1 target list        an ICP segment exists (the list is built from its criteria)
 * 2 enrichment         an enrichment node is reached from a segment or a channel
 * 3 scoring            a scoring node is reached from a segment or a channel
 * 4 channel execution  a channel exists, or a sequencing node is reached from a segment
 * 5 engagement capture a CRM node is reached from a channel or a sequencing node before sales
 * 6 sales handoff      a motion or stage is reached from an enrichment, scoring or CRM node
 * 7 pipeline tracking  a CRM or reporting node is reached from a stage
 * 8 feedback loop      a segment or scoring node is reached from a stage, CRM or reporting node
 *
 * Reachability rather than fixed order, because real diagrams differ: some enrich the account
 * list before outreach (step 2 before 4), others enrich inbound leads after the channel.
 * Each step is one breadth-first walk, so the whole trace is linear in nodes + edges.
 */

export const LEAD_STEPS = [
  {
    step: 1,
    id: 'target-list',
    label: 'Target account list',
    hint: 'Add an ICP segment: the criteria the target account list is built from.',
  },
  {
    step: 2,
    id: 'enrichment',
    label: 'Enrichment',
    hint: 'Connect an enrichment node after the ICP segments or the channels, so each lead gets firmographics and a verified email.',
  },
  {
    step: 3,
    id: 'scoring',
    label: 'Scoring',
    hint: 'Put a scoring node on the lead path: top scores go to outreach, low scores to nurture.',
  },
  {
    step: 4,
    id: 'channel-execution',
    label: 'Channel execution',
    hint: 'Add a channel, or a sequencing tool reached from the ICP, that runs the outreach.',
  },
  {
    step: 5,
    id: 'engagement-capture',
    label: 'Engagement capture',
    hint: 'Connect the channels (or sequencing) to the CRM so replies, clicks and demo requests are logged.',
  },
  {
    step: 6,
    id: 'sales-handoff',
    label: 'Sales handoff',
    hint: 'Route qualified leads from enrichment, scoring or the CRM into a sales motion or stage, with the enrichment context.',
  },
  {
    step: 7,
    id: 'pipeline-tracking',
    label: 'Pipeline tracking',
    hint: 'Connect the pipeline stages to the CRM or a reporting node so every stage feeds the dashboards.',
  },
  {
    step: 8,
    id: 'feedback-loop',
    label: 'Feedback loop',
    hint: 'Add a feedback edge from closed deals (a stage, the CRM or reporting) back to an ICP segment or the scoring model.',
  },
] as const;

export type LeadStepNumber = (typeof LEAD_STEPS)[number]['step'];
export type LeadStepId = (typeof LEAD_STEPS)[number]['id'];

export interface LeadTraceStep {
  readonly step: LeadStepNumber;
  readonly id: LeadStepId;
  readonly label: string;
  readonly covered: boolean;
  /** The nodes that cover the step (all of them, for highlighting). */
  readonly nodeIds: readonly string[];
  /** One shortest path that brings the lead to the step, when the step needs one. */
  readonly edgeIds: readonly string[];
  /** What the step needs, shown when it is missing. */
  readonly hint: string;
}

export interface LeadTrace {
  readonly steps: readonly LeadTraceStep[];
  readonly missing: readonly LeadTraceStep[];
}

interface Coverage {
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
}

const NONE: Coverage = { nodeIds: [], edgeIds: [] };

export function traceLead(diagram: Diagram, context?: AuditContext): LeadTrace {
  return (context ?? createAuditContext(diagram)).once(computeLeadTrace);
}

function computeLeadTrace(context: AuditContext): LeadTrace {
  const segments = context.ofKind('segment');
  const channels = context.ofKind('channel');
  const fromTop = walk(context, [...segments, ...channels], { follow: isForward });
  // Engagement is captured before the handoff: a CRM reached only through the pipeline is step 7.
  const fromOutreach = walk(context, [...channels, ...context.ofKind('sequencing')], {
    follow: isForward,
    enter: (node) => !SALES_KINDS.has(node.kind),
  });
  const fromQualified = walk(
    context,
    [...nodesOfKinds(context, GATE_KINDS), ...context.ofKind('crm')],
    { follow: isForward },
  );
  const fromStages = walk(context, context.ofKind('stage'), { follow: isForward });
  const loop = context.once(feedbackLoop);

  const coverage: Record<LeadStepId, Coverage> = {
    'target-list': { nodeIds: segments.map((node) => node.id), edgeIds: [] },
    enrichment: reachedKinds(fromTop, ['enrichment']),
    scoring: reachedKinds(fromTop, ['scoring']),
    'channel-execution':
      channels.length > 0
        ? { nodeIds: channels.map((node) => node.id), edgeIds: [] }
        : reachedKinds(walk(context, segments, { follow: isForward }), ['sequencing']),
    'engagement-capture': reachedKinds(fromOutreach, ['crm']),
    'sales-handoff': reachedKinds(fromQualified, [...SALES_KINDS]),
    'pipeline-tracking': reachedKinds(fromStages, ['crm', 'reporting']),
    'feedback-loop': loop.reached
      ? { nodeIds: [loop.reached.id], edgeIds: loop.path.map((edge) => edge.id) }
      : NONE,
  };

  const steps = LEAD_STEPS.map(({ step, id, label, hint }) => {
    const { nodeIds, edgeIds } = coverage[id];
    return { step, id, label, hint, covered: nodeIds.length > 0, nodeIds, edgeIds };
  });
  return { steps, missing: steps.filter((step) => !step.covered) };
}

/**
 * The nodes of `kinds` a walk reached, and the path to the first one reached (the walk's map
 * keeps breadth-first order, so that path is a shortest one).
 */
function reachedKinds(reach: Reach, kinds: readonly NodeKind[]): Coverage {
  const wanted = new Set(kinds);
  const nodeIds: string[] = [];
  for (const node of reach.nodes()) if (wanted.has(node.kind)) nodeIds.push(node.id);
  const first = nodeIds[0];
  return {
    nodeIds,
    edgeIds: first === undefined ? [] : reach.pathTo(first).map((edge) => edge.id),
  };
}
