import { known, multiply, sum, type Estimate } from './estimate';
import type { Forecast } from './forecast-types';

export interface PeriodRow {
  readonly label: string;
  /** Money in the diagram's currency; otherwise a count. */
  readonly money: boolean;
  readonly month: Estimate;
  readonly quarter: Estimate;
  readonly year: Estimate;
}

export interface ForecastPeriods {
  readonly rows: readonly PeriodRow[];
}

/**
 * The monthly totals as a month, a quarter and a year. The forecast is a steady state (the
 * same month repeated), so a quarter is three months and a year twelve; a year of new ARR is
 * what the year's new deals add to the run rate.
 */
export function forecastPeriods(forecast: Forecast): ForecastPeriods {
  const { totals } = forecast;
  const fed = forecast.channels.filter((channel) => channel.entryStageIds.length > 0);
  const row = (label: string, month: Estimate, money = false): PeriodRow => ({
    label,
    money,
    month,
    quarter: multiply(month, known(3)),
    year: multiply(month, known(12)),
  });
  return {
    rows: [
      row('Leads', totals.leads),
      row('MQLs', totals.mql),
      row('SQLs', totals.sql),
      row('Opportunities', totals.opportunities),
      row('Won deals', totals.won),
      // Until a channel feeds the pipeline there is no forecast: not a spend of $0 either.
      row('Spend', fed.length > 0 ? sum(fed.map((c) => c.spendPerMonth)) : totals.leads, true),
      row('New ARR', totals.newArr, true),
    ],
  };
}
