import { indexGraph, type GraphIndex } from '../model/graph';
import type { RateKey } from '../model/metrics';
import type { Diagram, DiagramNode } from '../model/schema';
import { createEntryFinder } from './channel-entries';
import {
  add,
  divide,
  isKnown,
  known,
  multiply,
  sum,
  unknown,
  ZERO,
  type Estimate,
} from './estimate';
import { MESSAGES } from './messages';
import { channelConversion } from './node-metrics';
import { PER_MONTH } from './period';
import { buildPipeline, type Pipeline } from './pipeline';

type ChannelNode = Extract<DiagramNode, { kind: 'channel' }>;

export interface ChannelFlow {
  readonly node: ChannelNode;
  readonly volumePerMonth: Estimate;
  readonly conversionKey: RateKey | null;
  readonly conversion: Estimate;
  readonly leads: Estimate;
  readonly spendPerMonth: Estimate;
  /** Indexes into `Pipeline.stages` of the stages its leads enter, split evenly. */
  readonly entries: readonly number[];
  /** Won deals per lead of this channel. */
  readonly leadYield: Estimate;
  readonly won: Estimate;
}

export interface StageFlow {
  readonly inflow: Estimate;
  /** For the close, its inflow: the won deals. */
  readonly outflow: Estimate;
  /** Won deals per unit that leaves the stage (after its rate); 1 for the close. */
  readonly passOnYield: Estimate;
}

export interface Flow {
  readonly graph: GraphIndex;
  readonly pipeline: Pipeline;
  readonly channels: readonly ChannelFlow[];
  /** Parallel to `pipeline.stages`. */
  readonly stages: readonly StageFlow[];
  /** The inflow of every close: the won deals per month; unknown when no channel feeds a stage. */
  readonly won: Estimate;
}

/**
 * The monthly flow, linear in nodes + edges (plus each channel's walk to its first stages).
 * Stage flows come from a forward pass over the total leads; each channel's won deals come from
 * a backward pass (won deals per unit entering each stage), so per-channel figures cost nothing
 * per stage, and since the flow is linear they sum to the forward totals.
 */
export function computeFlow(diagram: Diagram): Flow {
  const graph = indexGraph(diagram);
  const pipeline = buildPipeline(diagram, graph);
  const { stages: pipe, order } = pipeline;

  const passOn: Estimate[] = new Array<Estimate>(pipe.length).fill(ZERO);
  const stageYield: Estimate[] = new Array<Estimate>(pipe.length).fill(ZERO);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k] as number;
    const stage = pipe[i]!;
    if (stage.loop !== null) {
      passOn[i] = stageYield[i] = unknown(stage.loop);
      continue;
    }
    if (stage.isClose) {
      passOn[i] = stageYield[i] = known(1);
      continue;
    }
    let after = ZERO;
    for (const n of stage.next) after = add(after, multiply(known(n.share), stageYield[n.index]!));
    passOn[i] = after;
    stageYield[i] = multiply(stage.rate, passOn[i]);
  }

  const inflow: Estimate[] = new Array<Estimate>(pipe.length).fill(ZERO);
  const entryStages = createEntryFinder(graph);
  const channels = diagram.nodes
    .filter((node): node is ChannelNode => node.kind === 'channel')
    .map((node) => channelFlow(node, entryStages(node.id), pipeline, stageYield));
  for (const channel of channels) {
    if (channel.entries.length === 0) continue;
    const perEntry = multiply(channel.leads, known(1 / channel.entries.length));
    for (const i of channel.entries) inflow[i] = add(inflow[i]!, perEntry);
  }

  const outflow: Estimate[] = new Array<Estimate>(pipe.length).fill(ZERO);
  // With no channel feeding the pipeline, "0 won" would be a guess about a diagram not yet
  // drawn (an empty one included), not a forecast; stages still show their own zero inflow.
  let won = channels.some((channel) => channel.entries.length > 0)
    ? ZERO
    : unknown(MESSAGES.noChannelFeedsPipeline());
  for (const i of order) {
    const stage = pipe[i]!;
    if (stage.loop !== null) {
      inflow[i] = outflow[i] = unknown(stage.loop);
      continue;
    }
    if (stage.isClose) {
      outflow[i] = inflow[i]!;
      won = add(won, inflow[i]!);
      continue;
    }
    outflow[i] = multiply(inflow[i]!, stage.rate);
    for (const n of stage.next) {
      inflow[n.index] = add(inflow[n.index]!, multiply(outflow[i], known(n.share)));
    }
  }
  // Loops feed closes that Kahn's order never reached, so their won deals are unknown too. A
  // loop with no close after it is a pipeline with no way out: it would "win" exactly nothing,
  // but a known $0 would hide a drawing mistake, so it is unknown with its reason.
  let loopHasClose = false;
  for (let k = pipeline.ordered; k < order.length; k++) {
    const stage = pipe[order[k] as number]!;
    if (stage.isClose) {
      loopHasClose = true;
      won = add(won, unknown(stage.loop ?? ''));
    }
  }
  const firstLoop =
    pipeline.ordered < order.length ? pipe[order[pipeline.ordered] as number] : undefined;
  if (firstLoop && !loopHasClose && isKnown(won))
    won = unknown(MESSAGES.noWayOut(firstLoop.loop ?? ''));

  const stages = pipe.map((_, i): StageFlow => ({
    inflow: inflow[i]!,
    outflow: outflow[i]!,
    passOnYield: passOn[i]!,
  }));
  return { graph, pipeline, channels, stages, won };
}

function channelFlow(
  node: ChannelNode,
  entryIds: readonly string[],
  pipeline: Pipeline,
  stageYield: readonly Estimate[],
): ChannelFlow {
  const data = node.data ?? {};
  const period = data.period;
  const perMonth = period
    ? known(PER_MONTH[period])
    : unknown(MESSAGES.channelNoPeriod(node.title));
  const volume =
    data.volume === undefined ? unknown(MESSAGES.channelNoVolume(node.title)) : known(data.volume);
  const spend =
    data.spend === undefined ? unknown(MESSAGES.channelNoSpend(node.title)) : known(data.spend);
  const rate = channelConversion(node);
  const conversion = rate ? known(rate.value) : unknown(MESSAGES.channelNoConversion(node.title));
  const volumePerMonth = multiply(volume, perMonth);
  const leads = multiply(volumePerMonth, conversion);

  const entries = entryIds.map((id) => pipeline.indexOf.get(id) as number);
  const leadYield =
    entries.length === 0
      ? ZERO
      : multiply(sum(entries.map((i) => stageYield[i]!)), known(1 / entries.length));
  return {
    node,
    volumePerMonth,
    conversionKey: rate?.key ?? null,
    conversion,
    leads,
    spendPerMonth: multiply(spend, perMonth),
    entries,
    leadYield,
    won: multiply(leads, leadYield),
  };
}

export function channelCac(channel: ChannelFlow): Estimate {
  const noDeals =
    channel.entries.length === 0
      ? MESSAGES.channelNoStage(channel.node.title)
      : MESSAGES.channelWinsNothing(channel.node.title);
  return divide(channel.spendPerMonth, channel.won, noDeals);
}
