import type { GraphIndex } from '../model/graph';
import type { Diagram, DiagramNode } from '../model/schema';
import { known, unknown, type Estimate } from './estimate';
import { MESSAGES } from './messages';
import { metricValue } from './node-metrics';

type MotionNode = Extract<DiagramNode, { kind: 'motion' }>;

export interface DealEconomics {
  /** The motion whose ACV prices the won deals, when one could be chosen. */
  readonly motion: MotionNode | null;
  readonly acv: Estimate;
  readonly salesCycleDays: Estimate;
}

/**
 * Which motion prices the deals: the only motion; else the motions wired to a stage (either
 * direction, feedback aside); else all motions. Several candidates are fine when they agree on
 * the ACV; otherwise the ACV is unknown rather than a guess.
 */
export function dealEconomics(diagram: Diagram, graph: GraphIndex): DealEconomics {
  const motions = diagram.nodes.filter((node): node is MotionNode => node.kind === 'motion');
  const wired = motions.filter((motion) => touchesStage(motion.id, graph));
  const candidates = wired.length > 0 ? wired : motions;
  const motion = pickMotion(candidates);
  return { motion, acv: acvOf(candidates, motion), salesCycleDays: cycleOf(diagram, motion) };
}

function pickMotion(candidates: readonly MotionNode[]): MotionNode | null {
  if (candidates.length === 0) return null;
  const first = candidates[0] as MotionNode;
  return candidates.every((motion) => motion.data?.acv === first.data?.acv) ? first : null;
}

function acvOf(candidates: readonly MotionNode[], motion: MotionNode | null): Estimate {
  if (candidates.length === 0) return unknown(MESSAGES.noMotion());
  if (!motion) return unknown(MESSAGES.motionsDisagree(candidates.map((m) => m.title)));
  const acv = motion.data?.acv;
  return acv === undefined ? unknown(MESSAGES.motionNoAcv(motion.title)) : known(acv);
}

/** The full cycle belongs on the motion; a single stage carrying it is taken as the full cycle. */
function cycleOf(diagram: Diagram, motion: MotionNode | null): Estimate {
  const onMotion = motion ? metricValue(motion, 'sales-cycle-days') : undefined;
  if (onMotion !== undefined) return known(onMotion);
  const onStages: number[] = [];
  for (const node of diagram.nodes) {
    if (node.kind !== 'stage') continue;
    const days = metricValue(node, 'sales-cycle-days');
    if (days !== undefined) onStages.push(days);
  }
  if (onStages.length === 1) return known(onStages[0] as number);
  return unknown(onStages.length === 0 ? MESSAGES.noCycle() : MESSAGES.severalCycles());
}

function touchesStage(id: string, graph: GraphIndex): boolean {
  const isStageEdge = (other: string) => graph.nodeById.get(other)?.kind === 'stage';
  return (
    (graph.outgoing.get(id) ?? []).some((e) => e.kind !== 'feedback' && isStageEdge(e.target)) ||
    (graph.incoming.get(id) ?? []).some((e) => e.kind !== 'feedback' && isStageEdge(e.source))
  );
}
