import { divide, known, multiply, type Estimate } from './estimate';
import type { Forecast } from './forecast-types';

export interface PipelineCoverage {
  /** Opportunities a month priced at the ACV. */
  readonly pipelineValue: Estimate;
  /** New ARR a month the pipeline is measured against: the target given, else the forecast's. */
  readonly against: Estimate;
  /** Pipeline value ÷ that new ARR: 4 means four dollars in the pipeline for each one won. */
  readonly coverage: Estimate;
}

/**
 * Pipeline coverage (domain §6, §7): how much pipeline a month builds for the new ARR it
 * must bring. Measured against the forecast's own new ARR it is one over the win rate; against
 * a target it says whether the pipeline is big enough to reach it.
 */
export function pipelineCoverage(forecast: Forecast, target?: number): PipelineCoverage {
  const pipelineValue = multiply(forecast.totals.opportunities, forecast.acv);
  const against = target === undefined ? forecast.totals.newArr : known(target);
  const coverage = divide(
    pipelineValue,
    against,
    target === undefined
      ? 'The forecast wins no new ARR, so pipeline coverage is not defined.'
      : 'A target of zero has no coverage.',
  );
  return { pipelineValue, against, coverage };
}
