import type { Diagram, Period } from '../model/schema';
import { dealEconomics } from './deal-economics';
import { divide, isKnown, known, multiply, unknown, valueOf, type Estimate } from './estimate';
import { computeFlow } from './flow';
import { PER_MONTH } from './period';

export interface ChannelGoal {
  readonly id: string;
  readonly title: string;
  /** The channel's own period: volumes below are per this period. */
  readonly period: Period | null;
  readonly volume: Estimate;
  /** The volume this channel alone would need, the others unchanged, to reach the target. */
  readonly needed: Estimate;
}

export interface GoalSeek {
  /** New ARR per month to reach. */
  readonly target: number;
  readonly current: Estimate;
  /** What every channel's volume is multiplied by to reach the target together. */
  readonly scale: Estimate;
  readonly channels: readonly ChannelGoal[];
}

const MESSAGES = {
  nothingWins: () =>
    'No channel wins deals yet, so no volume reaches the target: add the rates the pipeline is missing.',
  channelWinsNothing: (title: string) =>
    `Channel "${title}" wins no deals, so more of its volume does not move new ARR.`,
} as const;

/**
 * "What volume reaches $X of new ARR a month?" Won deals are linear in each channel's volume
 * (the flow is linear), so the answer is exact: one factor for all channels together, and per
 * channel the volume it would need alone.
 */
export function goalSeek(diagram: Diagram, target: number): GoalSeek {
  const flow = computeFlow(diagram);
  const { acv } = dealEconomics(diagram, flow.graph);
  const current = multiply(flow.won, acv);
  const scale = isKnown(current)
    ? current.value > 0
      ? divide(known(target), current, MESSAGES.nothingWins())
      : unknown(MESSAGES.nothingWins())
    : current;
  const gap = valueOf(current) === undefined ? undefined : target - (valueOf(current) as number);

  const channels = flow.channels.map((channel): ChannelGoal => {
    const period = channel.node.data?.period ?? null;
    const volume = channel.node.data?.volume;
    const base = { id: channel.node.id, title: channel.node.title, period };
    const own = volume === undefined ? channel.volumePerMonth : known(volume);
    // New ARR per month for one more unit of monthly volume.
    const perUnit = multiply(multiply(channel.conversion, channel.leadYield), acv);
    if (gap === undefined) return { ...base, volume: own, needed: current };
    if (!isKnown(perUnit)) return { ...base, volume: own, needed: perUnit };
    if (!isKnown(channel.volumePerMonth)) {
      return { ...base, volume: own, needed: channel.volumePerMonth };
    }
    if (perUnit.value <= 0 || period === null) {
      return {
        ...base,
        volume: own,
        needed: unknown(MESSAGES.channelWinsNothing(channel.node.title)),
      };
    }
    const monthly = Math.max(
      channel.volumePerMonth.value,
      channel.volumePerMonth.value + gap / perUnit.value,
    );
    return { ...base, volume: own, needed: divide(known(monthly), known(PER_MONTH[period]), '') };
  });
  return { target, current, scale, channels };
}
