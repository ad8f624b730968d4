import { useId, useMemo } from 'react';
import { withActualRates } from '../../actuals/actual-diagram';
import {
  forecastDiagram,
  formatCount,
  formatMoney,
  isKnown,
  type Estimate,
  type Forecast,
} from '../../forecast';
import type { Diagram } from '../../model/schema';
import type { ForecastBasis } from '../../store/actuals/deals-slice';
import { useEditor } from '../../store/react/editor-context';
import { ForecastTotals } from './ForecastTotals';
import { Section } from './Section';

const BASES: readonly { value: ForecastBasis; label: string }[] = [
  { value: 'plan', label: 'Plan' },
  { value: 'actual', label: 'Actuals' },
  { value: 'both', label: 'Side by side' },
];

/**
 * The totals on the diagram's plan, on the imported deals' actual rates (stage conversion,
 * ACV, sales cycle), or both side by side. Without imported deals it is the plan's totals.
 */
export function ForecastOnBasis({ forecast, diagram }: { forecast: Forecast; diagram: Diagram }) {
  const report = useEditor((s) => (s.deals.status === 'ready' ? s.deals.report : null));
  const basis = useEditor((s) => s.forecastBasis);
  const setBasis = useEditor((s) => s.setForecastBasis);
  const actual = useMemo(
    () => (report ? forecastDiagram(withActualRates(diagram, report)) : null),
    [diagram, report],
  );
  const name = useId();
  if (!report || !actual) return <ForecastTotals forecast={forecast} />;
  return (
    <>
      <fieldset className="flex flex-wrap items-center gap-3 text-sm">
        <legend className="sr-only">Forecast on</legend>
        <span className="text-xs text-zinc-600" aria-hidden="true">
          Forecast on
        </span>
        {BASES.map((option) => (
          <label key={option.value} className="flex items-center gap-1">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={basis === option.value}
              onChange={() => setBasis(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {basis === 'plan' && <ForecastTotals forecast={forecast} />}
      {basis === 'actual' && (
        <>
          <p className="text-xs text-zinc-600">
            Stage rates, ACV and sales cycle from the {report.source} of {report.asOf}; channels as
            planned.
          </p>
          <ForecastTotals forecast={actual} />
        </>
      )}
      {basis === 'both' && <SideBySide plan={forecast} actual={actual} />}
    </>
  );
}

const ROWS = [
  { key: 'leads', label: 'Leads' },
  { key: 'sql', label: 'SQLs' },
  { key: 'opportunities', label: 'Opportunities' },
  { key: 'won', label: 'Won deals' },
  { key: 'newArr', label: 'New ARR' },
] as const;

function SideBySide({ plan, actual }: { plan: Forecast; actual: Forecast }) {
  const show = (estimate: Estimate, key: string) =>
    !isKnown(estimate)
      ? '?'
      : key === 'newArr'
        ? formatMoney(estimate.value, plan.currency)
        : formatCount(estimate.value);
  return (
    <Section title="Plan and actuals per month">
      <table className="w-full text-sm" aria-label="Plan and actuals per month">
        <thead>
          <tr className="text-xs text-zinc-500">
            <th scope="col" className="text-left font-medium">
              <span className="sr-only">Figure</span>
            </th>
            <th scope="col" className="text-right font-medium">
              Plan
            </th>
            <th scope="col" className="text-right font-medium">
              Actuals
            </th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.key} className="border-t border-zinc-100">
              <th scope="row" className="py-0.5 text-left font-normal text-zinc-700">
                {row.label}
              </th>
              <td className="text-right">{show(plan.totals[row.key], row.key)}</td>
              <td className="text-right font-medium">{show(actual.totals[row.key], row.key)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
