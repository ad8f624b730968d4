import { buildPipeline } from '../forecast/pipeline';
import { stageRate } from '../forecast/node-metrics';
import { indexGraph } from '../model/graph';
import type { Diagram } from '../model/schema';
import type { ActualsInput, StageActualInput } from '../rules/actuals-input';
import { formatDay } from './dates';
import { MIN_DEALS_TO_JUDGE } from './limits';
import type { DealTable } from './read-deals';
import { stageKey, type StageMap } from './stage-mapping';

export interface StageActual extends StageActualInput {
  readonly title: string;
  /** Titles of the stages a deal moves on to, for "MQL → SQL". */
  readonly nextTitles: readonly string[];
  /** Deals that reached the stage (open ones included). */
  readonly reached: number;
  /** Deals that reached a later stage. */
  readonly converted: number;
  /** Open deals sitting in the stage now. */
  readonly open: number;
  /** The diagram's rate for the stage, or null when it has none. */
  readonly plan: number | null;
  /** (actual − plan) ÷ plan; null when either is missing or the plan is 0. */
  readonly drift: number | null;
  /** Fewer than 30 resolved deals: the rate is shown but not judged. */
  readonly tooFew: boolean;
  readonly maxDays: number | null;
  /** The closing stage: deals reaching it are won, so it has no rate of its own. */
  readonly isClose: boolean;
}

export interface StuckDeal {
  readonly row: number;
  readonly name: string;
  readonly amount: number | null;
  readonly stageId: string;
  readonly days: number;
  readonly maxDays: number;
}

export interface ActualsReport extends ActualsInput {
  readonly stages: readonly StageActual[];
  readonly deals: number;
  readonly won: number;
  readonly lost: number;
  readonly open: number;
  /** Deals whose stage maps to `@ignore`, or to nothing. */
  readonly ignored: number;
  readonly unmapped: readonly string[];
  /** won ÷ (won + lost), null with no closed deal. */
  readonly winRate: number | null;
  /** Median days from create to close of won deals. */
  readonly salesCycleDays: number | null;
  /** Mean amount of won deals. */
  readonly acv: number | null;
  /** Longest in stage first. */
  readonly stuck: readonly StuckDeal[];
  readonly minDeals: number;
}

/** Stuck deals listed per stage (all are counted): the list is for reading, not a dump. */
export const MAX_STUCK_LISTED = 100;

/**
 * The figures of issue 15, over the diagram's pipeline (stages in order along their edges):
 * - a deal reached a stage if it has a date entered for it or a later stage, or sits in it or
 *   a later one; a won deal reached every stage;
 * - conversion of s = deals that reached a stage after s ÷ deals that reached s and are
 *   resolved there (moved on, or closed); deals still open in s are left out;
 * - time in stage = as-of − the day the deal entered its stage (its create date without one);
 * - win rate, sales cycle (median, won deals) and ACV (mean, won deals).
 * With explicit outcomes (a status column) those win; otherwise a deal in the closing stage
 * (no next stage) is won, as the forecast counts it.
 */
export function computeActuals(
  table: DealTable,
  diagram: Diagram,
  stageMap: StageMap,
  asOf: number,
  source: string,
): ActualsReport {
  const pipeline = buildPipeline(diagram, indexGraph(diagram));
  const n = pipeline.stages.length;
  // later[s][e]: e is a stage strictly after s along the flow.
  const later = pipeline.stages.map((_, s) =>
    descendants(
      s,
      pipeline.stages.map((st) => st.next.map((x) => x.index)),
      n,
    ),
  );

  const targetByKey = new Map<string, number | '@won' | '@lost' | '@ignore'>();
  for (const [name, target] of Object.entries(stageMap)) {
    if (target.startsWith('@'))
      targetByKey.set(stageKey(name), target as '@won' | '@lost' | '@ignore');
    else {
      const index = pipeline.indexOf.get(target);
      if (index !== undefined) targetByKey.set(stageKey(name), index);
    }
  }
  const dateStage = table.stageDates.map((c) => {
    const t = targetByKey.get(stageKey(c.stage));
    return typeof t === 'number' ? t : -1;
  });
  // Keyed once per distinct stage name, not once per deal.
  const targetOfStage = new Map<string, number | '@won' | '@lost' | '@ignore' | undefined>();
  const unmapped = table.crmStages.filter((name) => !targetByKey.has(stageKey(name)));

  const reached = new Array<number>(n).fill(0);
  const converted = new Array<number>(n).fill(0);
  const resolved = new Array<number>(n).fill(0);
  const openIn = new Array<number>(n).fill(0);
  const stuckIn = new Array<number>(n).fill(0);
  const evidence = new Uint8Array(n);
  const stuck: StuckDeal[] = [];
  const cycles: number[] = [];
  let wonAmount = 0;
  let wonWithAmount = 0;
  let won = 0;
  let lost = 0;
  let open = 0;
  let ignored = 0;

  for (const deal of table.deals) {
    let target = targetOfStage.get(deal.stage);
    if (target === undefined && !targetOfStage.has(deal.stage)) {
      target = targetByKey.get(stageKey(deal.stage));
      targetOfStage.set(deal.stage, target);
    }
    if (target === undefined || target === '@ignore') {
      ignored++;
      continue;
    }
    const current = typeof target === 'number' ? target : -1;
    let outcome = deal.outcome;
    if (outcome === null) {
      outcome = target === '@won' ? 'won' : target === '@lost' ? 'lost' : 'open';
      if (outcome === 'open' && current >= 0 && pipeline.stages[current]?.isClose) outcome = 'won';
    }
    if (outcome === 'won') won++;
    else if (outcome === 'lost') lost++;
    else open++;

    evidence.fill(0);
    if (current >= 0) evidence[current] = 1;
    for (let i = 0; i < dateStage.length; i++) {
      const s = dateStage[i] as number;
      if (s >= 0 && deal.entered[i] !== null) evidence[s] = 1;
    }
    for (let s = 0; s < n; s++) {
      let hasReached = outcome === 'won' || evidence[s] === 1;
      let movedOn = outcome === 'won' && !pipeline.stages[s]?.isClose;
      const after = later[s] as Uint8Array;
      if (!movedOn) {
        for (let e = 0; e < n; e++) {
          if (evidence[e] === 1 && after[e] === 1) {
            movedOn = true;
            break;
          }
        }
      }
      if (movedOn) hasReached = true;
      if (!hasReached) continue;
      reached[s]!++;
      if (movedOn) converted[s]!++;
      if (movedOn || outcome !== 'open') resolved[s]!++;
    }

    if (outcome === 'won') {
      if (deal.created !== null && deal.closed !== null) cycles.push(deal.closed - deal.created);
      if (deal.amount !== null) {
        wonAmount += deal.amount;
        wonWithAmount++;
      }
    } else if (outcome === 'open' && current >= 0) {
      openIn[current]!++;
      const stage = pipeline.stages[current]!;
      const entered = enteredStage(deal.entered, dateStage, current) ?? deal.created;
      const maxDays = stage.node.data?.maxDays;
      if (entered !== null && maxDays !== undefined) {
        const days = asOf - entered;
        if (days > maxDays) {
          stuckIn[current]!++;
          stuck.push({
            row: deal.row,
            name: deal.name,
            amount: deal.amount,
            stageId: stage.node.id,
            days,
            maxDays,
          });
        }
      }
    }
  }

  const order = pipeline.order;
  const stages: StageActual[] = order.map((s) => {
    const stage = pipeline.stages[s]!;
    const plan = stage.isClose ? null : (stageRate(stage.node)?.value ?? null);
    const actual = stage.isClose || resolved[s] === 0 ? null : converted[s]! / resolved[s]!;
    return {
      stageId: stage.node.id,
      title: stage.node.title,
      nextTitles: stage.next.map((x) => pipeline.stages[x.index]?.node.title ?? ''),
      reached: reached[s]!,
      converted: stage.isClose ? 0 : converted[s]!,
      resolved: stage.isClose ? 0 : resolved[s]!,
      open: openIn[s]!,
      stuck: stuckIn[s]!,
      actual,
      plan,
      drift: actual !== null && plan !== null && plan > 0 ? (actual - plan) / plan : null,
      tooFew: (stage.isClose ? 0 : resolved[s]!) < MIN_DEALS_TO_JUDGE,
      maxDays: stage.node.data?.maxDays ?? null,
      isClose: stage.isClose,
    };
  });
  stuck.sort((a, b) => b.days - a.days || a.row - b.row);
  // The longest-waiting deals of each stage are listed; the rest are counted in `stuck`.
  const listedIn = new Map<string, number>();
  const listed = stuck.filter((deal) => {
    const count = (listedIn.get(deal.stageId) ?? 0) + 1;
    listedIn.set(deal.stageId, count);
    return count <= MAX_STUCK_LISTED;
  });
  return {
    asOf: formatDay(asOf),
    source,
    stages,
    deals: table.deals.length,
    won,
    lost,
    open,
    ignored,
    unmapped,
    winRate: won + lost > 0 ? won / (won + lost) : null,
    salesCycleDays: cycles.length > 0 ? median(cycles) : null,
    acv: wonWithAmount > 0 ? wonAmount / wonWithAmount : null,
    stuck: listed,
    minDeals: MIN_DEALS_TO_JUDGE,
  };
}

/** The earliest day the deal entered any CRM stage mapped onto `stage`. */
function enteredStage(
  entered: readonly (number | null)[],
  dateStage: readonly number[],
  stage: number,
): number | null {
  let first: number | null = null;
  for (let i = 0; i < dateStage.length; i++) {
    const day = entered[i];
    if (
      dateStage[i] === stage &&
      day !== null &&
      day !== undefined &&
      (first === null || day < first)
    )
      first = day;
  }
  return first;
}

function descendants(start: number, next: readonly (readonly number[])[], n: number): Uint8Array {
  const seen = new Uint8Array(n);
  const queue = [...(next[start] ?? [])];
  while (queue.length > 0) {
    const s = queue.pop() as number;
    if (seen[s] === 1) continue;
    seen[s] = 1;
    queue.push(...(next[s] ?? []));
  }
  // A loop back to the start does not make a stage later than itself.
  seen[start] = 0;
  return seen;
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}
