import { formatCount, formatPercent, isKnown, type Forecast } from '../../forecast';
import { METRIC_LABEL } from '../../model/metrics';
import { MetricChip } from '../MetricChip';
import { EstimateText } from './EstimateText';
import { Section } from './Section';

/** Each stage's rate against its benchmark, and what flows in and out of it per month. */
export function StageFlows({ forecast }: { forecast: Forecast }) {
  if (forecast.stages.length === 0) {
    return (
      <Section title="Pipeline">
        <p className="text-sm text-zinc-600">Add pipeline stages to see the flow through them.</p>
      </Section>
    );
  }
  return (
    <Section title="Pipeline">
      <table className="w-full border-collapse text-sm">
        <caption className="pb-1 text-left text-xs text-zinc-600">Stages, per month</caption>
        <thead>
          <tr className="text-xs text-zinc-600">
            <th scope="col" className="py-1 pr-1.5 text-left font-medium">
              Stage
            </th>
            <th scope="col" className="px-1.5 py-1 text-right font-medium">
              Rate
            </th>
            <th scope="col" className="px-1.5 py-1 text-right font-medium">
              In
            </th>
            <th scope="col" className="py-1 pl-1.5 text-right font-medium">
              Out
            </th>
          </tr>
        </thead>
        <tbody>
          {forecast.stages.map((stage) => (
            <tr key={stage.id} className="border-t border-zinc-100 align-top">
              <th
                scope="row"
                className="max-w-28 truncate py-1 pr-1.5 text-left font-normal text-zinc-800"
                title={stage.title}
              >
                {stage.title || 'Untitled'}
              </th>
              <td className="px-1.5 py-1 text-right">
                {stage.isClose ? (
                  <span className="text-xs text-zinc-500">Close</span>
                ) : (
                  <span className="flex flex-col items-end gap-0.5">
                    {stage.rate && <EstimateText estimate={stage.rate} format={formatPercent} />}
                    {stage.rateKey && (
                      <span className="text-[11px] text-zinc-500">
                        {METRIC_LABEL[stage.rateKey]}
                      </span>
                    )}
                    {stage.rateKey && stage.rate && isKnown(stage.rate) && (
                      <MetricChip metricKey={stage.rateKey} value={stage.rate.value} />
                    )}
                  </span>
                )}
              </td>
              <td className="px-1.5 py-1 text-right">
                <EstimateText estimate={stage.inflow} format={formatCount} />
              </td>
              <td className="py-1 pl-1.5 text-right">
                <EstimateText estimate={stage.outflow} format={formatCount} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
