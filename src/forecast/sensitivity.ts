import { METRIC_LABEL, type RateKey } from '../model/metrics';
import type { Diagram } from '../model/schema';
import { dealEconomics } from './deal-economics';
import { isKnown, multiply, valueOf, type Estimate } from './estimate';
import { computeFlow } from './flow';

export interface SensitivityDriver {
  /** `${nodeId}:${key}`, stable across runs for React keys. */
  readonly id: string;
  readonly nodeId: string;
  readonly nodeTitle: string;
  readonly key: RateKey | 'acv';
  /** "MQL · MQL to SQL", "Sales-led · ACV". */
  readonly label: string;
  readonly base: number;
  /** The driver's value at -delta and +delta (rates clamped to 0..1). */
  readonly low: number;
  readonly high: number;
  /** New ARR per month with the driver at `low` and at `high`. */
  readonly arrLow: number;
  readonly arrHigh: number;
  readonly swing: number;
}

export interface Sensitivity {
  readonly delta: number;
  /** New ARR per month as forecast; drivers are empty when it is unknown. */
  readonly baseline: Estimate;
  /** Largest swing first, for a tornado chart; drivers that move nothing are left out. */
  readonly drivers: readonly SensitivityDriver[];
  /** Why the bars are all the same length, when they are (a chart of equal bars needs words). */
  readonly explanation?: string;
}

/** Relative difference under which two swings count as equal (float noise, not a real gap). */
const EQUAL_SWINGS = 1e-9;

/**
 * New ARR when each rate that feeds it, and the ACV, moves by ±delta relative to its value
 * (domain §7: check conversion and pricing to avoid false precision).
 *
 * No re-run per driver: on an acyclic pipeline each path crosses a stage at most once, so won
 * deals are affine in any single rate. Changing stage s's rate from r to r' changes won deals by
 * inflow(s) × (r' − r) × passOnYield(s); a channel's conversion, by its volume × (c' − c) × won
 * per lead. One linear pass prices every driver.
 */
export function sensitivity(diagram: Diagram, options: { delta?: number } = {}): Sensitivity {
  const delta = options.delta ?? 0.2;
  const flow = computeFlow(diagram);
  const { acv: acvEstimate, motion } = dealEconomics(diagram, flow.graph);
  const baseline = multiply(flow.won, acvEstimate);
  const won = valueOf(flow.won);
  const acv = valueOf(acvEstimate);
  if (won === undefined || acv === undefined || !isKnown(baseline)) {
    return { delta, baseline, drivers: [] };
  }

  const drivers: SensitivityDriver[] = [];
  const addRate = (
    node: { id: string; title: string },
    key: RateKey,
    base: number,
    wonPerUnit: number,
  ) => {
    const low = clampRate(base * (1 - delta));
    const high = clampRate(base * (1 + delta));
    const arrLow = (won + (low - base) * wonPerUnit) * acv;
    const arrHigh = (won + (high - base) * wonPerUnit) * acv;
    drivers.push(driver(node, key, METRIC_LABEL[key], base, low, high, arrLow, arrHigh));
  };

  flow.pipeline.stages.forEach((stage, i) => {
    const { inflow, passOnYield } = flow.stages[i]!;
    if (stage.isClose || stage.loop !== null || stage.rateKey === null) return;
    const rate = valueOf(stage.rate);
    const flowIn = valueOf(inflow);
    const perUnit = valueOf(passOnYield);
    if (rate === undefined || flowIn === undefined || perUnit === undefined) return;
    addRate(stage.node, stage.rateKey, rate, flowIn * perUnit);
  });
  for (const channel of flow.channels) {
    const rate = valueOf(channel.conversion);
    const volume = valueOf(channel.volumePerMonth);
    const perLead = valueOf(channel.leadYield);
    if (channel.conversionKey === null || rate === undefined) continue;
    if (volume === undefined || perLead === undefined) continue;
    addRate(channel.node, channel.conversionKey, rate, volume * perLead);
  }
  if (motion) {
    const low = Math.max(0, acv * (1 - delta));
    const high = acv * (1 + delta);
    drivers.push(driver(motion, 'acv', 'ACV', acv, low, high, won * low, won * high));
  }

  // Rounded so that swings equal up to float noise tie and fall back to a stable label order.
  const ranked = drivers
    .filter((d) => d.swing > 0)
    .map((d) => ({ d, rank: Number(d.swing.toPrecision(12)) }));
  ranked.sort((a, b) => b.rank - a.rank || compareLabels(a.d.label, b.d.label));
  const sorted = ranked.map(({ d }) => d);
  const explanation = equalSwings(sorted) ? explainEqual(delta) : undefined;
  return explanation
    ? { delta, baseline, drivers: sorted, explanation }
    : { delta, baseline, drivers: sorted };
}

function equalSwings(drivers: readonly SensitivityDriver[]): boolean {
  if (drivers.length < 2) return false;
  const first = (drivers[0] as SensitivityDriver).swing;
  return drivers.every((d) => Math.abs(d.swing - first) <= EQUAL_SWINGS * first);
}

/**
 * On a single path new ARR is volume × one rate after another × ACV, a product: moving any one
 * factor by a fifth moves the product by a fifth, so every bar has the same length.
 */
function explainEqual(delta: number): string {
  const percent = `${Math.round(delta * 100)}%`;
  return `Every input moves new ARR by the same amount: along a single path new ARR is the volume times each rate in turn times the ACV, so a ${percent} change in any one of them changes new ARR by ${percent}. Pick the input that is cheapest to improve, or the one you are least sure of.`;
}

function driver(
  node: { id: string; title: string },
  key: RateKey | 'acv',
  metricLabel: string,
  base: number,
  low: number,
  high: number,
  arrLow: number,
  arrHigh: number,
): SensitivityDriver {
  return {
    id: `${node.id}:${key}`,
    nodeId: node.id,
    nodeTitle: node.title,
    key,
    label: `${node.title} · ${metricLabel}`,
    base,
    low,
    high,
    arrLow,
    arrHigh,
    swing: Math.abs(arrHigh - arrLow),
  };
}

function compareLabels(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function clampRate(rate: number): number {
  return Math.min(1, Math.max(0, rate));
}
