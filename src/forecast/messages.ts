import { METRIC_LABEL, type RateKey } from '../model/metrics';

/**
 * Every reason and note the forecast gives, in one place so the editor and the CLI say the same
 * thing. Reasons name the node and what to add.
 */
const LOOP_NAMES_SHOWN = 5;

export const MESSAGES = {
  stageNoRate: (stage: string) => `Stage "${stage}" has no rate.`,
  pipelineLoops: (cycle: readonly string[]) => {
    const shown = cycle.slice(0, LOOP_NAMES_SHOWN).map((stage) => `"${stage}"`);
    if (cycle.length > LOOP_NAMES_SHOWN) shown.push('…');
    return `The pipeline loops back on itself (${[...shown, `"${cycle[0] ?? ''}"`].join(' → ')}).`;
  },
  noWayOut: (loop: string) =>
    `${loop.replace(/\.$/, '')} and no stage after it ends the pipeline, so no deal can be won: give the last stage no next stage to forecast won deals and new ARR.`,
  channelNoVolume: (channel: string) => `Channel "${channel}" has no volume.`,
  channelNoPeriod: (channel: string) =>
    `Channel "${channel}" has no period (week, month or quarter).`,
  channelNoConversion: (channel: string) =>
    `Channel "${channel}" has no reply rate, visitor-to-lead or conversion rate.`,
  channelNoSpend: (channel: string) => `Channel "${channel}" has no spend.`,
  channelNoStage: (channel: string) =>
    `Channel "${channel}" does not reach a pipeline stage, so its leads are not forecast.`,
  noChannelFeedsPipeline: () =>
    'No channel reaches a pipeline stage yet, so there is nothing to forecast.',
  channelWinsNothing: (channel: string) =>
    `Channel "${channel}" wins no deals, so its CAC is not defined.`,
  noMotion: () => 'The diagram has no sales motion, so the ACV is unknown.',
  motionNoAcv: (motion: string) => `Motion "${motion}" has no ACV.`,
  motionsDisagree: (motions: readonly string[]) =>
    `Motions ${motions.map((m) => `"${m}"`).join(', ')} have different ACVs; connect only one to the pipeline.`,
  noStageWith: (key: RateKey, figure: string) =>
    `No stage carries the "${METRIC_LABEL[key]}" rate, so ${figure} cannot be counted.`,
  noOpportunityStage: () =>
    'No stage carries a win rate or a demo-to-opportunity rate, so opportunities cannot be counted.',
  noWinRateStage: () =>
    'Neither a stage nor the motion carries a win rate, so sales velocity is unknown.',
  noCycle: () =>
    'No motion or stage carries a sales cycle (sales-cycle-days), so sales velocity is unknown.',
  severalCycles: () =>
    'Several stages carry a sales cycle; put the full cycle on the motion to get sales velocity.',
  noCacToCompare: () => 'No channel has a CAC above zero to compare against.',
  zeroCycle: () => 'The sales cycle is 0 days, so sales velocity is not defined.',
  closeRateIgnored: (stage: string, key: RateKey) =>
    `Stage "${stage}" ends the pipeline, so its "${METRIC_LABEL[key]}" rate is not applied: its inflow counts as won deals.`,
  sharesScaled: (stage: string, total: number) =>
    `The shares on stage "${stage}"'s edges add up to ${Math.round(total * 100)}%; they were scaled to 100%.`,
  sharesLeak: (stage: string, total: number) =>
    `The shares on stage "${stage}"'s edges add up to ${Math.round(total * 100)}%; the rest leaves the pipeline.`,
} as const;
