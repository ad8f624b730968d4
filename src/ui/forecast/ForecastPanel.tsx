import { useForecast, useForecastBasis } from '../../store/react/use-forecast';
import { feedsPipeline, isKnown } from '../../forecast';
import { Assumptions } from './Assumptions';
import { BenchmarksEditor } from './BenchmarksEditor';
import { ChannelComparison } from './ChannelComparison';
import { ForecastOnBasis } from './ForecastOnBasis';
import { PlanningSection } from './PlanningSection';
import { Section } from './Section';
import { SensitivityChart } from './SensitivityChart';
import { StageFlows } from './StageFlows';

/**
 * The forecast tab: monthly totals, what is unknown and why, channels side by side, the
 * pipeline, sensitivity, the unsourced assumptions and the benchmarks they are judged by.
 * It reads the forecast basis, so dragging cards does not re-render it.
 */
export function ForecastPanel() {
  const diagram = useForecastBasis();
  const forecast = useForecast();
  // Until a channel feeds the pipeline the totals say why there is no forecast; this list keeps
  // the other reasons (a channel with no volume, a stage with no rate).
  const { newArr } = forecast.totals;
  const shownAbove = feedsPipeline(forecast) || isKnown(newArr) ? null : newArr.unknown;
  const unknowns = forecast.unknowns.filter((reason) => reason !== shownAbove);
  return (
    <section role="region" aria-label="Forecast" className="flex flex-col gap-3 p-3">
      <p className="text-xs text-zinc-600">
        Projected from each channel's volume and conversion through the pipeline's rates, per month,
        in {forecast.currency}.
      </p>
      <ForecastOnBasis forecast={forecast} diagram={diagram} />
      <PlanningSection forecast={forecast} diagram={diagram} />
      {unknowns.length > 0 && (
        <Section title="What is unknown">
          <ul className="flex list-disc flex-col gap-1 pl-4 text-sm text-amber-900">
            {unknowns.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </Section>
      )}
      {forecast.notes.length > 0 && (
        <Section title="Notes">
          <ul className="flex list-disc flex-col gap-1 pl-4 text-sm text-zinc-700">
            {forecast.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </Section>
      )}
      <ChannelComparison forecast={forecast} />
      <StageFlows forecast={forecast} />
      <SensitivityChart diagram={diagram} currency={forecast.currency} />
      <Assumptions diagram={diagram} />
      <BenchmarksEditor />
    </section>
  );
}
