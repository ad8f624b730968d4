/**
 * What the plan-vs-actual rules read about a CRM deals export: figures computed outside the
 * audit (src/actuals), handed in through the audit options so the audit stays pure. The deals
 * themselves never reach the rules, only these per-stage counts.
 */
export interface ActualsInput {
  /** `YYYY-MM-DD`: the day the figures are as of. */
  readonly asOf: string;
  /** Where they came from, e.g. "HubSpot export". */
  readonly source: string;
  readonly stages: readonly StageActualInput[];
}

export interface StageActualInput {
  readonly stageId: string;
  /** Share of the deals resolved at this stage that moved on; null when none is resolved. */
  readonly actual: number | null;
  /** Deals resolved at the stage (moved on or closed): the n behind `actual`. */
  readonly resolved: number;
  /** Open deals in the stage for longer than its `maxDays`. */
  readonly stuck: number;
}

/** Below this many resolved deals a stage's rate is noise, not evidence (collaboration notes). */
export const MIN_DEALS_TO_JUDGE = 30;
