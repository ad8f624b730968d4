import { actualOffPlan } from './rules/actual-off-plan';
import { belowBenchmark } from './rules/below-benchmark';
import { benchmarkRedFlag } from './rules/benchmark-red-flag';
import { buyingCommitteeMissing } from './rules/buying-committee-missing';
import { cacPayback } from './rules/cac-payback';
import { disconnectedLayer } from './rules/disconnected-layer';
import { leadTraceGap } from './rules/lead-trace-gap';
import { missingEnrichment } from './rules/missing-enrichment';
import { missingFeedbackLoop } from './rules/missing-feedback-loop';
import { missingLayer } from './rules/missing-layer';
import { metricDrift } from './rules/metric-drift';
import { missingMetric } from './rules/missing-metric';
import { motionUnconnected } from './rules/motion-unconnected';
import { outboundWithoutSequencing } from './rules/outbound-without-sequencing';
import { overcomplicatedEarlyStage } from './rules/overcomplicated-early-stage';
import { personaUnconnected } from './rules/persona-unconnected';
import { positioningIncomplete } from './rules/positioning-incomplete';
import { positioningNoProof } from './rules/positioning-no-proof';
import { reviewOverdue } from './rules/review-overdue';
import { salesCycleTooLong } from './rules/sales-cycle-too-long';
import { stageCount } from './rules/stage-count';
import { stageMissingExitCriteria } from './rules/stage-missing-exit-criteria';
import { stageMissingNextAction } from './rules/stage-missing-next-action';
import { stageMissingOwner } from './rules/stage-missing-owner';
import { stageTooLong } from './rules/stage-too-long';
import { stuckDeals } from './rules/stuck-deals';
import { tooManyChannels } from './rules/too-many-channels';
import { toolsWithoutIcp } from './rules/tools-without-icp';
import { unlabeledHandoff } from './rules/unlabeled-handoff';
import type { Rule } from './types';

/**
 * Every rule, sorted by id (a meta-test keeps it sorted and checks each rule has a test file
 * and a docs section). The engine runs them in this order.
 */
export const RULES: readonly Rule[] = [
  actualOffPlan,
  belowBenchmark,
  benchmarkRedFlag,
  buyingCommitteeMissing,
  cacPayback,
  disconnectedLayer,
  leadTraceGap,
  metricDrift,
  missingEnrichment,
  missingFeedbackLoop,
  missingLayer,
  missingMetric,
  motionUnconnected,
  outboundWithoutSequencing,
  overcomplicatedEarlyStage,
  personaUnconnected,
  positioningIncomplete,
  positioningNoProof,
  reviewOverdue,
  salesCycleTooLong,
  stageCount,
  stageMissingExitCriteria,
  stageMissingNextAction,
  stageMissingOwner,
  stageTooLong,
  stuckDeals,
  tooManyChannels,
  toolsWithoutIcp,
  unlabeledHandoff,
];

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
