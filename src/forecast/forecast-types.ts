import type { RateKey } from '../model/metrics';
import type { Estimate } from './estimate';

/** All flows are per month; money is in the diagram's currency. */
export interface ChannelForecast {
  readonly id: string;
  readonly title: string;
  /** Volume (emails, visitors, referrals…) per month: weekly × 52/12, quarterly ÷ 3. */
  readonly volumePerMonth: Estimate;
  /** Which metric converts volume into leads: reply-rate, visitor-to-lead or conversion. */
  readonly conversionKey: RateKey | null;
  readonly conversion: Estimate;
  readonly leads: Estimate;
  readonly won: Estimate;
  /** `data.spend` is per the channel's period, like its volume. */
  readonly spendPerMonth: Estimate;
  /** Spend per month ÷ won deals per month. */
  readonly cac: Estimate;
  /** The first stages its leads enter, split evenly. */
  readonly entryStageIds: readonly string[];
}

export interface StageForecast {
  readonly id: string;
  readonly title: string;
  readonly rateKey: RateKey | null;
  /** Null for the close, whose rate (if any) is not applied. */
  readonly rate: Estimate | null;
  readonly isClose: boolean;
  readonly inflow: Estimate;
  /** For the close, its inflow: the won deals. */
  readonly outflow: Estimate;
}

/**
 * Funnel labels come from the rate key a stage carries: MQL = outflow of lead-to-mql stages,
 * SQL = outflow of mql-to-sql stages, opportunities = inflow of win-rate stages (else outflow of
 * demo-to-opportunity stages), won = inflow of the closes.
 */
export interface ForecastTotals {
  readonly leads: Estimate;
  readonly mql: Estimate;
  readonly sql: Estimate;
  readonly opportunities: Estimate;
  readonly won: Estimate;
  readonly newArr: Estimate;
  /**
   * Σ (inflow × win rate) over win-rate stages × ACV ÷ sales-cycle days: money per day, taking
   * a month's opportunities as the pipeline. With no win-rate stage: opportunities × the motion's
   * win rate.
   */
  readonly salesVelocity: Estimate;
}

export interface Forecast {
  readonly currency: string;
  /** The motion whose ACV prices won deals, or null when none could be chosen. */
  readonly motionId: string | null;
  readonly acv: Estimate;
  readonly salesCycleDays: Estimate;
  /** In diagram order. */
  readonly channels: readonly ChannelForecast[];
  /** Pipeline order: upstream first, stages in or after a loop last. */
  readonly stages: readonly StageForecast[];
  readonly totals: ForecastTotals;
  /** Every distinct reason behind a "?" in the figures above. */
  readonly unknowns: readonly string[];
  /** Adjustments worth knowing that do not make a figure unknown. */
  readonly notes: readonly string[];
}
